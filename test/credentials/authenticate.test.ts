import { DigiLockerApi } from '../../credentials/DigiLockerApi.credentials';
import { runDigiLockerNode } from '../engine/harness';
import { testApp } from '../fixtures';
import { startListener, startRedirector } from './listeners';

const { authenticate } = new DigiLockerApi();

const production = { ...testApp, environment: 'production', clientAuthentication: 'basic' };
const tokenUrl = 'https://digilocker.meripehchaan.gov.in/public/oauth2/1/token';

describe('credential › authenticate', () => {
	it.each(['basic', 'body'])('never lets n8n follow a redirect (%s)', async (style) => {
		const options = await authenticate(
			{ ...production, clientAuthentication: style },
			{ url: tokenUrl, method: 'POST', body: new URLSearchParams() },
		);
		expect(options.disableFollowRedirect).toBe(true);
	});

	it.each([
		['another host', { url: 'https://elsewhere.example/public/oauth2/1/token' }],
		['another scheme', { url: 'http://digilocker.meripehchaan.gov.in/public/oauth2/1/token' }],
		['a scheme-relative URL', { url: '//elsewhere.example/x', baseURL: tokenUrl }],
		[
			'a base URL of another host',
			{ url: '/oauth2/1/token', baseURL: 'https://elsewhere.example' },
		],
	])('refuses a request for %s', async (_, options) => {
		await expect(authenticate(production, options)).rejects.toThrow(
			'The request is not addressed to the Base URL of the DigiLocker credential. Nothing was sent.',
		);
	});

	it('refuses an http Base URL outside loopback', async () => {
		const custom = {
			...production,
			environment: 'custom',
			baseUrl: 'http://dl.example.com/public',
		};
		await expect(
			authenticate(custom, { url: 'http://dl.example.com/public/oauth2/1/token' }),
		).rejects.toThrow(
			'The custom Base URL must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1). Nothing was sent.',
		);
	});

	it('keeps a node token request from following a redirect to another origin', async () => {
		const target = await startListener((_request, response) => response.end('{}'));
		const redirector = await startRedirector(307, `${target.url}/public/oauth2/1/token`);
		try {
			await runDigiLockerNode({
				parameters: { resource: 'authorization', operation: 'refreshToken', refreshToken: 'r' },
				credentials: {
					...production,
					environment: 'custom',
					baseUrl: `${redirector.url}/public`,
				},
				continueOnFail: true,
			});
			expect(redirector.received).toHaveLength(1);
			expect(target.received).toEqual([]);
		} finally {
			await redirector.stop();
			await target.stop();
		}
	});
});
