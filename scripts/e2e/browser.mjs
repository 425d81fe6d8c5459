// The DigiLocker Trigger's consent flow in a real headless Chromium (playwright-core + the system's Chromium, see
// lib/chromium.mjs): start link → the simulator's consent page → a click on Allow or Deny → the trigger's callback
// page, with the binding cookie the browser really keeps (one browser context = one cookie jar = one person's
// browser). Asserts on the page, on the cookie, on what reached the simulator and on the execution n8n stored.
// Screenshots: .cache/e2e-screenshots/<mode>/; E2E_UPDATE_SCREENSHOTS=1 copies the package mode's consent, granted
// and denied screenshots into docs/images/ (shown in the README).
import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { ensureChromium } from '../lib/chromium.mjs';
import { simulatorCredential } from '../lib/examples.mjs';
import { executionsOf, lastExecutionId, nodeItems, waitForExecution } from '../lib/executions.mjs';
import { withQuery } from '../lib/http.mjs';
import { repoDir } from '../real-n8n/n8n-bin.mjs';
import { assert, assertNoSecrets } from './checks.mjs';

export const TRIGGER_TYPE = 'digiLockerTrigger';
export const TRIGGER_PATH = 'e2e-trigger';
export const TRIGGER_NODE = 'DigiLocker Trigger';
export const TRIGGER_CREDENTIAL = Object.freeze({
	id: 'e2eTriggerCred01',
	name: 'DigiLocker (trigger callback)',
});
const TITLES = {
	granted: 'DigiLocker is connected',
	denied: 'Consent was declined',
	expired: 'This link has expired',
	failed: 'DigiLocker could not be connected',
	invalid: 'This link is not valid',
	malformed: 'This request could not be read',
};
const CONSENT_TITLE = 'DigiLocker Simulator - Consent';
const SCREENSHOTS = path.join(repoDir, '.cache/e2e-screenshots'); // git-ignored
const README_IMAGES = path.join(repoDir, 'docs/images');
const README_SHOTS = ['consent.png', 'granted.png', 'denied.png'];
const QUIET_MS = 2_000; // how long to watch for an execution that must not start

/** The trigger's callback URL on n8n at this port: the trigger credential's Redirect URI. */
export const triggerRedirectUri = (n8nPort) =>
	`http://localhost:${n8nPort}/webhook/${TRIGGER_PATH}/callback`;

/** The credential of the trigger workflow: the simulator app, redirecting to the trigger's callback. */
export const triggerCredential = ({ baseUrl, redirectUri }) =>
	simulatorCredential({ ...TRIGGER_CREDENTIAL, baseUrl, redirectUri });

/** DigiLocker Trigger (path e2e-trigger, default outcomes and page answers) → NoOp. */
export function triggerWorkflow(nodeType, { settings = {} } = {}) {
	const uuid = (n) => `3f8a2c61-9b7d-4e21-8c5a-0a00000000${String(n).padStart(2, '0')}`;
	return {
		id: 'e2eTrigger01',
		name: 'e2e: DigiLocker Trigger in a browser',
		active: false,
		settings: { executionOrder: 'v1', ...settings },
		nodes: [
			{
				id: uuid(1),
				name: TRIGGER_NODE,
				type: nodeType,
				typeVersion: 1,
				position: [0, 0],
				webhookId: uuid(51),
				parameters: { path: TRIGGER_PATH },
				credentials: {
					digiLockerApi: { id: TRIGGER_CREDENTIAL.id, name: TRIGGER_CREDENTIAL.name },
				},
			},
			{
				id: uuid(2),
				name: 'Connected',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Connected', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const tokenRequests = (sim, code) =>
	sim.requests.filter(
		(r) =>
			r.method === 'POST' &&
			r.path.endsWith('/oauth2/1/token') &&
			(code === undefined || r.form?.code === code),
	);
/** Token answers with HTTP 200 so far (from the simulator's request log, see simLog in mode.mjs). */
const tokensIssued = (ctx) =>
	ctx.simLog.filter((line) => /^POST \S+\/oauth2\/1\/token 200$/.test(line)).length;

/** The browser session of one case: a headless Chromium, screenshots of this mode. */
async function openBrowser(ctx) {
	const executablePath = await ensureChromium({ log: ctx.log });
	const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
	const shots = path.join(SCREENSHOTS, ctx.loadMode);
	fs.mkdirSync(shots, { recursive: true });
	return {
		browser,
		shots,
		/** A fresh context: a browser of its own (empty cookie jar). */
		async person() {
			const context = await browser.newContext({ viewport: { width: 900, height: 640 } });
			context.setDefaultTimeout(20_000);
			return context;
		},
		async shot(page, name) {
			await page.screenshot({ path: path.join(shots, name), fullPage: true });
		},
	};
}

/**
 * In one context: open startUrl (which redirects to the consent page), click Allow or Deny and follow the
 * simulator's redirect back to n8n. intercept: stop at the decision instead, record where the simulator
 * redirects and abort (page.route sees no redirect targets, so the decision request itself is routed).
 * -> { page, consentUrl, consentTitle, callbackUrl, response (of the callback), cookiesAtConsent, afterCallback (URLs the
 * page requested after the callback) }
 */
async function consentInPage(context, startUrl, { decision, intercept = false, onConsent }) {
	const page = await context.newPage();
	await page.goto(startUrl);
	const consentUrl = page.url();
	const consentTitle = await page.title();
	const cookiesAtConsent = await context.cookies();
	await onConsent?.(page);
	const button = page.getByRole('button', { name: decision === 'allow' ? 'Allow' : 'Deny' });
	if (intercept) {
		const decided = new Promise((resolve, reject) => {
			page
				.route('**/oauth2/1/authorize/decision?**', async (route) => {
					const answer = await route.fetch({ maxRedirects: 0 });
					resolve({ status: answer.status(), location: answer.headers().location });
					await route.abort();
				})
				.catch(reject);
		});
		await button.click();
		const { status, location } = await decided;
		assert.equal(status, 302, 'the decision route redirects');
		return { page, consentUrl, consentTitle, callbackUrl: location, cookiesAtConsent };
	}
	const requested = [];
	page.on('request', (r) => requested.push(r.url()));
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().isNavigationRequest() && isCallback(r.url())),
		button.click(),
	]);
	await page.waitForLoadState('load');
	await sleep(300); // anything the callback page would load after 'load'
	return {
		page,
		consentUrl,
		consentTitle,
		callbackUrl: response.url(),
		response,
		cookiesAtConsent,
		afterCallback: requested.slice(requested.findIndex(isCallback) + 1),
	};
}

const isCallback = (url) => new URL(url).pathname.endsWith('/callback');

/** What the callback page shows -> { outcome, title, message, html, url }. */
async function readOutcome(page) {
	const main = page.locator('main[data-outcome]');
	const count = await main.count();
	return {
		outcome:
			count === 1 ? await main.getAttribute('data-outcome') : `(${count} main[data-outcome])`,
		title: (
			await page
				.locator('#outcome-title')
				.textContent()
				.catch(() => null)
		)?.trim(),
		message: (
			await page
				.locator('#outcome-message')
				.textContent()
				.catch(() => null)
		)?.trim(),
		html: await page.content(),
		url: page.url(),
	};
}

/** Waits QUIET_MS, then -> the executions of the trigger workflow after afterId (finished or not). */
async function executionsAfterQuiet(ctx, afterId) {
	await sleep(QUIET_MS);
	return executionsOf(ctx.inst, ctx.wf.trigger.id, afterId);
}

const consentCookies = (cookies) => cookies.filter((c) => c.name.startsWith('dl_consent_'));

export async function consentInBrowser(ctx) {
	ctx.log ??= (line) => console.log(`# [${ctx.loadMode}] ${line}`);
	const session = await openBrowser(ctx);
	try {
		await triggerChecks(ctx, session);
	} finally {
		await session.browser.close();
	}
	if (process.env.E2E_UPDATE_SCREENSHOTS === '1' && ctx.loadMode === 'package') {
		fs.mkdirSync(README_IMAGES, { recursive: true });
		for (const name of README_SHOTS)
			fs.copyFileSync(path.join(session.shots, name), path.join(README_IMAGES, name));
		ctx.log(`copied ${README_SHOTS.join(', ')} to docs/images/`);
	}
}

async function triggerChecks(ctx, session) {
	const { check, sim } = ctx;
	const start = (context) =>
		withQuery(`${ctx.n8n}/webhook/${TRIGGER_PATH}/start`, { context: context });
	const callbackPath = new URL(ctx.triggerRedirectUri).pathname;

	// granted
	const alice = await session.person();
	let afterId = lastExecutionId(ctx.inst);
	const issuedBefore = tokensIssued(ctx);
	const granted = await consentInPage(alice, start('e2e-browser-1'), {
		decision: 'allow',
		onConsent: (page) => session.shot(page, 'consent.png'),
	});
	const grantedPage = await readOutcome(granted.page);
	await session.shot(granted.page, 'granted.png');
	const grantedQuery = new URL(granted.callbackUrl).searchParams;
	const code = grantedQuery.get('code');
	const grantedRun = await waitForExecution(ctx.inst, {
		workflowId: ctx.wf.trigger.id,
		afterId,
	}).catch((error) => ({ error }));
	const [item] = nodeItems(grantedRun.run, TRIGGER_NODE) ?? [];
	const cookiesAfter = await alice.cookies();
	await check('browser: start link → the simulator consent page, binding cookie set', () => {
		assert.equal(granted.consentTitle, CONSENT_TITLE);
		const url = new URL(granted.consentUrl);
		assert.equal(`${url.origin}${url.pathname}`, `${sim.baseUrl}/oauth2/1/authorize`);
		assert.equal(url.searchParams.get('redirect_uri'), ctx.triggerRedirectUri);
		const cookies = consentCookies(granted.cookiesAtConsent);
		assert.equal(cookies.length, 1, JSON.stringify(granted.cookiesAtConsent));
		const [cookie] = cookies;
		assert.match(cookie.name, /^dl_consent_.{16}$/);
		assert.equal(cookie.path, callbackPath, 'cookie Path');
		assert.equal(cookie.httpOnly, true, 'cookie HttpOnly');
		assert.equal(cookie.sameSite, 'Lax', 'cookie SameSite');
		assert.equal(cookie.secure, false, 'cookie Secure on http');
		assert.ok(cookie.expires > Date.now() / 1000, `expires ${cookie.expires}`);
	});
	await check('browser: Allow → the callback page says granted, no token or code in it', () => {
		assert.equal(granted.response.status(), 200);
		assert.ok(isCallback(granted.callbackUrl) && code, granted.callbackUrl);
		assert.equal(grantedPage.outcome, 'granted', grantedPage.html.slice(0, 2000));
		assert.equal(grantedPage.title, TITLES.granted);
		const tokens = {
			'access token': item?.data?.access_token,
			'refresh token': item?.data?.refresh_token,
		};
		assert.ok(tokens['access token'], 'needs the token from the execution to look for it');
		assertNoSecrets(grantedPage.html, { ...tokens, code }, 'the page');
		assertNoSecrets(grantedPage.url, tokens, 'the final URL');
		assert.equal(consentCookies(cookiesAfter).length, 0, 'the binding cookie is cleared');
	});
	await check(
		"browser: the final URL is the simulator's redirect as is; its spent code goes nowhere (no Referer, no cache, no subresource)",
		() => {
			// page mode answers at the callback URL, so the address bar keeps ?code=…&state=… (a spent code)
			assert.equal(grantedPage.url, granted.callbackUrl);
			const headers = granted.response.headers();
			assert.equal(headers['referrer-policy'], 'no-referrer', 'Referrer-Policy');
			assert.match(headers['cache-control'] ?? '', /no-store/);
			assert.deepEqual(granted.afterCallback, [], 'requests the callback page made');
		},
	);
	await check('browser: granted execution holds the tokens and the context', () => {
		assert.ok(!grantedRun.error, grantedRun.error?.message);
		assert.equal(grantedRun.status, 'success');
		assert.equal(item?.outcome, 'granted', JSON.stringify(item));
		assert.equal(item.success, true);
		assert.equal(typeof item.data.access_token, 'string');
		assert.equal(typeof item.data.refresh_token, 'string');
		assert.equal(item.data.context, 'e2e-browser-1');
		assert.equal(item.context, 'e2e-browser-1');
		assert.equal(sim.tokens.isAccessTokenActive(item.data.access_token), true);
		assert.deepEqual(
			executionsOf(ctx.inst, ctx.wf.trigger.id, afterId).map((e) => e.id),
			[grantedRun.id],
			'exactly one execution (the start link starts none)',
		);
		const sent = tokenRequests(sim, code);
		assert.equal(sent.length, 1);
		assert.equal(sent[0].form.redirect_uri, ctx.triggerRedirectUri);
		assert.match(sent[0].form.code_verifier ?? '', /^[A-Za-z0-9._~-]{43,128}$/);
		assert.equal(tokensIssued(ctx) - issuedBefore, 1);
	});

	// the same callback URL again, in the same browser
	afterId = lastExecutionId(ctx.inst);
	const issuedBeforeReplay = tokensIssued(ctx);
	const replay = await alice.newPage();
	await replay.goto(granted.callbackUrl);
	const replayed = await readOutcome(replay);
	ctx.log(`browser: the replayed callback showed "${replayed.outcome}"`);
	await session.shot(replay, 'replayed.png');
	const replayRuns = await executionsAfterQuiet(ctx, afterId);
	const replayItems = [];
	for (const execution of replayRuns) {
		const run = await waitForExecution(ctx.inst, {
			workflowId: ctx.wf.trigger.id,
			afterId: execution.id - 1,
		});
		replayItems.push(nodeItems(run.run, TRIGGER_NODE)?.[0]);
	}
	await check('browser: the same callback URL again → not granted, no second token', () => {
		assert.ok(['invalid', 'failed'].includes(replayed.outcome), replayed.html.slice(0, 2000));
		assert.equal(replayed.title, TITLES[replayed.outcome]);
		assert.equal(tokensIssued(ctx), issuedBeforeReplay, 'the simulator issued another token');
		assert.ok(!replayItems.some((i) => i?.outcome === 'granted'), JSON.stringify(replayItems));
		// invalid starts nothing (not a default outcome); failed starts the workflow with INVALID_GRANT
		if (replayed.outcome === 'invalid')
			assert.deepEqual(replayRuns, [], 'executions of the replay');
		else {
			assert.equal(replayRuns.length, 1);
			assert.equal(replayItems[0]?.outcome, 'failed');
			assert.equal(replayItems[0].error?.code, 'INVALID_GRANT');
		}
		assertNoSecrets(
			replayed.html,
			{ 'access token': item?.data?.access_token, code },
			'the replayed page',
		);
	});

	// the same again with the binding cookie put back (a copied cookie jar): the state itself is spent
	afterId = lastExecutionId(ctx.inst);
	await alice.addCookies(consentCookies(granted.cookiesAtConsent));
	const withCookie = await alice.newPage();
	await withCookie.goto(granted.callbackUrl);
	const replayedWithCookie = await readOutcome(withCookie);
	const withCookieRuns = await executionsAfterQuiet(ctx, afterId);
	await check(
		'browser: the same callback URL with its binding cookie put back → invalid (state already used), code not sent again',
		() => {
			assert.equal(consentCookies(granted.cookiesAtConsent).length, 1);
			assert.equal(replayedWithCookie.outcome, 'invalid', replayedWithCookie.html.slice(0, 2000));
			assert.equal(replayedWithCookie.title, TITLES.invalid);
			assert.equal(tokenRequests(sim, code).length, 1, 'token requests with the code');
			assert.equal(tokensIssued(ctx), issuedBeforeReplay);
			assert.deepEqual(withCookieRuns, [], 'executions of the replay');
		},
	);
	await alice.close();

	// denied
	const bob = await session.person();
	afterId = lastExecutionId(ctx.inst);
	const tokenRequestsBefore = tokenRequests(sim).length;
	const denied = await consentInPage(bob, start('e2e-browser-2'), { decision: 'deny' });
	const deniedPage = await readOutcome(denied.page);
	await session.shot(denied.page, 'denied.png');
	const deniedRun = await waitForExecution(ctx.inst, {
		workflowId: ctx.wf.trigger.id,
		afterId,
	}).catch((error) => ({ error }));
	const [deniedItem] = nodeItems(deniedRun.run, TRIGGER_NODE) ?? [];
	const deniedCookies = await bob.cookies();
	await check('browser: Deny → the callback page says denied; execution ACCESS_DENIED', () => {
		assert.equal(new URL(denied.callbackUrl).searchParams.get('error'), 'access_denied');
		assert.equal(deniedPage.outcome, 'denied', deniedPage.html.slice(0, 2000));
		assert.equal(deniedPage.title, TITLES.denied);
		assert.ok(!deniedRun.error, deniedRun.error?.message);
		assert.equal(deniedItem?.outcome, 'denied', JSON.stringify(deniedItem));
		assert.equal(deniedItem.success, false);
		assert.equal(deniedItem.error?.code, 'ACCESS_DENIED');
		assert.equal(typeof deniedItem.error.message, 'string');
		assert.equal(deniedItem.context, 'e2e-browser-2');
		assert.equal(tokenRequests(sim).length, tokenRequestsBefore, 'a token request was sent');
		assert.equal(consentCookies(deniedCookies).length, 0, 'the binding cookie is cleared');
	});
	await bob.close();

	// a callback URL opened in another browser than the one that started the flow
	const carol = await session.person();
	const mallory = await session.person();
	afterId = lastExecutionId(ctx.inst);
	const stopped = await consentInPage(carol, start('e2e-browser-3'), {
		decision: 'allow',
		intercept: true,
	});
	const stolenCode = new URL(stopped.callbackUrl).searchParams.get('code');
	const other = await mallory.newPage();
	await other.goto(stopped.callbackUrl);
	const otherPage = await readOutcome(other);
	await session.shot(other, 'other-browser.png');
	const otherRuns = await executionsAfterQuiet(ctx, afterId);
	await check(
		'browser: the callback URL in another browser (no binding cookie) → invalid, nothing exchanged, no execution',
		() => {
			assert.ok(stolenCode, stopped.callbackUrl);
			assert.ok(stopped.callbackUrl.startsWith(`${ctx.triggerRedirectUri}?`));
			assert.equal(consentCookies(stopped.cookiesAtConsent).length, 1);
			assert.equal(otherPage.outcome, 'invalid', otherPage.html.slice(0, 2000));
			assert.equal(otherPage.title, TITLES.invalid);
			assert.equal(tokenRequests(sim, stolenCode).length, 0);
			assert.deepEqual(otherRuns, [], 'executions of the other browser');
			assertNoSecrets(otherPage.html, { code: stolenCode }, 'the page');
		},
	);
	await carol.close();
	await mallory.close();
}
