// Issue "nothing lost, nothing leaked" in real n8n: (1) a Refresh Token run over many users where one refresh fails
// keeps every other user's new tokens (no thrown error, a warning on the node), and (2) a DigiLocker base URL that
// answers with a redirect gets nothing re-sent to the redirect target, secret or token.
import http from 'node:http';

import { EXAMPLE_CREDENTIAL, simulatorCredential } from '../lib/examples.mjs';
import { lastExecutionId, waitForExecution } from '../lib/executions.mjs';
import { request } from '../lib/http.mjs';
import { consentRound } from '../lib/consent.mjs';
import { nodeItems } from '../lib/executions.mjs';
import { assert } from './checks.mjs';

export const REDIRECTING_CREDENTIAL = Object.freeze({
	id: 'e2eRedirecting01',
	name: 'DigiLocker (base URL that redirects)',
});

const uuid = (n) => `5b2e7f10-3c4d-4e5f-8a9b-0a00000000${String(n).padStart(2, '0')}`;

/** Two local servers: one that answers every request with a 307 to the other, which counts what reaches it. */
export async function startRedirector() {
	const seen = { redirector: 0, target: 0 };
	const listen = async (handler) => {
		const server = http.createServer(handler);
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		return server;
	};
	const target = await listen((req, res) => {
		seen.target++;
		res.end('{}');
	});
	const targetOrigin = `http://127.0.0.1:${target.address().port}`;
	const redirector = await listen((req, res) => {
		seen.redirector++;
		res.writeHead(307, { Location: `${targetOrigin}/collect?from=e2e` });
		res.end();
	});
	return {
		baseUrl: `http://127.0.0.1:${redirector.address().port}/public`,
		targetHost: new URL(targetOrigin).host,
		seen,
		stop: async () => {
			for (const server of [target, redirector]) {
				server.closeAllConnections();
				await new Promise((resolve) => server.close(resolve));
			}
		},
	};
}

export const redirectingCredential = ({ baseUrl, redirectUri }) =>
	simulatorCredential({ ...REDIRECTING_CREDENTIAL, baseUrl, redirectUri });

const webhook = (n, path, y) => ({
	id: uuid(n),
	name: `Webhook ${path}`,
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2.1,
	position: [0, y],
	webhookId: uuid(n + 50),
	parameters: {
		httpMethod: 'POST',
		path,
		responseMode: 'lastNode',
		options: { responseData: 'allEntries' },
	},
});

const refresh = (n, name, credential, y, refreshToken) => ({
	id: uuid(n),
	name,
	type: 'NODE_TYPE',
	typeVersion: 1,
	position: [480, y],
	parameters: {
		resource: 'authorization',
		operation: 'refreshToken',
		refreshToken,
	},
	credentials: { digiLockerApi: { id: credential.id, name: credential.name } },
});

/** POST e2e/refresh-many {tokens: [...]} → Split Out → Refresh Token (continue-on-fail OFF); POST e2e/redirected. */
export function writesWorkflow(nodeType) {
	const workflow = {
		id: 'e2eWrites01',
		name: 'e2e: writes are never thrown away',
		active: false,
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
			saveManualExecutions: true,
		},
		nodes: [
			webhook(1, 'e2e/refresh-many', 0),
			{
				id: uuid(2),
				name: 'Split Tokens',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [240, 0],
				parameters: { fieldToSplitOut: 'body.tokens', options: { destinationFieldName: 'token' } },
			},
			refresh(3, 'Refresh Each', EXAMPLE_CREDENTIAL, 0, '={{ $json.token }}'),
			webhook(4, 'e2e/redirected', 300),
			refresh(
				5,
				'Refresh (redirecting base URL)',
				REDIRECTING_CREDENTIAL,
				300,
				'={{ $json.body.token }}',
			),
		],
		connections: {
			'Webhook e2e/refresh-many': { main: [[{ node: 'Split Tokens', type: 'main', index: 0 }]] },
			'Split Tokens': { main: [[{ node: 'Refresh Each', type: 'main', index: 0 }]] },
			'Webhook e2e/redirected': {
				main: [[{ node: 'Refresh (redirecting base URL)', type: 'main', index: 0 }]],
			},
		},
		pinData: {},
	};
	return JSON.parse(JSON.stringify(workflow).replaceAll('NODE_TYPE', nodeType));
}

async function refreshTokenFromConsent(ctx) {
	const { callbackUrl } = await consentRound(ctx.n8n, { customer: 'e2e-writes' });
	const afterId = lastExecutionId(ctx.inst);
	await request(callbackUrl);
	const called = await waitForExecution(ctx.inst, { workflowId: ctx.wf.callback.id, afterId });
	const [token] = nodeItems(called.run, 'Get Access Token') ?? [];
	return token?.data?.refresh_token;
}

export const writesCases = [
	async function refreshManyKeepsEveryResult(ctx) {
		const tokens = [];
		for (let i = 0; i < 3; i++) tokens.push(await refreshTokenFromConsent(ctx));
		const revoked = 'f'.repeat(40);
		const sent = [tokens[0], revoked, tokens[1], tokens[2]];
		const afterId = lastExecutionId(ctx.inst);
		const answer = await request(`${ctx.n8n}/webhook/e2e/refresh-many`, {
			method: 'POST',
			json: { tokens: sent },
		});
		const run = await waitForExecution(ctx.inst, { workflowId: ctx.wf.writes.id, afterId });
		await ctx.check(
			'writes: one failed refresh of four keeps the three new token pairs, in place, with a warning',
			() => {
				assert.equal(
					run.status,
					'success',
					`execution ${run.status}: ${run.run.resultData.error?.message} at ${run.run.resultData.lastNodeExecuted}; tokens ${tokens.map((t) => typeof t)}`,
				);
				const task = run.run.resultData.runData['Refresh Each'][0];
				const items = task.data.main[0];
				assert.equal(items.length, 4);
				assert.deepEqual(
					items.map((item) => item.pairedItem),
					[0, 1, 2, 3].map((item) => ({ item })),
				);
				assert.deepEqual(
					items.map((item) => item.json.success),
					[true, false, true, true],
				);
				assert.equal(items[1].json.error.code, 'INVALID_GRANT');
				for (const index of [0, 2, 3]) {
					assert.equal(typeof items[index].json.data.refresh_token, 'string');
					assert.notEqual(items[index].json.data.refresh_token, sent[index]);
				}
				const hint = (task.hints ?? []).find((h) => h.type === 'warning');
				assert.ok(hint, `no warning hint: ${JSON.stringify(task.hints)}`);
				assert.match(hint.message, /1 of 4 items failed: item 1 \(INVALID_GRANT\)/);
				assert.ok(!hint.message.includes(revoked));
				assert.equal(answer.status, 200);
			},
		);
	},

	async function redirectNeverFollowed(ctx) {
		const before = { ...ctx.redirector.seen };
		const afterId = lastExecutionId(ctx.inst);
		await request(`${ctx.n8n}/webhook/e2e/redirected`, {
			method: 'POST',
			json: { token: 'e2e-refresh-token-never-forwarded' },
		});
		const run = await waitForExecution(ctx.inst, { workflowId: ctx.wf.writes.id, afterId });
		await ctx.check(
			'redirects: a 307 from the base URL is UPSTREAM_ERROR naming the host; nothing reaches the target',
			() => {
				assert.equal(run.status, 'error', `execution status ${run.status}`);
				const error = run.run.resultData.error;
				assert.match(error.message, /HTTP 307, a redirect to 127\.0\.0\.1:\d+/);
				assert.ok(error.message.includes(ctx.redirector.targetHost));
				assert.ok(!JSON.stringify(error).includes('from=e2e'));
				assert.equal(ctx.redirector.seen.redirector - before.redirector, 1);
				assert.equal(ctx.redirector.seen.target - before.target, 0);
			},
		);
	},
];
