import type { IDataObject } from 'n8n-workflow';

import { openState } from '../../nodes/DigiLocker/actions/authorization/state';
import { testApp } from '../fixtures';
import {
	credentialsFor,
	readPage,
	startTriggerSimulator,
	startUrl,
	TestBrowser,
	type Simulator,
} from './consentBrowser';
import { startTriggerServer, withTriggerServer, type TriggerServer } from './triggerServer';

describe('DigiLocker Trigger: the start URL', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startTriggerSimulator();
	});
	afterAll(async () => await sim.stop());

	const withServer = <T>(parameters: IDataObject, run: (server: TriggerServer) => Promise<T>) =>
		withTriggerServer(credentialsFor(sim), parameters, run);

	it('redirects to the consent page with PKCE and a state bound to a fresh HttpOnly cookie, starting nothing', async () => {
		await withServer({}, async (server) => {
			const browser = new TestBrowser();
			const answer = await browser.get(startUrl(server, 'customer-4711'));
			expect(answer.status).toBe(302);
			const consent = new URL(answer.location as string);
			expect(`${consent.origin}${consent.pathname}`).toBe(`${sim.baseUrl}/oauth2/1/authorize`);
			expect(consent.searchParams.get('client_id')).toBe(testApp.clientId);
			expect(consent.searchParams.get('redirect_uri')).toBe(testApp.redirectUri);
			expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
			expect(consent.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);

			const opened = openState(consent.searchParams.get('state') as string, testApp);
			expect(opened.claims.context).toBe('customer-4711');
			expect(opened.boundTo).toMatch(/^[A-Za-z0-9_-]{43}$/);
			expect(opened.claims.expiresAt - opened.claims.issuedAt).toBe(30 * 60);

			const [setCookie] = answer.headers.getSetCookie();
			const name = `dl_consent_${opened.claims.nonce.slice(0, 16)}`;
			expect(setCookie).toMatch(
				new RegExp(
					`^${name}=[A-Za-z0-9_-]{43}; Path=/webhook/digilocker/callback; Max-Age=5400; HttpOnly; SameSite=Lax; Secure$`,
				),
			);
			expect(answer.headers.get('cache-control')).toBe('no-store');
			expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
			expect(server.calls).toEqual([{ name: 'setup', result: { noWebhookResponse: true } }]);
		});
	});

	it("carries the trigger's Consent Options into the consent URL, and the state lifetime (plus an hour) into the cookie's", async () => {
		await withServer(
			{
				consentOptions: {
					purpose: 'kyc',
					serviceName: 'Loan Onboarding',
					reqDoctype: 'PANCR',
					stateLifetimeMinutes: 5,
				},
			},
			async (server) => {
				const answer = await new TestBrowser().get(startUrl(server));
				const consent = new URL(answer.location as string).searchParams;
				expect(consent.get('purpose')).toBe('kyc');
				expect(consent.get('service_name')).toBe('Loan Onboarding');
				expect(consent.get('req_doctype')).toBe('PANCR');
				expect(answer.headers.getSetCookie()[0]).toContain('; Max-Age=3900;');
				expect(openState(consent.get('state') as string, testApp).claims.context).toBeUndefined();
			},
		);
	});

	it('leaves Secure off for a loopback http redirect URI (a local n8n)', async () => {
		const server = await startTriggerServer({
			parameters: { path: 'digilocker' },
			credentials: credentialsFor(sim, {
				redirectUri: 'http://localhost:5678/webhook/digilocker/callback',
			}),
		});
		try {
			const answer = await new TestBrowser().get(startUrl(server));
			expect(answer.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax$/);
		} finally {
			await server.stop();
		}
	});

	it.each([
		['a context over 1024 bytes in the state', `?context=${encodeURIComponent('€'.repeat(400))}`],
		['a context over 512 characters', `?context=${'x'.repeat(513)}`],
		['a context with a line break', '?context=a%0Ab'],
		['two contexts', '?context=a&context=b'],
		['a query over 8 KiB', `?context=a&junk=${'y'.repeat(9000)}`],
	])('answers %s with a neutral 400 page and no redirect', async (_label, query) => {
		await withServer({}, async (server) => {
			const answer = await new TestBrowser().get(
				`${server.origin}/webhook/digilocker/start${query}`,
			);
			expect(answer.status).toBe(400);
			expect(answer.location).toBeNull();
			expect(answer.headers.getSetCookie()).toEqual([]);
			expect(readPage(answer.text).outcome).toBe('bad-start');
		});
	});

	it('answers 404 and redirects nowhere when Serve Start URL is off', async () => {
		await withServer({ serveStart: false }, async (server) => {
			const answer = await new TestBrowser().get(startUrl(server, 'x'));
			expect(answer.status).toBe(404);
			expect(answer.location).toBeNull();
			expect(readPage(answer.text).title).toBe('Nothing here');
		});
	});

	it('answers a neutral 500 page when the Consent Options cannot work (nothing redirected)', async () => {
		await withServer({ consentOptions: { purpose: 'kyc' } }, async (server) => {
			const answer = await new TestBrowser().get(startUrl(server));
			expect(answer.status).toBe(500);
			expect(answer.location).toBeNull();
			expect(readPage(answer.text).outcome).toBe('misconfigured');
		});
	});
});
