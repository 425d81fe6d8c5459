import { createHash } from 'node:crypto';

// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- test-only: reaches n8n-core's own Logger
import { createRequire } from 'node:module';

import type { IDataObject } from 'n8n-workflow';

import {
	consentRound,
	credentialsFor,
	readPage,
	startTriggerSimulator,
	TestBrowser,
	type Simulator,
} from './consentBrowser';
import { RESPONSE_NODE_ANSWER, withTriggerServer, type TriggerServer } from './triggerServer';

describe('DigiLocker Trigger: how the browser is answered', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startTriggerSimulator();
	});
	afterAll(async () => await sim.stop());

	const withServer = <T>(parameters: IDataObject, run: (server: TriggerServer) => Promise<T>) =>
		withTriggerServer(credentialsFor(sim), parameters, run);

	describe('By Redirecting', () => {
		const redirect = {
			responseMode: 'redirect',
			successUrl: 'https://shop.example/kyc/done?step=3',
			failureUrl: 'https://shop.example/kyc/failed',
		};

		it('sends a granted browser to the Success URL with outcome, keeping its query, and no secrets', async () => {
			await withServer(redirect, async (server) => {
				const browser = new TestBrowser();
				const round = await consentRound(browser, server, { context: 'c-1' });
				const answer = await browser.get(round.callbackUrl);
				expect(answer.status).toBe(303);
				expect(answer.location).toBe('https://shop.example/kyc/done?step=3&outcome=granted');
				expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
				expect(browser.cookies.size).toBe(0);
				expect(server.started(server.calls.at(-1))?.[0]).toMatchObject({ outcome: 'granted' });
			});
		});

		it('adds the context when Add Context to URL is on, and sends a denied browser to the Failure URL', async () => {
			await withServer({ ...redirect, appendContext: true }, async (server) => {
				const browser = new TestBrowser();
				const round = await consentRound(browser, server, { context: 'c 2&x', decision: 'deny' });
				const answer = await browser.get(round.callbackUrl);
				expect(answer.status).toBe(303);
				expect(answer.location).toBe(
					'https://shop.example/kyc/failed?outcome=denied&context=c+2%26x',
				);
			});
		});

		it('sends an invalid callback to the Failure URL without any context', async () => {
			await withServer({ ...redirect, appendContext: true }, async (server) => {
				const round = await consentRound(new TestBrowser(), server, { context: 'secret-ish' });
				const answer = await new TestBrowser().get(round.callbackUrl);
				expect(answer.location).toBe('https://shop.example/kyc/failed?outcome=invalid');
			});
		});

		it('answers neutral 500 pages on both URLs, sending nothing, when a redirect URL is not a full address', async () => {
			await withServer({ ...redirect, successUrl: '/relative/path' }, async (server) => {
				const requests = sim.requests.length;
				const browser = new TestBrowser();
				const start = await browser.get(`${server.origin}/webhook/digilocker/start`);
				const callback = await browser.get(
					`${server.origin}/webhook/digilocker/callback?code=abc&state=abc`,
				);
				for (const answer of [start, callback]) {
					expect(answer.status).toBe(500);
					expect(answer.location).toBeNull();
					expect(readPage(answer.text).outcome).toBe('misconfigured');
				}
				expect(sim.requests.length).toBe(requests);
				expect(server.started(server.calls.at(-1))).toBeUndefined();
			});
		});

		it("names the reason in n8n's log, without the credential's secrets", async () => {
			// the Logger n8n-core's contexts use: its own copies of @n8n/di and @n8n/backend-common
			const fromCore = createRequire(require.resolve('n8n-core'));
			const { Container } = fromCore('@n8n/di') as typeof import('@n8n/di');
			const { Logger } = fromCore('@n8n/backend-common') as typeof import('@n8n/backend-common');
			const logged = jest.spyOn(Container.get(Logger), 'error').mockImplementation(() => undefined);
			try {
				await withServer({ ...redirect, successUrl: '/relative/path' }, async (server) => {
					await new TestBrowser().get(`${server.origin}/webhook/digilocker/start`);
				});
				expect(logged).toHaveBeenCalledTimes(1);
				const message = String(logged.mock.calls[0][0]);
				expect(message).toMatch(/^DigiLocker Trigger ".+" cannot serve consent: .*Success URL/);
				expect(message).not.toContain(credentialsFor(sim).clientSecret);
			} finally {
				logged.mockRestore();
			}
		});
	});

	describe('Using Respond to Webhook Node', () => {
		it('leaves the answer of a starting outcome to the workflow, with the used cookie cleared', async () => {
			await withServer({ responseMode: 'responseNode' }, async (server) => {
				const browser = new TestBrowser();
				const round = await consentRound(browser, server);
				const answer = await browser.get(round.callbackUrl);
				expect(answer.text).toBe(RESPONSE_NODE_ANSWER);
				expect(answer.headers.get('cache-control')).toBe('no-store');
				expect(browser.cookies.size).toBe(0);
				const call = server.calls.at(-1);
				expect(call?.result?.noWebhookResponse).toBeUndefined();
				expect(server.started(call)?.[0]).toMatchObject({ outcome: 'granted', success: true });
			});
		});

		it('answers an outcome that starts nothing itself, with the default page', async () => {
			await withServer({ responseMode: 'responseNode' }, async (server) => {
				const round = await consentRound(new TestBrowser(), server);
				const answer = await new TestBrowser().get(round.callbackUrl);
				expect(answer.status).toBe(400);
				expect(readPage(answer.text).title).toBe('This link is not valid');
			});
		});
	});

	describe('With a Built-In Page', () => {
		it('shows the configured texts, escaped, under a CSP that allows only its own stylesheet', async () => {
			await withServer(
				{ pageTexts: { deniedTitle: 'No <b>worries</b>', deniedMessage: 'Come back "any" time' } },
				async (server) => {
					const browser = new TestBrowser();
					const round = await consentRound(browser, server, { decision: 'deny' });
					const answer = await browser.get(round.callbackUrl);
					expect(readPage(answer.text)).toEqual({
						outcome: 'denied',
						title: 'No &lt;b&gt;worries&lt;/b&gt;',
						message: 'Come back &quot;any&quot; time',
					});
					expect(answer.text).not.toContain('<b>');
					const style = /<style>([^<]*)<\/style>/.exec(answer.text)?.[1] as string;
					const hash = createHash('sha256').update(style).digest('base64');
					expect(answer.headers.get('content-security-policy')).toBe(
						`default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
					);
					expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
					expect(answer.headers.get('x-frame-options')).toBe('DENY');
					expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
					expect(answer.text).not.toMatch(/<script|<img|<iframe|<form/i);
				},
			);
		});
	});
});
