// npm run demo: the consent flow once, end to end, in a real n8n with nobody at the keyboard.
// Builds the package, starts the DigiLocker simulator, installs real n8n on first use, loads this package the way a
// user installs it (npm pack tarball as a community package), imports the simulator credential and the three example
// workflows, publishes them and starts n8n. Then: start webhook (Get Authorization URL) -> the simulator's consent,
// answered by sim_auto=allow -> n8n's callback webhook (Get Access Token) -> the lifecycle webhook (Refresh Token,
// Revoke Token). Prints each DigiLocker envelope as n8n stored it, with token values masked, and exits non-zero on
// any failure. Everything runs on free loopback ports (SIM_PORT / N8N_PORT pin them) in a throwaway n8n folder.
//
// The examples do not save successful executions (tokens would end up in n8n's DB); the demo turns saving on in its
// throwaway copy, because it reads the envelopes from the stored executions. The folder is deleted at exit.
import './lib/npm-env.mjs'; // before anything starts npm

import {
	EXAMPLE_CREDENTIAL,
	adaptWorkflow,
	loadExamples,
	simulatorCredential,
} from './lib/examples.mjs';
import { buildPackage } from './lib/build.mjs';
import { consentRound } from './lib/consent.mjs';
import { lastExecutionId, nodeItems, waitForExecution } from './lib/executions.mjs';
import { request } from './lib/http.mjs';
import { ensureN8n } from './lib/install.mjs';
import { maskSecrets } from './lib/mask.mjs';
import { provision } from './lib/provision.mjs';
import { redirectUriFor, startSim } from './lib/simulator.mjs';
import { createInstance, freePort } from './real-n8n/instance.mjs';

const args = process.argv.slice(2);
const say = (line) => console.log(`[demo] ${line}`);
const t0 = performance.now();
const cleanups = [];

function printEnvelope(title, envelope) {
	console.log(`\n=== ${title} ===\n${JSON.stringify(maskSecrets(envelope), null, 2)}`);
}

function expect(condition, message) {
	if (!condition) throw new Error(message);
}

async function main() {
	if (!args.includes('--no-build')) buildPackage({ log: say });
	await ensureN8n({ log: say });

	const n8nPort = Number(process.env.N8N_PORT ?? (await freePort()));
	const redirectUri = redirectUriFor(n8nPort);
	const sim = await startSim({
		port: Number(process.env.SIM_PORT ?? 0),
		redirectUris: [redirectUri],
	});
	cleanups.push(() => sim.stop());
	say(`simulator at ${sim.baseUrl}`);

	const inst = await createInstance({ loadMode: 'package', log: (line) => say(`n8n: ${line}`) });
	cleanups.push(() => inst.dispose());
	// the demo drives the build-it-yourself consent pair; the trigger example would take the same webhook paths
	const { trigger: _trigger, ...examples } = loadExamples();
	const keepExecutions = { saveDataSuccessExecution: 'all' };
	const workflows = Object.fromEntries(
		Object.entries(examples).map(([key, wf]) => [
			key,
			adaptWorkflow(wf, { nodeType: inst.nodeType(), settings: keepExecutions }),
		]),
	);
	await provision(inst, {
		credentials: [simulatorCredential({ baseUrl: sim.baseUrl, redirectUri })],
		workflows: Object.values(workflows),
		log: say,
	});
	const { baseUrl } = await inst.startServer({ port: n8nPort });
	const n8nUrl = `http://localhost:${n8nPort}`;
	say(
		`n8n ${inst.nodeType()} at ${n8nUrl}, credential "${EXAMPLE_CREDENTIAL.name}" -> ${sim.baseUrl}`,
	);

	// 1. Get Authorization URL (start webhook) and the simulator's consent
	let since = lastExecutionId(inst);
	const round = await consentRound(n8nUrl, { customer: 'demo-customer-42' });
	const started = await waitForExecution(inst, { workflowId: workflows.start.id, afterId: since });
	const [authEnvelope] = nodeItems(started.run, 'Get Authorization URL') ?? [];
	printEnvelope(
		`Get Authorization URL (execution #${started.id}, ${started.status})`,
		authEnvelope,
	);
	expect(authEnvelope?.success === true, 'Get Authorization URL did not succeed');
	expect(
		authEnvelope.data.url === round.consentUrl,
		'the start webhook did not redirect to data.url',
	);
	say(
		`consent given (sim_auto=allow); DigiLocker redirects to ${new URL(round.callbackUrl).pathname}?code=…&state=…`,
	);
	expect(round.code && round.state, `the consent gave no code: ${round.callbackUrl}`);

	// 2. Get Access Token (callback webhook)
	since = lastExecutionId(inst);
	const page = await request(round.callbackUrl);
	const called = await waitForExecution(inst, {
		workflowId: workflows.callback.id,
		afterId: since,
	});
	const [tokenEnvelope] = nodeItems(called.run, 'Get Access Token') ?? [];
	printEnvelope(`Get Access Token (execution #${called.id}, ${called.status})`, tokenEnvelope);
	console.log(`\n--- the callback page (HTTP ${page.status}) ---\n${page.text}`);
	expect(tokenEnvelope?.success === true, 'Get Access Token did not succeed');
	expect(
		page.status === 200 && page.json?.signedIn === true,
		'the callback page does not say signed in',
	);
	expect(
		!page.text.includes(tokenEnvelope.data.access_token),
		'the callback page shows the access token',
	);

	// 3. Refresh Token, then Revoke Token (lifecycle webhook)
	since = lastExecutionId(inst);
	const lifecycle = await request(`${baseUrl}/webhook/digilocker/token-lifecycle`, {
		method: 'POST',
		json: { refresh_token: tokenEnvelope.data.refresh_token },
	});
	const cycled = await waitForExecution(inst, {
		workflowId: workflows.lifecycle.id,
		afterId: since,
	});
	const [refreshEnvelope] = nodeItems(cycled.run, 'Refresh Token') ?? [];
	const [revokeEnvelope] = nodeItems(cycled.run, 'Revoke Token') ?? [];
	printEnvelope(`Refresh Token (execution #${cycled.id}, ${cycled.status})`, refreshEnvelope);
	printEnvelope(`Revoke Token (execution #${cycled.id})`, revokeEnvelope);
	console.log(`\n--- the lifecycle answer (HTTP ${lifecycle.status}) ---\n${lifecycle.text}\n`);
	expect(refreshEnvelope?.success === true, 'Refresh Token did not succeed');
	expect(
		refreshEnvelope.data.refresh_token !== tokenEnvelope.data.refresh_token,
		'the refresh token was not rotated',
	);
	expect(
		revokeEnvelope?.success === true && revokeEnvelope.data.revoked === true,
		'Revoke Token did not succeed',
	);
	expect(
		lifecycle.status === 200 && lifecycle.json?.revoked === true,
		'the lifecycle webhook did not answer revoked',
	);
	const stillActive = [
		sim.tokens.isAccessTokenActive(refreshEnvelope.data.access_token),
		sim.tokens.isRefreshTokenActive(refreshEnvelope.data.refresh_token),
		sim.tokens.isRefreshTokenActive(tokenEnvelope.data.refresh_token),
	];
	expect(
		stillActive.every((active) => !active),
		`the simulator still accepts a token after the revoke: ${stillActive}`,
	);
	say('the simulator confirms: the grant is revoked (old and new tokens no longer work)');
}

let failed = false;
try {
	await main();
} catch (error) {
	failed = true;
	console.error(`[demo] FAILED: ${error.stack ?? error}`);
} finally {
	for (const cleanup of cleanups.reverse())
		await cleanup().catch((error) => console.error(`[demo] cleanup: ${error.message}`));
}
say(`${failed ? 'FAILED' : 'done'} in ${Math.round((performance.now() - t0) / 1000)}s`);
process.exit(failed ? 1 : 0);
