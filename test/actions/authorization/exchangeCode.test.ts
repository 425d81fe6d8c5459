import { createState } from '../../../nodes/DigiLocker/actions/authorization/state';
import { otherApp, testApp } from '../../fixtures';
import {
	giveConsent,
	runOperation,
	serialized,
	startTestSimulator,
	tokenRequests,
	type ClientAuthStyle,
	type Simulator,
} from './consentFlow';

const clock = { offsetMs: 0 };
let sim: Simulator;

beforeAll(async () => {
	sim = await startTestSimulator(clock);
});
afterAll(async () => await sim.stop());
beforeEach(() => {
	clock.offsetMs = 0;
	sim.clearFaults();
	sim.clearRequests();
});

const exchange = (
	style: ClientAuthStyle,
	parameters: Record<string, string>,
	continueOnFail = true,
) => runOperation(sim, style, { operation: 'exchangeCode', ...parameters }, { continueOnFail });

describe.each<ClientAuthStyle>(['basic', 'body'])(
	'authorization › exchangeCode with %s client authentication',
	(style) => {
		it('exchanges the callback code and state for the token envelope', async () => {
			const consent = await giveConsent(sim, style, 'customer-4711');
			const started = Date.now();
			const run = await exchange(style, { code: consent.code, state: consent.state });

			expect(run.items).toHaveLength(1);
			expect(run.items![0].pairedItem).toEqual({ item: 0 });
			const { success, data } = run.items![0].json as {
				success: boolean;
				data: Record<string, unknown>;
			};
			expect(success).toBe(true);
			expect(data).toEqual({
				access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
				token_type: 'Bearer',
				expires_in: 3600,
				refresh_token: expect.stringMatching(/^[0-9a-f]{40}$/),
				scope: expect.any(String),
				consent_valid_till: expect.any(Number),
				digilockerid: sim.users[0].digilockerid,
				id: sim.users[0].digilockerid,
				name: sim.users[0].name,
				dob: sim.users[0].dob,
				gender: sim.users[0].gender,
				eaadhaar: sim.users[0].eaadhaar,
				reference_key: sim.users[0].reference_key,
				new_account: 'N',
				mobile: sim.users[0].mobile,
				created_at: expect.any(String),
				expires_at: expect.any(String),
				context: 'customer-4711',
			});
			const createdAt = Date.parse(data.created_at as string);
			expect(createdAt).toBeGreaterThanOrEqual(started - 5);
			expect(Date.parse(data.expires_at as string) - createdAt).toBe(3600 * 1000);
			expect(sim.tokens.isAccessTokenActive(data.access_token as string)).toBe(true);
		});

		it('sends one form-encoded request with the client authentication of the credential', async () => {
			const consent = await giveConsent(sim, style);
			sim.clearRequests();
			await exchange(style, { code: consent.code, state: consent.state });

			const requests = tokenRequests(sim);
			expect(requests).toHaveLength(1);
			const [request] = requests;
			expect(request.method).toBe('POST');
			expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
			const form = {
				grant_type: 'authorization_code',
				code: consent.code,
				redirect_uri: testApp.redirectUri,
				code_verifier: consent.codeVerifier,
			};
			if (style === 'basic') {
				expect(request.form).toEqual(form);
				expect(request.headers.authorization).toBe(
					`Basic ${Buffer.from(`${testApp.clientId}:${testApp.clientSecret}`).toString('base64')}`,
				);
			} else {
				expect(request.form).toEqual({
					...form,
					client_id: testApp.clientId,
					client_secret: testApp.clientSecret,
				});
				expect(request.headers.authorization).toBeUndefined();
			}
		});

		it('answers a code used twice with INVALID_GRANT', async () => {
			const consent = await giveConsent(sim, style);
			await exchange(style, { code: consent.code, state: consent.state });
			const run = await exchange(style, { code: consent.code, state: consent.state });
			expect(run.items![0].json).toEqual({
				success: false,
				error: {
					code: 'INVALID_GRANT',
					message: expect.stringMatching(
						/^DigiLocker rejected the authorization code or refresh token: .+ \(invalid_grant\), HTTP 400$/,
					),
					status: 400,
					upstream: { error: 'invalid_grant', error_description: expect.any(String) },
				},
			});
		});

		it('answers an expired code with INVALID_GRANT', async () => {
			const consent = await giveConsent(sim, style);
			clock.offsetMs = 11 * 60 * 1000;
			const run = await exchange(style, { code: consent.code, state: consent.state });
			expect(run.items![0].json.error).toMatchObject({ code: 'INVALID_GRANT', status: 400 });
		});

		it('answers a wrong App Secret with INVALID_CLIENT', async () => {
			const consent = await giveConsent(sim, style);
			const run = await runOperation(
				sim,
				style,
				{ operation: 'exchangeCode', code: consent.code, state: consent.state },
				{
					credentials: { clientSecret: `${testApp.clientSecret}-wrong` },
				},
			);
			// the state was signed with the right secret, so it no longer verifies under the wrong one
			expect(run.items![0].json.error).toMatchObject({ code: 'INVALID_STATE' });

			const withOwnVerifier = await runOperation(
				sim,
				style,
				{ operation: 'exchangeCode', code: consent.code, codeVerifier: consent.codeVerifier },
				{
					credentials: { clientSecret: `${testApp.clientSecret}-wrong` },
				},
			);
			expect(withOwnVerifier.items![0].json.error).toMatchObject({
				code: 'INVALID_CLIENT',
				status: 401,
				upstream: { error: 'invalid_client' },
			});
			expect(serialized(withOwnVerifier)).not.toContain(testApp.clientSecret);
		});

		it("accepts a verifier of the caller's own without a state", async () => {
			const consent = await giveConsent(sim, style);
			const run = await exchange(style, { code: consent.code, codeVerifier: consent.codeVerifier });
			expect(run.items![0].json).toMatchObject({ success: true, data: { token_type: 'Bearer' } });
			expect(run.items![0].json.data).not.toHaveProperty('context');
		});

		it('answers a verifier that does not match the challenge with INVALID_GRANT', async () => {
			const consent = await giveConsent(sim, style);
			const run = await exchange(style, { code: consent.code, codeVerifier: 'x'.repeat(43) });
			expect(run.items![0].json.error).toMatchObject({
				code: 'INVALID_GRANT',
				upstream: { error: 'invalid_grant' },
			});
		});

		it('answers a code issued for another redirect URI with INVALID_GRANT', async () => {
			const {
				url,
				state,
				code_verifier: verifier,
			} = (await runOperation(sim, style, { operation: 'getAuthorizationUrl' })).items![0].json
				.data as Record<string, string>;
			const challenge = new URL(url).searchParams.get('code_challenge') as string;
			const { code } = sim.authorize({
				clientId: testApp.clientId,
				redirectUri: `${testApp.redirectUri}/other`,
				codeChallenge: challenge,
				state,
			});
			const run = await exchange(style, { code: code as string, state });
			expect(run.items![0].json.error).toMatchObject({ code: 'INVALID_GRANT' });
			expect(verifier).toHaveLength(43);
		});
	},
);

describe('authorization › exchangeCode refuses bad input before sending anything', () => {
	const nowSeconds = () => Math.floor(Date.now() / 1000);
	it.each([
		[
			'a code expression that yields nothing',
			() => ({ code: '={{ $json.missing }}', state: 'v1.a.b' }),
			'VALIDATION_ERROR',
			'Code is required',
		],
		[
			'a blank code',
			() => ({ code: '  ', state: 'v1.a.b' }),
			'VALIDATION_ERROR',
			'Code is required',
		],
		[
			'a code from an expression that yields an object',
			() => ({ code: '={{ { a: 1 } }}', state: 'v1.a.b' }),
			'VALIDATION_ERROR',
			'Code must be text, not object',
		],
		[
			'a code with a space',
			() => ({ code: 'abc def', state: 'v1.a.b' }),
			'VALIDATION_ERROR',
			'Code must be the code from the callback, without spaces',
		],
		[
			'a code with CRLF',
			() => ({ code: 'abc\r\nX-Injected: 1', state: 'v1.a.b' }),
			'VALIDATION_ERROR',
			'Code contains control characters (such as a line break)',
		],
		[
			'neither state nor verifier',
			() => ({ code: 'abc' }),
			'VALIDATION_ERROR',
			'State is required (or a Code Verifier of your own)',
		],
		[
			'a malformed verifier',
			() => ({ code: 'abc', codeVerifier: 'short' }),
			'VALIDATION_ERROR',
			'Code Verifier must be 43 to 128 characters from A-Z, a-z, 0-9 and - . _ ~',
		],
		[
			'a garbage state',
			() => ({ code: 'abc', state: 'garbage' }),
			'INVALID_STATE',
			'The state is not valid: it was not created by this node',
		],
		[
			'a state of another app',
			() => ({
				code: 'abc',
				state: createState(otherApp, { nowSeconds: nowSeconds(), lifetimeSeconds: 600 }),
			}),
			'INVALID_STATE',
			'The state is not valid: its signature does not match this credential',
		],
		[
			'an expired state',
			() => ({
				code: 'abc',
				state: createState(testApp, { nowSeconds: nowSeconds() - 700, lifetimeSeconds: 600 }),
			}),
			'INVALID_STATE',
			expect.stringMatching(/^The state is not valid: it expired at /),
		],
	])('%s', async (_case, parameters, code, message) => {
		const run = await exchange('basic', parameters());
		expect(run.items).toEqual([
			{ json: { success: false, error: { code, message } }, pairedItem: { item: 0 } },
		]);
		expect(tokenRequests(sim)).toHaveLength(0);
	});

	it('throws NodeOperationError with the code when not continuing on fail', async () => {
		const run = await exchange('basic', { code: 'abc', state: 'garbage' }, false);
		expect(run.items).toBeUndefined();
		expect(run.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'The state is not valid: it was not created by this node',
			context: { code: 'INVALID_STATE', itemIndex: 0 },
		});
	});
});

describe('authorization › exchangeCode when DigiLocker or the network fails', () => {
	it.each([
		[{ type: 'status', status: 500 }, 'UPSTREAM_ERROR', 500],
		[{ type: 'status', status: 503 }, 'UPSTREAM_ERROR', 503],
		[{ type: 'status', status: 530 }, 'UPSTREAM_ERROR', 530],
		[{ type: 'status', status: 429, retryAfter: 2 }, 'RATE_LIMITED', 429],
		[{ type: 'malformed-json' }, 'INVALID_RESPONSE', 200],
		[{ type: 'html' }, 'INVALID_RESPONSE', 200],
		[{ type: 'reset' }, 'NETWORK_ERROR', undefined],
		[{ type: 'truncated' }, 'NETWORK_ERROR', undefined],
	] as const)('maps the fault %j to %s, sent once', async (fault, code, status) => {
		const consent = await giveConsent(sim, 'basic');
		sim.clearRequests();
		sim.setFault('token', fault);
		const run = await exchange('basic', { code: consent.code, state: consent.state });
		const error = run.items![0].json.error as Record<string, unknown>;
		expect(error.code).toBe(code);
		expect(error.status).toBe(status);
		expect(tokenRequests(sim)).toHaveLength(1);
		for (const secret of [consent.code, consent.codeVerifier, testApp.clientSecret]) {
			expect(serialized(run)).not.toContain(secret);
		}
	});

	it('throws NodeApiError with code and HTTP status when not continuing on fail', async () => {
		const consent = await giveConsent(sim, 'basic');
		sim.setFault('token', { type: 'status', status: 503 });
		const run = await exchange('basic', { code: consent.code, state: consent.state }, false);
		expect(run.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '503',
			message: expect.stringMatching(/^DigiLocker could not handle the request: /),
			context: { code: 'UPSTREAM_ERROR', itemIndex: 0 },
		});
		expect(serialized(run)).not.toContain(consent.code);
	});

	it('gives up after the timeout with TIMEOUT, without sending the code again', async () => {
		const consent = await giveConsent(sim, 'basic');
		sim.clearRequests();
		sim.setFault('token', { type: 'latency', ms: 2500 });
		const run = await runOperation(sim, 'basic', {
			operation: 'exchangeCode',
			code: consent.code,
			state: consent.state,
			requestOptions: { timeoutSeconds: 1 },
		});
		expect(run.items![0].json.error).toEqual({
			code: 'TIMEOUT',
			message: `DigiLocker at ${new URL(sim.baseUrl).host} did not answer in time`,
		});
		expect(tokenRequests(sim)).toHaveLength(1);
	});

	it('refuses a timeout outside 1 to 600 seconds before sending anything', async () => {
		const run = await runOperation(sim, 'basic', {
			operation: 'exchangeCode',
			code: 'abc',
			codeVerifier: 'v'.repeat(43),
			requestOptions: { timeoutSeconds: '={{ "soon" }}' },
		});
		expect(run.items![0].json.error).toEqual({
			code: 'VALIDATION_ERROR',
			message: 'Timeout must be a number of seconds from 1 to 600',
		});
		expect(tokenRequests(sim)).toHaveLength(0);
	});

	it('reports an unreachable host as NETWORK_ERROR naming the host only', async () => {
		const run = await runOperation(
			sim,
			'basic',
			{ operation: 'exchangeCode', code: 'abc', codeVerifier: 'v'.repeat(43) },
			{
				credentials: { baseUrl: 'http://127.0.0.1:1/public' },
			},
		);
		expect(run.items![0].json.error).toEqual({
			code: 'NETWORK_ERROR',
			message: 'Could not reach DigiLocker at 127.0.0.1:1 (ECONNREFUSED)',
		});
	});
});

describe('authorization › exchangeCode with many items', () => {
	it('answers each item in order, paired, one bad item not stopping the rest', async () => {
		const first = await giveConsent(sim, 'body', 'first');
		const third = await giveConsent(sim, 'body', 'third');
		const run = await runOperation(
			sim,
			'body',
			{ operation: 'exchangeCode', code: '={{ $json.code }}', state: '={{ $json.state }}' },
			{
				input: [first, { code: 'abc', state: 'tampered' }, third].map(({ code, state }) => ({
					code,
					state,
				})),
			},
		);
		expect(run.items!.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(run.items!.map((item) => item.json.success)).toEqual([true, false, true]);
		expect(
			run.items!.map((item) => (item.json.data as Record<string, unknown> | undefined)?.context),
		).toEqual(['first', undefined, 'third']);
		expect(run.items![1].json.error).toMatchObject({ code: 'INVALID_STATE' });
	});
});
