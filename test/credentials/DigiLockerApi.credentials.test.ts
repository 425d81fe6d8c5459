import { testApp } from '../fixtures';
import { startTestSimulator, type Simulator } from '../actions/authorization/consentFlow';
import { testCredential } from './credentialTestRunner';
import { startListener, startRedirector, type Listener } from './listeners';

const HTTPS_RULE =
	'must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1). Nothing was sent.';
const NOT_A_TOKEN_ENDPOINT =
	'The Base URL did not answer like a DigiLocker token endpoint (no OAuth "error" in the reply to a test code). Check the environment or base URL.';

let sim: Simulator;
beforeAll(async () => {
	sim = await startTestSimulator();
});
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.clearFaults();
	sim.clearRequests();
});

const credentials = (overrides: Record<string, string> = {}) => ({
	...testApp,
	environment: 'custom',
	baseUrl: sim.baseUrl,
	clientAuthentication: 'basic',
	...overrides,
});

/** The simulator's token endpoint answers the next request with this status and OAuth body. */
const answerNext = (status: number, body: object) =>
	sim.setFault('token', { type: 'status', status, body, times: 1 });

describe('credential › Test button', () => {
	it.each(['basic', 'body'])(
		'accepts a right key and secret sent by %s (DigiLocker refuses only the test code)',
		async (style) => {
			await expect(testCredential(credentials({ clientAuthentication: style }))).resolves.toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			const [request] = sim.requests;
			expect(request.path).toBe('/public/oauth2/1/token');
			expect(request.form).toMatchObject({
				grant_type: 'authorization_code',
				redirect_uri: testApp.redirectUri,
			});
			expect(
				style === 'basic' ? request.headers.authorization : request.form?.client_secret,
			).toBeTruthy();
		},
	);

	it.each(['basic', 'body'])('rejects a wrong secret sent by %s', async (style) => {
		await expect(
			testCredential(credentials({ clientAuthentication: style, clientSecret: 'not-the-secret' })),
		).resolves.toEqual({
			status: 'Error',
			message:
				'DigiLocker rejected the App Key or App Secret (invalid_client). Check both, and the Client Authentication style.',
		});
	});

	it('rejects an unknown App Key', async () => {
		await expect(testCredential(credentials({ clientId: 'NOBODY' }))).resolves.toMatchObject({
			status: 'Error',
			message: expect.stringContaining('(invalid_client)'),
		});
	});

	it('rejects a base URL that answers a made-up code with HTTP 200 (an HTML page)', async () => {
		sim.setFault('token', { type: 'html' });
		await expect(testCredential(credentials())).resolves.toEqual({
			status: 'Error',
			message:
				'The Base URL did not answer like a DigiLocker token endpoint (HTTP 200 to a test code). Check the environment or base URL.',
		});
	});
});

describe('credential › Test button › https rule, checked before anything is sent', () => {
	it('refuses an http Base URL outside loopback, and sends nothing', async () => {
		// [::ffff:127.0.0.1] is not loopback by the rule's reading, yet it reaches the simulator: proof nothing went out.
		const mapped = sim.baseUrl.replace('127.0.0.1', '[::ffff:127.0.0.1]');
		await expect(testCredential(credentials({ baseUrl: mapped }))).resolves.toEqual({
			status: 'Error',
			message: `The custom Base URL ${HTTPS_RULE}`,
		});
		expect(sim.requests).toHaveLength(0);
	});

	it('refuses a host that cannot resolve with the https rule, not a DNS error', async () => {
		await expect(
			testCredential(credentials({ baseUrl: 'http://digilocker.invalid:8080/public' })),
		).resolves.toEqual({ status: 'Error', message: `The custom Base URL ${HTTPS_RULE}` });
	});

	it('refuses an http Redirect URI outside loopback, and sends nothing', async () => {
		await expect(
			testCredential(credentials({ redirectUri: 'http://n8n.example.com/webhook/cb' })),
		).resolves.toEqual({ status: 'Error', message: `The Redirect URI ${HTTPS_RULE}` });
		expect(sim.requests).toHaveLength(0);
	});

	it('never puts the secret in the refusal', async () => {
		const result = await testCredential(
			credentials({ baseUrl: 'http://digilocker.invalid/public', clientSecret: 'SECRET-XYZ' }),
		);
		expect(JSON.stringify(result)).not.toContain('SECRET-XYZ');
	});
});

describe('credential › Test button › redirects', () => {
	let target: Listener;
	beforeEach(async () => {
		target = await startListener((_request, response) => {
			response.writeHead(400, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ error: 'invalid_grant' }));
		});
	});
	afterEach(async () => await target.stop());

	it.each([301, 302, 303, 307, 308])(
		'fails on HTTP %i and sends nothing to the redirect target',
		async (status) => {
			const redirector = await startRedirector(
				status,
				`${target.url}/public/oauth2/1/token?next=secret-free`,
			);
			try {
				await expect(
					testCredential(credentials({ baseUrl: `${redirector.url}/public` })),
				).resolves.toEqual({
					status: 'Error',
					message: `The Base URL answered with a redirect (HTTP ${status}). The Test follows no redirects, so nothing was sent on; enter the address that answers itself.`,
				});
				expect(redirector.received).toHaveLength(1);
				expect(target.received).toHaveLength(0);
			} finally {
				await redirector.stop();
			}
		},
	);
});

describe('credential › Test button › only a refused code passes', () => {
	it('passes on invalid_grant', async () => {
		answerNext(400, { error: 'invalid_grant', error_description: 'The code is invalid' });
		await expect(testCredential(credentials())).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	it.each([
		[
			'invalid_request',
			400,
			'The token endpoint refused the form of the request (invalid_request). Check the Client Authentication style: DigiLocker may expect the other one.',
		],
		[
			'invalid_client',
			401,
			'DigiLocker rejected the App Key or App Secret (invalid_client). Check both, and the Client Authentication style.',
		],
		[
			'invalid_client_id',
			401,
			'DigiLocker rejected the App Key or App Secret (invalid_client_id). Check both, and the Client Authentication style.',
		],
		[
			'unauthorized_client',
			400,
			'DigiLocker rejected the App Key or App Secret (unauthorized_client). Check both, and the Client Authentication style.',
		],
		[
			'unsupported_grant_type',
			400,
			'The token endpoint does not take the authorization_code grant (unsupported_grant_type). Check the environment or base URL.',
		],
		[
			'invalid_grant_type',
			400,
			'The token endpoint does not take the authorization_code grant (invalid_grant_type). Check the environment or base URL.',
		],
		[
			'invalid_scope',
			400,
			'The token endpoint answered invalid_scope, not invalid_grant, so the Test cannot confirm the key and secret.',
		],
		[
			'access_denied',
			403,
			'The token endpoint answered access_denied, not invalid_grant, so the Test cannot confirm the key and secret.',
		],
	])('fails on %s (HTTP %i)', async (error, status, message) => {
		answerNext(status, { error });
		await expect(testCredential(credentials())).resolves.toEqual({ status: 'Error', message });
	});

	it.each([500, 502, 503, 530])('fails on HTTP %i, whatever the body says', async (status) => {
		answerNext(status, { error: 'invalid_grant' });
		await expect(testCredential(credentials())).resolves.toEqual({
			status: 'Error',
			message: `DigiLocker's token endpoint failed (HTTP ${status}). Try the Test again later.`,
		});
	});

	it('fails on HTTP 429', async () => {
		answerNext(429, { error: 'invalid_grant' });
		await expect(testCredential(credentials())).resolves.toEqual({
			status: 'Error',
			message: 'DigiLocker is limiting requests (HTTP 429). Try the Test again later.',
		});
	});

	it.each([{}, { error: null }, { error: '' }, { access_token: 'x' }])(
		'fails on an answer without an OAuth error: %j',
		async (body) => {
			answerNext(400, body);
			await expect(testCredential(credentials())).resolves.toEqual({
				status: 'Error',
				message: NOT_A_TOKEN_ENDPOINT,
			});
		},
	);

	it('passes an OAuth error it does not list: n8n rules can only name failures', async () => {
		answerNext(400, { error: 'some_future_error' });
		await expect(testCredential(credentials())).resolves.toMatchObject({ status: 'OK' });
	});
});
