// Smoke test in a REAL n8n 2.41.1: builds, then for each load mode (built folder, installed community package from the
// `npm pack` tarball) imports a DigiLocker credential and a Manual Trigger -> DigiLocker workflow, executes it with
// `n8n execute` and checks the "Get Authorization URL" output. No HTTP call is made, so no simulator is needed.
// Run: node scripts/real-n8n/smoke.mjs [--mode=folder|package] [--server] [--no-build]
//   --server  also publishes a Webhook -> DigiLocker workflow, starts `n8n start` and calls the webhook.
// Exit code 0 = every check passed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { createInstance, nodeOutput, runError } from './instance.mjs';
import { repoDir } from './n8n-bin.mjs';

const args = process.argv.slice(2);
const modes = args
	.find((a) => a.startsWith('--mode='))
	?.slice(7)
	.split(',') ?? ['folder', 'package'];
const withServer = args.includes('--server');
const CONSENT_PREFIX = 'https://digilocker.meripehchaan.gov.in/public/oauth2/1/authorize?';
const credential = { id: 'smokeCred1', name: 'DigiLocker smoke', type: 'digiLockerApi' };
const parameters = {
	resource: 'authorization',
	operation: 'getAuthorizationUrl',
	context: 'smoke',
};

function digiLockerNode(inst, position) {
	return {
		id: 'b2c3d4e5-0000-4000-8000-000000000002',
		name: 'DigiLocker',
		type: inst.nodeType('digiLocker'),
		typeVersion: 1,
		position,
		parameters,
		credentials: { digiLockerApi: { id: credential.id, name: credential.name } },
	};
}

function manualWorkflow(inst) {
	return {
		id: 'smokeManual1',
		name: 'DigiLocker smoke (manual)',
		active: false,
		settings: {},
		nodes: [
			{
				id: 'a1b2c3d4-0000-4000-8000-000000000001',
				name: 'Manual',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			digiLockerNode(inst, [220, 0]),
		],
		connections: { Manual: { main: [[{ node: 'DigiLocker', type: 'main', index: 0 }]] } },
	};
}

function webhookWorkflow(inst) {
	return {
		id: 'smokeWebhook1',
		name: 'DigiLocker smoke (webhook)',
		active: false,
		settings: {},
		nodes: [
			{
				id: 'c3d4e5f6-0000-4000-8000-000000000003',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'd4e5f6a7-0000-4000-8000-000000000004',
				parameters: {
					httpMethod: 'GET',
					path: 'digilocker-smoke',
					responseMode: 'lastNode',
					options: {},
				},
			},
			digiLockerNode(inst, [220, 0]),
		],
		connections: { Webhook: { main: [[{ node: 'DigiLocker', type: 'main', index: 0 }]] } },
	};
}

function checkItem(json, label) {
	assert.equal(json?.success, true, `${label}: success`);
	const { data } = json;
	assert.deepEqual(
		Object.keys(data).sort(),
		['code_challenge', 'code_verifier', 'context', 'expires_at', 'state', 'url'],
		`${label}: data keys`,
	);
	assert.ok(data.url.startsWith(CONSENT_PREFIX), `${label}: url ${data.url}`);
	const query = new URL(data.url).searchParams;
	assert.equal(query.get('client_id'), 'SMOKE', `${label}: client_id`);
	assert.equal(query.get('state'), data.state, `${label}: state in url`);
	assert.equal(query.get('code_challenge'), data.code_challenge, `${label}: code_challenge in url`);
	assert.match(data.code_verifier, /^[A-Za-z0-9._~-]{43,128}$/, `${label}: code_verifier`);
	assert.ok(Date.parse(data.expires_at) > Date.now(), `${label}: expires_at in the future`);
	assert.equal(data.context, 'smoke', `${label}: context`);
}

async function smoke(loadMode) {
	const started = performance.now();
	const inst = await createInstance({
		loadMode,
		log: (line) => console.log(`  [${loadMode}] ${line}`),
	});
	try {
		await inst.importCredentials([
			{
				...credential,
				data: {
					clientId: 'SMOKE',
					clientSecret: 'smoke-secret-not-real',
					redirectUri: 'http://localhost:5678/webhook/digilocker/callback',
					environment: 'production',
					clientAuthentication: 'basic',
				},
			},
		]);
		const workflows = [manualWorkflow(inst), ...(withServer ? [webhookWorkflow(inst)] : [])];
		await inst.importWorkflow(workflows);
		const run = await inst.execute('smokeManual1');
		assert.equal(run.status, 'success', `${loadMode}: run status (error: ${runError(run)})`);
		const ran = run.data.resultData.runData.DigiLocker?.[0];
		assert.ok(ran, `${loadMode}: DigiLocker node ran`);
		const items = nodeOutput(run, 'DigiLocker');
		assert.equal(items.length, 1, `${loadMode}: one output item`);
		checkItem(items[0], loadMode);
		console.log(
			`  [${loadMode}] node type ${inst.nodeType()} ran: ${items[0].data.url.slice(0, 80)}…`,
		);

		if (withServer) {
			await inst.publish('smokeWebhook1');
			const { webhookUrl } = await inst.startServer();
			const res = await fetch(webhookUrl('digilocker-smoke'));
			const body = await res.json();
			assert.equal(res.status, 200, `${loadMode}: webhook status ${JSON.stringify(body)}`);
			checkItem(body, `${loadMode} webhook`);
			console.log(`  [${loadMode}] webhook answered with a consent URL`);
			await inst.stop();
		}
		return {
			loadMode,
			ok: true,
			totalMs: Math.round(performance.now() - started),
			timings: inst.timings,
		};
	} catch (error) {
		if (inst.serverLogs()) console.error(inst.serverLogs().slice(-3000));
		throw error;
	} finally {
		await inst.dispose();
	}
}

const t0 = performance.now();
if (!args.includes('--no-build')) {
	const tb = performance.now();
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: repoDir,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	console.log(`npm run build: ${Math.round(performance.now() - tb)} ms`);
}
let failed = false;
for (const mode of modes) {
	try {
		const result = await smoke(mode);
		console.log(
			`PASS ${mode} in ${result.totalMs} ms: ${result.timings.map((t) => `${t.label} ${t.ms}`).join(', ')}`,
		);
	} catch (error) {
		failed = true;
		console.error(`FAIL ${mode}: ${error.stack ?? error}`);
	}
}
console.log(
	`${failed ? 'SMOKE FAILED' : 'SMOKE PASSED'} in ${Math.round(performance.now() - t0)} ms`,
);
process.exit(failed ? 1 : 0);
