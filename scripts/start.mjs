// npm start: the package in a real n8n, on this machine, against the DigiLocker simulator.
// Builds the package, starts the simulator (SIM_HOST:SIM_PORT, default 127.0.0.1:8765), installs real n8n 2.41.1 on
// Node 24 on first run (git-ignored .cache/n8n), installs this package into n8n from its `npm pack` tarball (as a
// community package), imports a DigiLocker credential pointing at the simulator and the example workflows, publishes
// them (not the build-it-yourself consent pair, whose paths the trigger example uses), starts n8n on 127.0.0.1:N8N_PORT (default 5678), creates the editor's owner login and prints the URLs.
// n8n's data lives in .cache/start (kept across restarts; `npm start -- --fresh` starts over). Ctrl-C stops both.
// Flags: --fresh, --no-build.
import './lib/npm-env.mjs'; // before anything starts npm

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { buildPackage } from './lib/build.mjs';
import {
	DIY_CONSENT_KEYS,
	EXAMPLE_CREDENTIAL,
	adaptWorkflow,
	loadExamples,
	simulatorCredential,
} from './lib/examples.mjs';
import { ensureN8n } from './lib/install.mjs';
import { newOwner, setupOwner } from './lib/owner.mjs';
import { provision } from './lib/provision.mjs';
import { DEFAULT_REDIRECT_URI, redirectUriFor, startSim } from './lib/simulator.mjs';
import { createInstance } from './real-n8n/instance.mjs';
import { repoDir } from './real-n8n/n8n-bin.mjs';

const args = process.argv.slice(2);
const simHost = process.env.SIM_HOST ?? '127.0.0.1';
const simPort = Number(process.env.SIM_PORT ?? 8765);
const n8nPort = Number(process.env.N8N_PORT ?? 5678);
const dataDir = path.resolve(repoDir, process.env.START_DIR ?? '.cache/start');
const stateFile = path.join(dataDir, 'start-state.json');
const say = (line) => console.log(`[start] ${line}`);

let sim;
let inst;
let stopping = false;

async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	say('stopping n8n and the simulator…');
	await inst?.stop().catch((error) => console.error(`[start] n8n stop: ${error.message}`));
	await sim?.stop().catch((error) => console.error(`[start] simulator stop: ${error.message}`));
	process.exit(code);
}

const readState = () =>
	fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) : {};
function writeState(state) {
	fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

async function main() {
	const t0 = performance.now();
	if (args.includes('--fresh') && fs.existsSync(dataDir)) {
		say(`--fresh: deleting ${path.relative(repoDir, dataDir)}`);
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
	if (!args.includes('--no-build')) buildPackage({ log: say });
	await ensureN8n({ log: say });

	const redirectUri = redirectUriFor(n8nPort);
	sim = await startSim({
		host: simHost,
		port: simPort,
		redirectUris: redirectUri === DEFAULT_REDIRECT_URI ? undefined : [redirectUri],
		logger: (line) => console.log(`[simulator] ${line}`),
	}).catch((error) => {
		throw new Error(
			`the simulator could not listen on ${simHost}:${simPort} (${error.code ?? error.message}); set SIM_PORT`,
		);
	});
	say(`simulator listening at ${sim.baseUrl}`);

	fs.mkdirSync(dataDir, { recursive: true });
	inst = await createInstance({
		loadMode: 'package',
		dir: dataDir,
		taskRunner: 'internal',
		log: (line) => say(`n8n: ${line}`),
	});
	const state = readState();

	// what is missing: a first run imports everything; later runs keep the user's edits
	const credential = simulatorCredential({ baseUrl: sim.baseUrl, redirectUri });
	const fingerprint = crypto.createHash('sha256').update(JSON.stringify(credential)).digest('hex');
	const haveCredential =
		inst.query('SELECT id FROM credentials_entity WHERE id = ?', [credential.id]).length > 0;
	const loaded = loadExamples();
	const examples = Object.values(loaded).map((wf) =>
		adaptWorkflow(wf, { nodeType: inst.nodeType() }),
	);
	// the trigger example owns digilocker/start and digilocker/callback; the build-it-yourself pair is imported unpublished
	const diyIds = new Set(DIY_CONSENT_KEYS.map((key) => loaded[key].id));
	const present = new Set(inst.query('SELECT id FROM workflow_entity').map((row) => row.id));
	await provision(inst, {
		credentials: haveCredential && state.credentialFingerprint === fingerprint ? [] : [credential],
		workflows: examples.filter((wf) => !present.has(wf.id)),
		publish: (wf) => !diyIds.has(wf.id),
		log: say,
	});
	state.credentialFingerprint = fingerprint;
	writeState(state);

	say(`starting n8n on 127.0.0.1:${n8nPort} (about 10-20 s)…`);
	const { baseUrl } = await inst.startServer({ port: n8nPort, timeoutMs: 120_000 });

	if (!state.owner) {
		const owner = newOwner();
		const result = await setupOwner(baseUrl, owner);
		if (result.ok) {
			state.owner = { email: owner.email, password: owner.password };
			writeState(state);
		} else {
			say(
				`could not create the owner login (HTTP ${result.status} ${result.message}); \`npm start -- --fresh\` starts over`,
			);
		}
	}

	const editor = `http://localhost:${n8nPort}`;
	const startLink = `${editor}/webhook/digilocker/start?context=demo-customer`;
	console.log(
		[
			'',
			`DigiLocker node in real n8n, ready in ${Math.round((performance.now() - t0) / 1000)}s. Ctrl-C stops n8n and the simulator.`,
			`  n8n editor:         ${editor}`,
			state.owner
				? `  login (local only): ${state.owner.email} / ${state.owner.password}`
				: '  login:              (not created, see above)',
			`  start the consent:  ${startLink} (in a browser: DigiLocker Trigger example)`,
			`  simulator:          ${sim.baseUrl} (app ${credential.data.clientId}, fake users; pick one on its consent page)`,
			`  credential:         "${EXAMPLE_CREDENTIAL.name}" -> ${sim.baseUrl}, redirect URI ${redirectUri}`,
			`  n8n data:           ${path.relative(repoDir, dataDir)} (kept across restarts; \`npm start -- --fresh\` starts over)`,
			'',
		].join('\n'),
	);

	// n8n gone (crash, port taken later…): say so and stop the simulator too
	let misses = 0;
	setInterval(async () => {
		const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(3000) }).then(
			(r) => r.ok,
			() => false,
		);
		misses = ok ? 0 : misses + 1;
		if (misses >= 3 && !stopping) {
			console.error(`[start] n8n stopped answering:\n${inst.serverLogs().slice(-3000)}`);
			await shutdown(1);
		}
	}, 5000).unref();
	await new Promise(() => {}); // until Ctrl-C
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
main().catch(async (error) => {
	console.error(`[start] FAILED: ${error.stack ?? error}`);
	await shutdown(1);
});
