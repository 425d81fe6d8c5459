import { testApp } from '../fixtures';
import { startTestSimulator, type Simulator } from '../actions/authorization/consentFlow';
import { testCredential } from './credentialTestRunner';

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

	it('rejects a base URL that does not answer like a token endpoint', async () => {
		sim.setFault('token', { type: 'html' });
		await expect(testCredential(credentials())).resolves.toEqual({
			status: 'Error',
			message:
				'The Base URL did not answer like a DigiLocker token endpoint (no OAuth "error" in the reply to a test code). Check the environment or base URL.',
		});
	});
});
