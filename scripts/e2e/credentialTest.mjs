// The credential's Test button in real n8n 2.41.1, called the way the editor calls it: POST /rest/credentials/test
// as the logged-in owner, body { credentials: { id, name, type, data } } (TestCredentialRequestDto), answered
// { data: { status, message } }. Every address used is loopback, or a name under .invalid that never resolves.
import { createServer } from 'node:http';

import { EXAMPLE_CREDENTIAL } from '../lib/examples.mjs';
import { newOwner } from '../lib/owner.mjs';
import { SIM_APP } from '../lib/simulator.mjs';
import { assert } from './checks.mjs';

const HTTPS_RULE =
	'must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1). Nothing was sent.';
const BROWSER_ID = 'digilocker-e2e-credential-test';

/** Creates the owner (POST /rest/owner/setup) and returns the cookie n8n logged it in with. */
async function ownerSession(n8n) {
	const res = await fetch(`${n8n}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify(newOwner()),
		signal: AbortSignal.timeout(15_000),
	});
	const cookie = res.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	assert.ok(res.ok && cookie, `owner setup: HTTP ${res.status} ${await res.text()}`);
	return cookie;
}

/** A loopback listener counting requests; answers each with `status` and `headers`. */
async function startListener(status, headers = {}) {
	const received = [];
	const server = createServer((req, res) => {
		received.push({ method: req.method, url: req.url });
		req.resume();
		res.writeHead(status, headers).end();
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		received,
		stop: () => new Promise((resolve) => server.close(resolve)),
	};
}

export async function credentialTestButton(ctx) {
	const { check, sim, n8n } = ctx;
	const cookie = await ownerSession(n8n);
	const good = {
		clientId: SIM_APP.clientId,
		clientSecret: SIM_APP.clientSecret,
		redirectUri: ctx.redirectUri,
		environment: 'custom',
		baseUrl: sim.baseUrl,
		clientAuthentication: 'basic',
	};
	const test = async (overrides) => {
		const res = await fetch(`${n8n}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, cookie },
			body: JSON.stringify({
				credentials: {
					...EXAMPLE_CREDENTIAL,
					type: 'digiLockerApi',
					data: { ...good, ...overrides },
				},
			}),
			signal: AbortSignal.timeout(30_000),
		});
		const body = await res.json();
		assert.equal(res.status, 200, JSON.stringify(body));
		return body.data;
	};
	const tokenRequests = () => sim.requests.filter((r) => r.path.endsWith('/oauth2/1/token'));

	await check(
		'credential Test › passes with the right key and secret (DigiLocker refused only the code)',
		async () => {
			const before = tokenRequests().length;
			assert.deepEqual(await test({}), { status: 'OK', message: 'Connection successful!' });
			assert.equal(tokenRequests().length, before + 1);
		},
	);

	await check(
		'credential Test › fails on a wrong secret, saying the key or secret was rejected',
		async () => {
			assert.deepEqual(await test({ clientSecret: 'e2e-not-the-secret' }), {
				status: 'Error',
				message:
					'DigiLocker rejected the App Key or App Secret (invalid_client). Check both, and the Client Authentication style.',
			});
		},
	);

	await check(
		'credential Test › refuses http on a name outside loopback with the https rule, not DNS',
		async () => {
			assert.deepEqual(await test({ baseUrl: 'http://digilocker.invalid:8080/public' }), {
				status: 'Error',
				message: `The custom Base URL ${HTTPS_RULE}`,
			});
		},
	);

	await check(
		'credential Test › refuses http on a non-loopback literal that would reach the simulator, and sends nothing',
		async () => {
			// [::ffff:127.0.0.1] is not loopback by the rule, yet connects to the simulator: an empty log proves the refusal came first.
			const before = sim.requests.length;
			assert.deepEqual(
				await test({ baseUrl: sim.baseUrl.replace('127.0.0.1', '[::ffff:127.0.0.1]') }),
				{ status: 'Error', message: `The custom Base URL ${HTTPS_RULE}` },
			);
			assert.equal(sim.requests.length, before);
		},
	);

	await check(
		'credential Test › refuses an http Redirect URI outside loopback, and sends nothing',
		async () => {
			const before = sim.requests.length;
			assert.deepEqual(
				await test({ redirectUri: 'http://n8n.invalid/webhook/digilocker/callback' }),
				{
					status: 'Error',
					message: `The Redirect URI ${HTTPS_RULE}`,
				},
			);
			assert.equal(sim.requests.length, before);
		},
	);

	await check(
		'credential Test › fails on a redirect, naming the status, and sends nothing to its target',
		async () => {
			const target = await startListener(400, { 'content-type': 'application/json' });
			const redirector = await startListener(302, {
				location: `${target.url}/public/oauth2/1/token`,
			});
			try {
				assert.deepEqual(await test({ baseUrl: `${redirector.url}/public` }), {
					status: 'Error',
					message:
						'The Base URL answered with a redirect (HTTP 302). The Test follows no redirects, so nothing was sent on; enter the address that answers itself.',
				});
				assert.equal(redirector.received.length, 1);
				assert.equal(target.received.length, 0);
			} finally {
				await redirector.stop();
				await target.stop();
			}
		},
	);
}
