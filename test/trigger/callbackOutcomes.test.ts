import type { IDataObject } from 'n8n-workflow';

import { createState } from '../../nodes/DigiLocker/actions/authorization/state';
import { bindingCookieName } from '../../nodes/DigiLockerTrigger/trigger/bindingCookie';
import { otherApp, testApp } from '../fixtures';
import {
	consentRound,
	credentialsFor,
	readPage,
	startTriggerSimulator,
	TestBrowser,
	tokenRequests,
	type Simulator,
} from './consentBrowser';
import { startTriggerServer, type TriggerServer } from './triggerServer';

const CALLBACK = '/webhook/digilocker/callback';

describe('DigiLocker Trigger: outcomes of the callback', () => {
	let sim: Simulator;
	let server: TriggerServer;

	beforeAll(async () => {
		sim = await startTriggerSimulator();
		server = await startTriggerServer({
			parameters: { path: 'digilocker' },
			credentials: credentialsFor(sim),
		});
	});
	afterAll(async () => {
		await server.stop();
		await sim.stop();
	});

	const lastCall = () => server.calls[server.calls.length - 1];
	const startedItem = () => server.started(lastCall())?.[0] as IDataObject | undefined;

	/** A state made with the app's secret, bound to a cookie the test sets itself (for lifetimes and codes the flow cannot reach). */
	function craftedCallback(
		browser: TestBrowser,
		options: { issuedAgo?: number; lifetime?: number; code?: string; app?: typeof testApp } = {},
	) {
		const nonce = `crafted${Math.random().toString(36).slice(2)}nonce`;
		const binding = 'crafted-binding-value-0123456789';
		const state = createState(options.app ?? testApp, {
			nowSeconds: Math.floor(Date.now() / 1000) - (options.issuedAgo ?? 0),
			lifetimeSeconds: options.lifetime ?? 600,
			context: 'crafted-customer',
			binding,
			nonce,
		});
		browser.cookies.set(bindingCookieName(nonce), { value: binding, path: CALLBACK });
		const query = new URLSearchParams({ code: options.code ?? 'no-such-code-0000', state });
		return `${server.origin}${CALLBACK}?${query.toString()}`;
	}

	it('granted: exchanges the code, starts the workflow with the token envelope and the context, and shows the page', async () => {
		const browser = new TestBrowser();
		const round = await consentRound(browser, server, { context: 'customer-4711' });
		const before = tokenRequests(sim).length;
		const answer = await browser.get(round.callbackUrl);

		expect(tokenRequests(sim).length).toBe(before + 1);
		expect(answer.status).toBe(200);
		expect(readPage(answer.text)).toEqual({
			outcome: 'granted',
			title: 'DigiLocker is connected',
			message: 'Thank you. Your documents are being fetched; you can close this page.',
		});
		const item = startedItem() as IDataObject;
		const data = item.data as IDataObject;
		expect(item).toMatchObject({ outcome: 'granted', success: true, context: 'customer-4711' });
		expect(typeof data.access_token).toBe('string');
		expect(typeof data.refresh_token).toBe('string');
		expect(data.context).toBe('customer-4711');
		expect(data.token_type).toBe('Bearer');
		expect(server.calls.filter((c) => c.result?.workflowData).length).toBeGreaterThan(0);

		for (const secret of [data.access_token, data.refresh_token, round.code] as string[]) {
			expect(answer.text).not.toContain(secret);
			expect([...answer.headers.values()].join('\n')).not.toContain(secret);
		}
		expect(browser.cookies.size).toBe(0);
	});

	it('denied: the user pressed Deny; nothing is sent to DigiLocker, the workflow gets ACCESS_DENIED with the context', async () => {
		const browser = new TestBrowser();
		const round = await consentRound(browser, server, { context: 'customer-9', decision: 'deny' });
		const before = tokenRequests(sim).length;
		const answer = await browser.get(round.callbackUrl);

		expect(tokenRequests(sim).length).toBe(before);
		expect(answer.status).toBe(200);
		expect(readPage(answer.text).outcome).toBe('denied');
		expect(readPage(answer.text).title).toBe('Consent was declined');
		expect(startedItem()).toEqual({
			outcome: 'denied',
			success: false,
			error: {
				code: 'ACCESS_DENIED',
				message: 'The user declined consent on DigiLocker',
				upstream: { error: 'access_denied' },
			},
			context: 'customer-9',
		});
	});

	it('expired: a state past its lifetime starts the workflow as expired, sending nothing', async () => {
		const browser = new TestBrowser();
		const url = craftedCallback(browser, { issuedAgo: 3600, lifetime: 600 });
		const before = tokenRequests(sim).length;
		const answer = await browser.get(url);

		expect(tokenRequests(sim).length).toBe(before);
		expect(answer.status).toBe(400);
		expect(readPage(answer.text).title).toBe('This link has expired');
		const item = startedItem() as IDataObject;
		expect(item).toMatchObject({
			outcome: 'expired',
			success: false,
			error: { code: 'INVALID_STATE' },
			context: 'crafted-customer',
		});
		expect((item.error as IDataObject).message).toMatch(/^The state is not valid: it expired at /);
	});

	it('failed: DigiLocker refuses the code; the workflow gets its code and the page never shows the code', async () => {
		const browser = new TestBrowser();
		const code = 'unknown-code-4242-4242';
		const answer = await browser.get(craftedCallback(browser, { code }));

		expect(answer.status).toBe(502);
		expect(readPage(answer.text).outcome).toBe('failed');
		const item = startedItem() as IDataObject;
		expect(item).toMatchObject({
			outcome: 'failed',
			success: false,
			error: { code: 'INVALID_GRANT', status: 400 },
			context: 'crafted-customer',
		});
		expect(JSON.stringify(item)).not.toContain(code);
		expect(answer.text).not.toContain(code);
	});

	describe('invalid: nothing is sent and, by default, nothing starts', () => {
		const expectInvalid = async (answerPromise: Promise<{ status: number; text: string }>) => {
			const before = tokenRequests(sim).length;
			const callsBefore = server.calls.length;
			const answer = await answerPromise;
			expect(tokenRequests(sim).length).toBe(before);
			expect(answer.status).toBe(400);
			expect(readPage(answer.text).outcome).toBe('invalid');
			expect(server.calls.length).toBe(callsBefore + 1);
			expect(server.started(lastCall())).toBeUndefined();
		};

		it('a callback without state', async () => {
			await expectInvalid(new TestBrowser().get(`${server.origin}${CALLBACK}?code=abc123`));
		});

		it('a state signed by another app', async () => {
			const browser = new TestBrowser();
			await expectInvalid(browser.get(craftedCallback(browser, { app: otherApp })));
		});

		it('the callback opened in a browser that did not start the flow (no consent cookie)', async () => {
			const round = await consentRound(new TestBrowser(), server, { context: 'victim' });
			await expectInvalid(new TestBrowser().get(round.callbackUrl));
		});

		it("another browser's consent cookie under the right name", async () => {
			const started = new TestBrowser();
			const round = await consentRound(started, server);
			const intruder = new TestBrowser();
			for (const [name, cookie] of started.cookies) {
				intruder.cookies.set(name, { ...cookie, value: `${cookie.value.slice(0, -4)}AAAA` });
			}
			await expectInvalid(intruder.get(round.callbackUrl));
		});

		it('the same callback replayed with its cookie: no second token', async () => {
			const browser = new TestBrowser();
			const round = await consentRound(browser, server);
			const kept = new Map(browser.cookies);
			expect(readPage((await browser.get(round.callbackUrl)).text).outcome).toBe('granted');
			for (const [name, cookie] of kept) browser.cookies.set(name, cookie);
			await expectInvalid(browser.get(round.callbackUrl));
			expect(startedItem()).toBeUndefined();
		});
	});

	it('accepts a state made without a binding (Get Authorization URL without Binding), as documented', async () => {
		const state = createState(testApp, {
			nowSeconds: Math.floor(Date.now() / 1000),
			lifetimeSeconds: 600,
			context: 'unbound',
		});
		const answer = await new TestBrowser().get(
			`${server.origin}${CALLBACK}?code=unbound-code-1&state=${encodeURIComponent(state)}`,
		);
		// the simulator never issued this code, so the exchange is refused: the state itself was accepted
		expect(readPage(answer.text).outcome).toBe('failed');
		expect(startedItem()).toMatchObject({ outcome: 'failed', context: 'unbound' });
	});
});

describe('DigiLocker Trigger: which outcomes start the workflow', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startTriggerSimulator();
	});
	afterAll(async () => await sim.stop());

	it('starts on invalid when chosen, and not on granted when left out, while the browser still gets its page', async () => {
		const server = await startTriggerServer({
			parameters: { path: 'digilocker', outcomes: ['invalid', 'denied'] },
			credentials: credentialsFor(sim),
		});
		try {
			const round = await consentRound(new TestBrowser(), server);
			const invalid = await new TestBrowser().get(round.callbackUrl);
			expect(readPage(invalid.text).outcome).toBe('invalid');
			expect(server.started(server.calls.at(-1))?.[0]).toMatchObject({
				outcome: 'invalid',
				success: false,
				error: { code: 'INVALID_STATE' },
			});

			const browser = new TestBrowser();
			const second = await consentRound(browser, server);
			const granted = await browser.get(second.callbackUrl);
			expect(readPage(granted.text).outcome).toBe('granted');
			expect(server.started(server.calls.at(-1))).toBeUndefined();
		} finally {
			await server.stop();
		}
	});
});
