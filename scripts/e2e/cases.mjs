// The e2e cases of one load mode, run in order against a started n8n (ctx from mode.mjs). Each case drives n8n
// over HTTP like a browser or a caller would and asserts on the answer AND on the execution n8n stored (status, which
// nodes ran, the DigiLocker node's envelope), read from n8n's sqlite DB.
import { consentRound } from '../lib/consent.mjs';
import { parseFlatted } from '../lib/flatted.mjs';
import { lastExecutionId, nodeItems, ranNodes, waitForExecution } from '../lib/executions.mjs';
import { request, withQuery } from '../lib/http.mjs';
import { SIM_APP } from '../lib/simulator.mjs';
import { assert, assertNoSecrets } from './checks.mjs';
import { credentialTestButton } from './credentialTest.mjs';
import { checkEAadhaarFacts, checkFactsOnly } from './documentFacts.mjs';
import { consentInBrowser } from './browser.mjs';
import { AS_COMMITTED, BAD_SECRET, PROBE_VERIFIER } from './workflows.mjs';
import { triggerInWorkflows } from './triggerWorkflows.mjs';
import { writesCases } from './writes.mjs';

const ASHA = { name: 'Asha Simulated Verma', digilockerid: '529c7625-9961-4b3f-9414-d2d247136131' };

/** Runs fn (an HTTP request) and returns [its result, the execution of workflowKey it caused]. */
async function withExecution(ctx, workflowKey, fn) {
	const afterId = lastExecutionId(ctx.inst);
	const result = await fn();
	return [
		result,
		await waitForExecution(ctx.inst, { workflowId: ctx.wf[workflowKey].id, afterId }),
	];
}

/** Start webhook + simulator consent; also reads the start execution for the PKCE verifier of this round. */
async function round(ctx, options) {
	const [consent, started] = await withExecution(ctx, 'start', () =>
		consentRound(ctx.n8n, options),
	);
	const [auth] = nodeItems(started.run, 'Get Authorization URL') ?? [];
	return { ...consent, started, auth, verifier: auth?.data?.code_verifier };
}

const tokenRequests = (sim) =>
	sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/1/token'));
const secretsOf = (ctx, r) => ({
	'client secret': SIM_APP.clientSecret,
	'wrong secret': BAD_SECRET,
	code: r?.code,
	'code verifier': r?.verifier,
});

function assertFailureEnvelope(envelope, code, status) {
	assert.equal(envelope?.success, false, `envelope: ${JSON.stringify(envelope)}`);
	assert.equal(envelope.error.code, code, `error code: ${JSON.stringify(envelope.error)}`);
	if (status !== undefined) assert.equal(envelope.error.status, status);
	assert.equal(typeof envelope.error.message, 'string');
}

export const cases = [
	async function happyPath(ctx) {
		const { check } = ctx;
		const r = await round(ctx, { customer: 'e2e-customer-1' });
		ctx.happy = r;
		await check('start webhook redirects (302) to the consent page with PKCE and state', () => {
			const url = new URL(r.consentUrl);
			assert.equal(`${url.origin}${url.pathname}`, `${ctx.sim.baseUrl}/oauth2/1/authorize`);
			assert.equal(url.searchParams.get('client_id'), SIM_APP.clientId);
			assert.equal(url.searchParams.get('redirect_uri'), ctx.redirectUri);
			assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
			assert.ok(url.searchParams.get('state')?.startsWith('v1.'));
		});
		await check('start execution: Get Authorization URL envelope, redirect branch', () => {
			assert.equal(r.started.status, 'success');
			assert.equal(r.auth?.success, true);
			assert.equal(r.auth.data.url, r.consentUrl);
			assert.equal(r.auth.data.context, 'e2e-customer-1');
			assert.match(r.verifier, /^[A-Za-z0-9._~-]{43}$/);
			assert.ok(ranNodes(r.started.run).includes('Respond: Redirect to DigiLocker'));
			assert.ok(!ranNodes(r.started.run).includes('Respond: Consent URL as JSON'));
		});
		await check(
			"consent (sim_auto=allow) redirects to n8n's callback webhook with code and state",
			() => {
				assert.ok(r.callbackUrl.startsWith(`${ctx.redirectUri}?`), r.callbackUrl);
				assert.ok(r.code);
				assert.equal(r.state, r.auth.data.state);
			},
		);
		const [page, called] = await withExecution(ctx, 'callback', () => request(r.callbackUrl));
		const [token] = nodeItems(called.run, 'Get Access Token') ?? [];
		ctx.happy.token = token;
		await check(
			'callback execution: Get Access Token envelope with tokens, user and context',
			() => {
				assert.equal(called.status, 'success');
				assert.equal(token?.success, true, JSON.stringify(token));
				const { data } = token;
				assert.equal(data.token_type, 'Bearer');
				assert.equal(typeof data.access_token, 'string');
				assert.equal(typeof data.refresh_token, 'string');
				assert.equal(typeof data.expires_in, 'number');
				assert.equal(data.name, ASHA.name);
				assert.equal(data.digilockerid, ASHA.digilockerid);
				assert.equal(data.id, ASHA.digilockerid);
				assert.equal(data.context, 'e2e-customer-1');
				assert.ok(Date.parse(data.expires_at) > Date.now());
				assert.ok(ranNodes(called.run).includes('Respond: Signed In'));
			},
		);
		await check(
			'the verifier DigiLocker got is the one Get Authorization URL derived (PKCE across two workflows)',
			() => {
				const sent = tokenRequests(ctx.sim).find((q) => q.form?.code === r.code);
				assert.equal(sent?.form?.code_verifier, r.verifier);
				assert.equal(sent.form.grant_type, 'authorization_code');
				assert.equal(sent.form.redirect_uri, ctx.redirectUri);
			},
		);
		await check('callback page: 200 JSON with name, digilockerid and context, no tokens', () => {
			assert.equal(page.status, 200, page.text);
			assert.deepEqual(page.json, {
				signedIn: true,
				name: ASHA.name,
				digilockerid: ASHA.digilockerid,
				context: 'e2e-customer-1',
			});
			assertNoSecrets(
				page.text,
				{
					'access token': token?.data?.access_token,
					'refresh token': token?.data?.refresh_token,
					...secretsOf(ctx, r),
				},
				'the page',
			);
		});
		const [asJson, jsonRun] = await withExecution(ctx, 'start', () =>
			request(
				withQuery(`${ctx.n8n}/webhook/digilocker/start`, { customer: 'e2e-json', format: 'json' }),
			),
		);
		await check('start webhook ?format=json answers the URL as JSON, without the verifier', () => {
			assert.equal(asJson.status, 200, asJson.text);
			assert.deepEqual(Object.keys(asJson.json).sort(), ['context', 'expires_at', 'url']);
			assert.equal(asJson.json.context, 'e2e-json');
			const [auth] = nodeItems(jsonRun.run, 'Get Authorization URL') ?? [];
			assert.equal(asJson.json.url, auth.data.url);
			assert.ok(!asJson.text.includes(auth.data.code_verifier));
			assert.ok(ranNodes(jsonRun.run).includes('Respond: Consent URL as JSON'));
		});
	},

	async function refreshThenRevoke(ctx) {
		const { check } = ctx;
		const old = ctx.happy?.token?.data;
		assert.ok(old, 'needs the happy path tokens');
		const lifecycleUrl = `${ctx.n8n}/webhook/digilocker/token-lifecycle`;
		const [answer, cycled] = await withExecution(ctx, 'lifecycle', () =>
			request(lifecycleUrl, { method: 'POST', json: { refresh_token: old.refresh_token } }),
		);
		const [refreshed] = nodeItems(cycled.run, 'Refresh Token') ?? [];
		const [revoked] = nodeItems(cycled.run, 'Revoke Token') ?? [];
		await check(
			'lifecycle execution: Refresh Token rotates the tokens, Revoke Token ends the grant',
			() => {
				assert.equal(cycled.status, 'success');
				assert.equal(refreshed?.success, true, JSON.stringify(refreshed));
				assert.notEqual(refreshed.data.refresh_token, old.refresh_token);
				assert.notEqual(refreshed.data.access_token, old.access_token);
				assert.equal(refreshed.data.digilockerid, ASHA.digilockerid);
				assert.deepEqual(revoked, {
					success: true,
					data: { revoked: true, token_type_hint: 'refresh_token' },
				});
			},
		);
		await check(
			'lifecycle answer: refreshed and revoked, no tokens; the simulator refuses every token of the grant',
			() => {
				assert.equal(answer.status, 200, answer.text);
				assert.equal(answer.json.refreshed, true);
				assert.equal(answer.json.revoked, true);
				assertNoSecrets(
					answer.text,
					{
						'new refresh token': refreshed?.data?.refresh_token,
						'new access token': refreshed?.data?.access_token,
					},
					'the answer',
				);
				for (const t of [old.access_token, refreshed?.data?.access_token])
					assert.equal(ctx.sim.tokens.isAccessTokenActive(t), false);
				for (const t of [old.refresh_token, refreshed?.data?.refresh_token])
					assert.equal(ctx.sim.tokens.isRefreshTokenActive(t), false);
			},
		);
		const [again, failedRun] = await withExecution(ctx, 'lifecycle', () =>
			request(lifecycleUrl, { method: 'POST', json: { refresh_token: old.refresh_token } }),
		);
		await check(
			'a rotated-away refresh token: INVALID_GRANT envelope, 400 answer, no revoke',
			() => {
				const [envelope] = nodeItems(failedRun.run, 'Refresh Token') ?? [];
				assertFailureEnvelope(envelope, 'INVALID_GRANT', 400);
				assert.ok(!ranNodes(failedRun.run).includes('Revoke Token'));
				assert.equal(again.status, 400);
				assert.equal(again.json.error.code, 'INVALID_GRANT');
				assertNoSecrets(
					envelope,
					{ 'refresh token': old.refresh_token, 'client secret': SIM_APP.clientSecret },
					'the envelope',
				);
			},
		);
	},

	async function codeReuse(ctx) {
		const r = ctx.happy;
		assert.ok(r?.callbackUrl, 'needs the happy path callback');
		const [page, called] = await withExecution(ctx, 'callback', () => request(r.callbackUrl));
		await ctx.check(
			'the same code twice: INVALID_GRANT envelope (continue-on-fail), 400 page',
			() => {
				const [envelope] = nodeItems(called.run, 'Get Access Token') ?? [];
				assertFailureEnvelope(envelope, 'INVALID_GRANT', 400);
				assert.equal(envelope.error.upstream?.error, 'invalid_grant');
				assert.ok(ranNodes(called.run).includes('Respond: Sign-in Failed'));
				assert.equal(page.status, 400);
				assert.equal(page.json.error.code, 'INVALID_GRANT');
				assertNoSecrets(envelope, secretsOf(ctx, r), 'the envelope');
				assertNoSecrets(page.text, secretsOf(ctx, r), 'the page');
			},
		);
	},

	async function tamperedState(ctx) {
		const { check } = ctx;
		const r = await round(ctx, { customer: 'e2e-tamper' });
		// an attacker's edit: same signature, another context in the payload
		const [version, payload, signature] = r.state.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
		const forged = Buffer.from(JSON.stringify({ ...claims, ctx: 'someone-else' })).toString(
			'base64url',
		);
		const tampered = [version, forged, signature].join('.');
		const sentBefore = tokenRequests(ctx.sim).length;
		const [page, called] = await withExecution(ctx, 'callback', () =>
			request(
				withQuery(`${ctx.n8n}/webhook/digilocker/callback`, { code: r.code, state: tampered }),
			),
		);
		const [envelope] = nodeItems(called.run, 'Get Access Token') ?? [];
		await check(
			'tampered state: INVALID_STATE envelope (continue-on-fail), 400 page, nothing sent to DigiLocker',
			() => {
				assertFailureEnvelope(envelope, 'INVALID_STATE');
				assert.equal(envelope.error.status, undefined);
				assert.equal(page.status, 400);
				assert.equal(page.json.error.code, 'INVALID_STATE');
				assert.equal(tokenRequests(ctx.sim).length, sentBefore);
				assertNoSecrets(envelope, secretsOf(ctx, r), 'the envelope');
			},
		);
		const [strictAnswer, strictRun] = await withExecution(ctx, 'probes', () =>
			request(withQuery(`${ctx.n8n}/webhook/e2e/strict`, { code: r.code, state: tampered })),
		);
		await check(
			"tampered state, continue-on-fail off: the run fails with the node's message",
			() => {
				assert.equal(strictRun.status, 'error');
				const error = strictRun.run.resultData.error;
				assert.equal(strictRun.run.resultData.lastNodeExecuted, 'Exchange (strict)');
				assert.equal(error?.message, envelope?.error?.message);
				assert.equal(error?.context?.code, 'INVALID_STATE');
				assert.match(error?.description ?? '', /Error code: INVALID_STATE/);
				assert.equal(strictAnswer.status, 500);
				assert.equal(tokenRequests(ctx.sim).length, sentBefore);
				assertNoSecrets(error, secretsOf(ctx, r), 'the stored error');
			},
		);
		const [page2, called2] = await withExecution(ctx, 'callback', () => request(r.callbackUrl));
		await check(
			'the untouched state then still works with the same code (it was never sent)',
			() => {
				assert.equal(called2.status, 'success');
				assert.equal(nodeItems(called2.run, 'Get Access Token')[0].data.context, 'e2e-tamper');
				assert.equal(page2.status, 200);
				assert.equal(page2.json.context, 'e2e-tamper');
			},
		);
	},

	async function deniedConsent(ctx) {
		const r = await round(ctx, { customer: 'e2e-deny', decision: 'deny' });
		const sentBefore = tokenRequests(ctx.sim).length;
		const [page, called] = await withExecution(ctx, 'callback', () => request(r.callbackUrl));
		await ctx.check(
			'denied consent: the IF branch answers 403, Get Access Token does not run',
			() => {
				assert.equal(r.error, 'access_denied');
				assert.equal(r.code, null);
				assert.equal(called.status, 'success');
				const ran = ranNodes(called.run);
				assert.ok(ran.includes('Respond: Consent Denied'), ran.join());
				assert.ok(!ran.includes('Get Access Token'), ran.join());
				assert.equal(nodeItems(called.run, 'User Denied?', 0).length, 1);
				assert.equal(page.status, 403);
				assert.equal(page.json.signedIn, false);
				assert.equal(page.json.error, 'access_denied');
				assert.equal(tokenRequests(ctx.sim).length, sentBefore);
			},
		);
	},

	async function wrongClientSecret(ctx) {
		const r = await round(ctx, { customer: 'e2e-bad-secret' });
		const [answer, run] = await withExecution(ctx, 'probes', () =>
			request(withQuery(`${ctx.n8n}/webhook/e2e/bad-secret`, { code: r.code })),
		);
		await ctx.check(
			'wrong client secret: INVALID_CLIENT envelope, no secret, code or verifier in it',
			() => {
				assert.equal(run.status, 'success');
				const [envelope] = nodeItems(run.run, 'Exchange (bad secret)') ?? [];
				assertFailureEnvelope(envelope, 'INVALID_CLIENT', 401);
				assertNoSecrets(
					envelope,
					{ ...secretsOf(ctx, r), 'probe verifier': PROBE_VERIFIER },
					'the envelope',
				);
				assertNoSecrets(
					run.raw,
					{ 'client secret': SIM_APP.clientSecret, 'wrong secret': BAD_SECRET },
					'the stored execution',
				);
				assert.equal(answer.json?.error?.code, 'INVALID_CLIENT');
			},
		);
	},

	async function upstream503(ctx) {
		const r = await round(ctx, { customer: 'e2e-503' });
		ctx.sim.setFault('token', { type: 'status', status: 503, times: 1 });
		const [page, called] = await withExecution(ctx, 'callback', () => request(r.callbackUrl));
		ctx.sim.clearFaults();
		await ctx.check('token endpoint answers 503: UPSTREAM_ERROR envelope, 400 page', () => {
			const [envelope] = nodeItems(called.run, 'Get Access Token') ?? [];
			assertFailureEnvelope(envelope, 'UPSTREAM_ERROR', 503);
			assert.equal(page.status, 400);
			assert.equal(page.json.error.code, 'UPSTREAM_ERROR');
			assertNoSecrets(envelope, secretsOf(ctx, r), 'the envelope');
			assertNoSecrets(page.text, secretsOf(ctx, r), 'the page');
		});
	},

	async function committedSettingsKeepTokensOut(ctx) {
		if (!ctx.wf.asCommitted) return;
		const r = await round(ctx, { customer: 'e2e-as-committed' });
		const afterId = lastExecutionId(ctx.inst);
		const page = await request(
			withQuery(`${ctx.n8n}/webhook/${AS_COMMITTED.path}`, { code: r.code, state: r.state }),
		);
		await ctx.check(
			'callback example as committed: signed in, and n8n keeps no node output of the run',
			async () => {
				assert.equal(page.status, 200, page.text);
				assert.equal(page.json.context, 'e2e-as-committed');
				// n8n 2.41.1 writes the execution when it starts (trigger input only) and soft-deletes it at the end
				let rows = [];
				for (let i = 0; i < 60; i++) {
					rows = ctx.inst.query(
						`SELECT e.id, e.deletedAt, d.data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id
					 WHERE e.workflowId = ? AND e.id > ?`,
						[AS_COMMITTED.id, afterId],
					);
					if (rows.length && rows.every((row) => row.deletedAt)) break;
					await new Promise((resolve) => setTimeout(resolve, 150));
				}
				assert.ok(rows.length <= 1);
				for (const row of rows) {
					assert.ok(row.deletedAt, 'the execution is not marked deleted');
					assert.ok(
						!String(row.data ?? '').includes('access_token'),
						'the stored execution holds a token envelope',
					);
					if (row.data)
						assert.deepEqual(
							Object.keys(parseFlatted(row.data).resultData.runData),
							[],
							'stored node output',
						);
				}
			},
		);
	},
	async function documentsListDownloadXml(ctx) {
		const { check } = ctx;
		const r = await round(ctx, { customer: 'e2e-documents' });
		const [, called] = await withExecution(ctx, 'callback', () => request(r.callbackUrl));
		const accessToken = nodeItems(called.run, 'Get Access Token')?.[0]?.data?.access_token;
		assert.ok(accessToken, 'needs a fresh access token');
		const issued = ctx.sim.documents(ASHA.digilockerid).issued;
		const [answer, run] = await withExecution(ctx, 'documents', () =>
			request(`${ctx.n8n}/webhook/digilocker/documents`, {
				method: 'POST',
				json: { access_token: accessToken },
			}),
		);
		const listed = nodeItems(run.run, 'List Issued') ?? [];
		const downloads = run.run?.resultData?.runData?.Download?.[0]?.data?.main?.[0] ?? [];
		const certificates = nodeItems(run.run, 'Get Certificate XML') ?? [];
		const parsed = nodeItems(run.run, 'XML to JSON') ?? [];
		const fetchable = issued.filter((doc) => !doc.uri.includes('/'));
		const withXml = fetchable.filter((doc) => doc.mime.includes('application/xml'));
		await check(
			'documents: List Issued gives one envelope per issued document, mime as a list',
			() => {
				assert.equal(run.status, 'success');
				assert.deepEqual(
					listed.map((item) => item.data.uri),
					issued.map((doc) => doc.uri),
				);
				assert.ok(listed.every((item) => item.success === true && Array.isArray(item.data.mime)));
			},
		);
		await check(
			'documents: Download stores each file as n8n binary data (hmac verified); a URI with "/" is refused',
			() => {
				assert.equal(downloads.length, issued.length);
				for (const [index, item] of downloads.entries()) {
					const doc = issued[index];
					if (doc.uri.includes('/')) {
						assert.equal(item.json.error?.code, 'VALIDATION_ERROR', JSON.stringify(item.json));
						continue;
					}
					assert.equal(item.json.success, true, JSON.stringify(item.json));
					assert.equal(item.json.data.hmac_verified, true);
					assert.equal(
						item.json.data.size,
						ctx.sim.readFile(doc.uri, ASHA.digilockerid).bytes.length,
					);
					assert.equal(item.binary?.document?.fileName, item.json.data.file_name);
					assert.equal(item.binary?.document?.mimeType, item.json.data.mime_type);
					assert.ok(item.binary.document.id, "binary kept in n8n's binary store, not inline");
				}
			},
		);
		await check(
			"documents: certificate XML, turned into JSON by n8n's own XML node, answered to the caller",
			() => {
				assert.deepEqual(
					certificates.map((item) => item.data.uri),
					withXml.map((doc) => doc.uri),
				);
				assert.ok(
					certificates.every((item) => item.success && item.data.xml.includes('<Certificate')),
				);
				assert.equal(parsed.length, withXml.length);
				assert.ok(
					parsed.every((item) => typeof item.Certificate === 'object'),
					JSON.stringify(parsed[0]).slice(0, 300),
				);
				assert.equal(answer.status, 200);
				assert.equal(answer.json.length, withXml.length);
				assert.ok(!answer.text.includes(accessToken));
			},
		);
		await check(
			'documents: the Facts Only branch gives each certificate as facts (Minimal), with the XML sha256',
			() => {
				checkFactsOnly(nodeItems(run.run, 'Facts Only') ?? [], {
					sim: ctx.sim,
					user: ASHA.digilockerid,
					withXml,
				});
			},
		);
		await check('documents: one request per file, none repeated', () => {
			const fileRequests = ctx.sim.requests.filter((req) =>
				req.path.startsWith('/public/oauth2/1/file/'),
			);
			const paths = fileRequests.map((req) => req.path);
			assert.equal(new Set(paths).size, paths.length);
		});
	},
	async function everyOtherOperation(ctx) {
		const { check } = ctx;
		const r = await round(ctx, { customer: 'e2e-operations' });
		const [, called] = await withExecution(ctx, 'callback', () => request(r.callbackUrl));
		const accessToken = nodeItems(called.run, 'Get Access Token')?.[0]?.data?.access_token;
		assert.ok(accessToken, 'needs a fresh access token');
		const [, run] = await withExecution(ctx, 'operations', () =>
			request(`${ctx.n8n}/webhook/e2e/operations`, {
				method: 'POST',
				json: { access_token: accessToken },
			}),
		);
		const first = (name) => run.run?.resultData?.runData?.[name]?.[0]?.data?.main?.[0]?.[0];
		const envelope = (name) => first(name)?.json;
		const ok = (name) => {
			const json = envelope(name);
			assert.equal(json?.success, true, `${name}: ${JSON.stringify(json)}`);
			return json.data;
		};
		await check("user › get in real n8n: the token's user with id", () => {
			assert.equal(ok('User').id, ASHA.digilockerid);
		});
		await check('document › listUploaded in real n8n: the whole tree with folder paths', () => {
			const data = ok('Uploaded Tree');
			const files = data.items
				.filter((entry) => entry.type === 'file')
				.map((entry) => `${entry.path}${entry.name}`);
			assert.ok(files.includes('/Documents/Certificates/degree.pdf'), files.join(', '));
		});
		await check(
			'document › getEAadhaar in real n8n: KycRes XML as binary only, hmac verified',
			() => {
				const data = ok('E-Aadhaar');
				assert.equal(data.hmac_verified, true);
				assert.equal(data.xml, undefined);
				assert.ok(first('E-Aadhaar').binary?.eaadhaar?.id);
			},
		);
		await check(
			'document › parseXml (Full, photo as binary) and getEAadhaar (Parsed Facts) in real n8n',
			() => checkEAadhaarFacts(first),
		);
		await check('document › pull in real n8n: the new URI', () => {
			assert.equal(ok('Pull').uri, 'in.gov.sim.transport-RVCER-SM01AB1234');
		});
		await check(
			'issuer › getAll / getDocumentTypes / getParameters in real n8n (signed meta requests)',
			() => {
				assert.ok(ok('Issuers').items.some((issuer) => issuer.orgid === '001891'));
				assert.deepEqual(
					ok('Document Types')
						.items.map((entry) => entry.doctype)
						.sort(),
					['DRVLC', 'RVCER'],
				);
				assert.deepEqual(
					ok('Parameters')
						.items.map((entry) => entry.paramname)
						.sort(),
					['chasis_no', 'reg_no'],
				);
			},
		);
		await check(
			'document › download then upload in real n8n: the file reaches the locker once',
			() => {
				assert.equal(ok('Download Photo').mime_type, 'image/png');
				assert.equal(ok('Upload Photo').path, '/Photos/e2e-upload.png');
				const uploads = ctx.sim.uploads.filter(
					(upload) => upload.path === '/Photos/e2e-upload.png',
				);
				assert.equal(uploads.length, 1);
				assert.equal(uploads[0].size, ok('Download Photo').size);
			},
		);
	},
	credentialTestButton,
	...writesCases,
	consentInBrowser,
	triggerInWorkflows,
];
