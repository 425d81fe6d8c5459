import { testApp } from '../../fixtures';
import {
	obtainTokens,
	revokeRequests,
	runOperation,
	serialized,
	startTestSimulator,
	type ClientAuthStyle,
	type Simulator,
} from './consentFlow';

let sim: Simulator;
beforeAll(async () => {
	sim = await startTestSimulator();
});
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.clearFaults();
	sim.clearRequests();
});

const revoke = (
	style: ClientAuthStyle,
	token: string,
	tokenTypeHint = 'access_token',
	credentials?: Record<string, string>,
) => runOperation(sim, style, { operation: 'revokeToken', token, tokenTypeHint }, { credentials });

describe.each<ClientAuthStyle>(['basic', 'body'])(
	'authorization › revokeToken with %s client authentication',
	(style) => {
		it('revokes an access token, which ends the whole grant', async () => {
			const tokens = await obtainTokens(sim, style);
			sim.clearRequests();
			const run = await revoke(style, tokens.access_token as string);
			expect(run.items).toEqual([
				{
					json: { success: true, data: { revoked: true, token_type_hint: 'access_token' } },
					pairedItem: { item: 0 },
				},
			]);
			expect(sim.tokens.isAccessTokenActive(tokens.access_token as string)).toBe(false);
			expect(sim.tokens.isRefreshTokenActive(tokens.refresh_token as string)).toBe(false);

			const [request] = revokeRequests(sim);
			const form = { token: tokens.access_token, token_type_hint: 'access_token' };
			expect(request.form).toEqual(
				style === 'basic'
					? form
					: { ...form, client_id: testApp.clientId, client_secret: testApp.clientSecret },
			);
		});

		it('revokes a refresh token', async () => {
			const tokens = await obtainTokens(sim, style);
			const run = await revoke(style, tokens.refresh_token as string, 'refresh_token');
			expect(run.items![0].json).toEqual({
				success: true,
				data: { revoked: true, token_type_hint: 'refresh_token' },
			});
			expect(sim.tokens.isAccessTokenActive(tokens.access_token as string)).toBe(false);
		});

		it('answers a wrong App Secret with INVALID_CLIENT and keeps the token alive', async () => {
			const tokens = await obtainTokens(sim, style);
			const run = await revoke(style, tokens.access_token as string, 'access_token', {
				clientSecret: 'wrong-secret-value',
			});
			expect(run.items![0].json.error).toMatchObject({ code: 'INVALID_CLIENT', status: 401 });
			expect(sim.tokens.isAccessTokenActive(tokens.access_token as string)).toBe(true);
			expect(serialized(run)).not.toContain(tokens.access_token as string);
		});
	},
);

describe('authorization › revokeToken edge cases', () => {
	it('treats a token DigiLocker does not know as revoked (RFC 7009)', async () => {
		const run = await revoke('basic', 'a'.repeat(40));
		expect(run.items![0].json).toEqual({
			success: true,
			data: { revoked: true, token_type_hint: 'access_token' },
		});
	});

	it('maps a bare 400 of the revoke endpoint to INVALID_TOKEN', async () => {
		sim.setFault('revoke', {
			type: 'status',
			status: 400,
			body: { error: 'invalid_request', error_description: 'The token is invalid' },
		});
		const run = await revoke('basic', 'a'.repeat(40));
		expect(run.items![0].json.error).toEqual({
			code: 'INVALID_TOKEN',
			message: 'DigiLocker rejected the token: The token is invalid (invalid_request), HTTP 400',
			status: 400,
			upstream: { error: 'invalid_request', error_description: 'The token is invalid' },
		});
	});

	it.each([
		['no token', '={{ "" }}', 'access_token', 'Token is required'],
		[
			'an unknown hint from an expression',
			'a'.repeat(40),
			'={{ "id_token" }}',
			'Token Type Hint must be "access_token" or "refresh_token"',
		],
	])('refuses %s before sending anything', async (_case, token, hint, message) => {
		const run = await revoke('basic', token, hint);
		expect(run.items![0].json).toEqual({
			success: false,
			error: { code: 'VALIDATION_ERROR', message },
		});
		expect(revokeRequests(sim)).toHaveLength(0);
	});
});
