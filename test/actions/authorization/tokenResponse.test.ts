import { processTokenResponse } from '../../../nodes/DigiLocker/actions/authorization/tokenResponse';

const now = new Date('2026-11-27T10:00:00.000Z');
const ok = (body: Record<string, unknown>) => processTokenResponse(body, 200, now);

const digiLockerAnswer = {
	access_token: 'a'.repeat(40),
	token_type: 'Bearer',
	expires_in: 3600,
	refresh_token: 'r'.repeat(40),
	scope: 'openid files.issueddocs',
	consent_valid_till: '1795000000',
	digilockerid: '123e4567-e89b-12d3-a456-426614174000',
	name: 'Test User',
	dob: '01011990',
	gender: 'M',
	eaadhaar: 'Y',
	reference_key: 'f'.repeat(32),
	new_account: 'N',
	mobile: '9999999999',
	something_new: { nested: true },
};

describe('processTokenResponse', () => {
	it("keeps DigiLocker's fields and adds id, created_at and expires_at", () => {
		expect(ok(digiLockerAnswer)).toEqual({
			...digiLockerAnswer,
			consent_valid_till: 1795000000,
			id: '123e4567-e89b-12d3-a456-426614174000',
			created_at: '2026-11-27T10:00:00.000Z',
			expires_at: '2026-11-27T11:00:00.000Z',
		});
	});

	it('reads expires_in given as a numeric string', () => {
		expect(ok({ access_token: 'x', expires_in: ' 120 ' })).toMatchObject({
			expires_in: 120,
			expires_at: '2026-11-27T10:02:00.000Z',
		});
	});

	it('leaves out id and expires_at when DigiLocker sends no digilockerid or expires_in', () => {
		const data = ok({ access_token: 'x' });
		expect(data).toEqual({ access_token: 'x', created_at: '2026-11-27T10:00:00.000Z' });
	});

	it('accepts a lowercase token_type', () => {
		expect(ok({ access_token: 'x', token_type: 'bearer' }).token_type).toBe('bearer');
	});

	it.each([
		['no access_token', {}, '"access_token" in the token response must be a non-empty string'],
		[
			'a blank access_token',
			{ access_token: '  ' },
			'"access_token" in the token response must be a non-empty string',
		],
		[
			'a numeric access_token',
			{ access_token: 42 },
			'"access_token" in the token response must be a non-empty string',
		],
		[
			'a MAC token_type',
			{ access_token: 'x', token_type: 'mac' },
			'"token_type" in the token response must be "Bearer"',
		],
		[
			'a refresh_token object',
			{ access_token: 'x', refresh_token: {} },
			'"refresh_token" in the token response must be a string',
		],
		[
			'a scope list',
			{ access_token: 'x', scope: ['openid'] },
			'"scope" in the token response must be a string',
		],
		[
			'a numeric digilockerid',
			{ access_token: 'x', digilockerid: 7 },
			'"digilockerid" in the token response must be a string',
		],
		[
			'a negative expires_in',
			{ access_token: 'x', expires_in: -1 },
			'"expires_in" in the token response must be a whole number of seconds',
		],
		[
			'a fractional expires_in',
			{ access_token: 'x', expires_in: 1.5 },
			'"expires_in" in the token response must be a whole number of seconds',
		],
		[
			'a word as expires_in',
			{ access_token: 'x', expires_in: 'soon' },
			'"expires_in" in the token response must be a whole number of seconds',
		],
		[
			'a date as consent_valid_till',
			{ access_token: 'x', consent_valid_till: '2026-12-01' },
			'"consent_valid_till" in the token response must be a Unix time in seconds',
		],
	])('rejects %s as INVALID_RESPONSE', (_case, body, message) => {
		expect(() => ok(body)).toThrow(message);
		expect(() => ok(body)).toThrow(
			expect.objectContaining({ code: 'INVALID_RESPONSE', status: 200 }),
		);
	});

	it.each([
		['an expires_in beyond ten years', { expires_in: 1e20 }, 'expires_in'],
		['a consent_valid_till past year 9999', { consent_valid_till: 1e15 }, 'consent_valid_till'],
		['a token_type of mac', { token_type: 'mac' }, 'token_type'],
	])('keeps the tokens of an answer with %s, as INVALID_RESPONSE', (_case, fields, field) => {
		const answer = { access_token: 'a'.repeat(40), refresh_token: 'r'.repeat(40), ...fields };
		expect(() => ok(answer)).toThrow(
			expect.objectContaining({
				code: 'INVALID_RESPONSE',
				message: expect.stringContaining(`"${field}"`),
				keptData: answer,
			}),
		);
	});
});
