import { testApp } from '../../fixtures';
import {
	obtainTokens,
	runOperation,
	serialized,
	startTestSimulator,
	tokenRequests,
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

const refresh = (
	style: ClientAuthStyle,
	refreshToken: string,
	options: { continueOnFail?: boolean; credentials?: Record<string, string> } = {},
) => runOperation(sim, style, { operation: 'refreshToken', refreshToken }, options);

describe.each<ClientAuthStyle>(['basic', 'body'])(
	'authorization › refreshToken with %s client authentication',
	(style) => {
		it('returns new, rotated tokens and retires the old ones', async () => {
			const old = await obtainTokens(sim, style);
			sim.clearRequests();
			const run = await refresh(style, old.refresh_token as string);

			expect(run.items![0].pairedItem).toEqual({ item: 0 });
			const { success, data } = run.items![0].json as {
				success: boolean;
				data: Record<string, unknown>;
			};
			expect(success).toBe(true);
			expect(data).toMatchObject({
				token_type: 'Bearer',
				expires_in: 3600,
				id: old.id,
				digilockerid: old.digilockerid,
			});
			expect(data.access_token).not.toBe(old.access_token);
			expect(data.refresh_token).toEqual(expect.stringMatching(/^[0-9a-f]{40}$/));
			expect(data.refresh_token).not.toBe(old.refresh_token);
			expect(sim.tokens.isRefreshTokenActive(old.refresh_token as string)).toBe(false);
			expect(sim.tokens.isAccessTokenActive(old.access_token as string)).toBe(false);
			expect(sim.tokens.isAccessTokenActive(data.access_token as string)).toBe(true);

			const [request] = tokenRequests(sim);
			const form = { grant_type: 'refresh_token', refresh_token: old.refresh_token };
			expect(request.form).toEqual(
				style === 'basic'
					? form
					: { ...form, client_id: testApp.clientId, client_secret: testApp.clientSecret },
			);
		});

		it('answers a refresh token used twice with INVALID_GRANT', async () => {
			const old = await obtainTokens(sim, style);
			await refresh(style, old.refresh_token as string);
			const run = await refresh(style, old.refresh_token as string);
			expect(run.items![0].json.error).toMatchObject({
				code: 'INVALID_GRANT',
				status: 400,
				upstream: { error: 'invalid_grant' },
			});
			expect(serialized(run)).not.toContain(old.refresh_token as string);
		});

		it('answers a wrong App Secret with INVALID_CLIENT and never shows the secret', async () => {
			const tokens = await obtainTokens(sim, style);
			const wrongSecret = `${testApp.clientSecret}-wrong`;
			const run = await refresh(style, tokens.refresh_token as string, {
				credentials: { clientSecret: wrongSecret },
			});
			expect(run.items![0].json.error).toMatchObject({ code: 'INVALID_CLIENT', status: 401 });
			expect(serialized(run)).not.toContain(wrongSecret);
			expect(serialized(run)).not.toContain(tokens.refresh_token as string);
		});
	},
);

describe('authorization › refreshToken refuses bad input before sending anything', () => {
	it.each([
		['an expression that yields nothing', '={{ $json.nothing }}', 'Refresh Token is required'],
		['a token with a space', 'abc def', 'Refresh Token must be a token without spaces'],
		[
			'a token with a line break',
			'abc\ndef',
			'Refresh Token contains control characters (such as a line break)',
		],
		['a list from an expression', '={{ [1, 2] }}', 'Refresh Token must be text, not a list'],
		['a huge token', 'x'.repeat(5000), 'Refresh Token is longer than 4096 characters'],
	])('%s', async (_case, refreshToken, message) => {
		const run = await refresh('basic', refreshToken);
		expect(run.items![0].json).toEqual({
			success: false,
			error: { code: 'VALIDATION_ERROR', message },
		});
		expect(tokenRequests(sim)).toHaveLength(0);
	});
});

describe('authorization › refreshToken when DigiLocker fails', () => {
	it('throws NodeApiError carrying the code when not continuing on fail', async () => {
		sim.setFault('token', { type: 'status', status: 530 });
		const run = await refresh('basic', 'f'.repeat(40), { continueOnFail: false });
		expect(run.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '530',
			context: { code: 'UPSTREAM_ERROR', itemIndex: 0 },
		});
		expect(tokenRequests(sim)).toHaveLength(1);
	});
});
