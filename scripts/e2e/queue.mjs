// npm run test:e2e:queue: real n8n 2.41.1 in queue mode on this machine. Starts Redis and Postgres (Debian's
// redis-server and postgresql, installed with apt-get when missing; Postgres in a private tmp data dir, as an
// unprivileged user), one main, one webhook process and two workers, all on loopback; runs the consent flow through
// the DigiLocker Trigger and the documents run on QUEUE_FILES (200) files of 1–5 MiB; kills a worker in the middle of
// a second documents run; stops and removes everything at the end.
// Env: QUEUE_FILES (200), QUEUE_BINARY_MODE (database, n8n's queue-mode default; or filesystem).
// Flags: --no-build (dist/ is already built)  --no-fault (skip the worker kill). QUEUE_E2E_VERBOSE=1 prints n8n's logs.
// Ends with "e2e:queue: N passed, M failed"; exit code 0 only when nothing failed.
import '../lib/npm-env.mjs'; // before anything starts npm

import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

import { buildPackage } from '../lib/build.mjs';
import { ensureN8n } from '../lib/install.mjs';
import { SIM_APP } from '../lib/simulator.mjs';
import { freePort } from '../real-n8n/instance.mjs';
import { consentCase, documentsCase, killWorkerCase } from '../queue/cases.mjs';
import { startCluster } from '../queue/cluster.mjs';
import { ensureServicePackages, startPostgres, startRedis } from '../queue/services.mjs';
import { queueProvisioning, triggerRedirectUri } from '../queue/workflows.mjs';
import { createChecks, runCases } from './checks.mjs';

const require = createRequire(import.meta.url);
const { startSimulator } = require('../../test/simulator/index.js');
const { DEFAULT_USERS } = require('../../test/simulator/seed.js');
const args = process.argv.slice(2);
const FILES = Number(process.env.QUEUE_FILES ?? 200);
// n8n's default in queue mode is 'database'; QUEUE_BINARY_MODE=filesystem measures the other (one shared disk here)
const BINARY_MODE = process.env.QUEUE_BINARY_MODE ?? 'database';
const MIB = 1024 * 1024;
const BULK_USER = 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9'; // a simulator user with only the generated files
const t0 = performance.now();
const checks = createChecks();
const log = (line) => console.log(`# [queue] ${line}`);
const check = (label, fn) => checks.check('[queue]', label, fn);

/** 1–5 MiB, deterministic per file (the same sizes on every run). */
const sizeOf = (i) =>
	MIB + (createHash('sha256').update(`queue-file-${i}`).digest().readUInt32BE(0) % (4 * MIB + 1));

async function accessTokenFor(sim, redirectUri) {
	const verifier = randomBytes(32).toString('base64url');
	const { code } = sim.authorize({
		clientId: SIM_APP.clientId,
		redirectUri,
		codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
		state: 'queue-e2e',
		userId: BULK_USER,
	});
	const res = await fetch(`${sim.baseUrl}/oauth2/1/token`, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${SIM_APP.clientId}:${SIM_APP.clientSecret}`).toString('base64')}`,
		},
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			code_verifier: verifier,
		}),
	});
	const body = await res.json();
	if (!body.access_token) throw new Error(`no access token: ${JSON.stringify(body)}`);
	return body.access_token;
}

const cleanups = [];
let cluster;
let stopping = null;
async function cleanUp() {
	stopping ??= (async () => {
		await cluster?.stop().catch((error) => log(`stopping n8n: ${error.message}`));
		for (const cleanup of cleanups.reverse())
			await cleanup().catch((error) => log(`cleanup: ${error.message}`));
	})();
	return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM'])
	process.once(signal, () => {
		log(`${signal}: stopping n8n, Redis and Postgres`);
		cleanUp().finally(() => process.exit(130));
	});
try {
	if (!args.includes('--no-build')) buildPackage({ log });
	await ensureN8n({ log });
	ensureServicePackages({ log });
	const services = await Promise.allSettled([startRedis({ log }), startPostgres({ log })]);
	for (const started of services)
		if (started.status === 'fulfilled') cleanups.push(() => started.value.stop());
	const failed = services.find((started) => started.status === 'rejected');
	if (failed) throw failed.reason;
	const [redis, pg] = services.map((started) => started.value);

	const webhookPort = await freePort();
	const webhookBaseUrl = `http://localhost:${webhookPort}`;
	const redirectUri = triggerRedirectUri(webhookBaseUrl);
	const sizes = Array.from({ length: FILES }, (_, i) => sizeOf(i + 1));
	const bulkSim = await startSimulator({
		host: '127.0.0.1',
		apps: [{ ...SIM_APP, redirectUris: [redirectUri] }],
		users: [
			...DEFAULT_USERS, // the first one gives consent in the trigger flow
			{
				digilockerid: BULK_USER,
				name: 'Bulk Simulated User',
				dob: '01011990',
				gender: 'F',
				eaadhaar: 'N',
				mobile: '9000000009',
				reference_key: '0123456789abcdef0123456789abcdef',
				issued: [],
				uploaded: [],
			},
		],
		largeFiles: { count: FILES, sizeBytes: sizes, userId: BULK_USER },
	});
	cleanups.push(() => bulkSim.stop());
	const tSha = performance.now();
	const expected = new Map();
	for (const doc of bulkSim.documents(BULK_USER).issued) {
		const bytes = bulkSim.readFile(doc.uri, BULK_USER).bytes;
		expected.set(doc.uri, {
			size: bytes.length,
			sha: createHash('sha256').update(bytes).digest('hex'),
		});
	}
	log(
		`simulator: ${expected.size} issued documents for the bulk user (${FILES} of 1–5 MiB, ${Math.round(sizes.reduce((a, b) => a + b, 0) / MIB)} MiB), sha256 in ${Math.round(performance.now() - tSha)} ms`,
	);

	cluster = await startCluster({
		pg,
		redis,
		webhookPort,
		provisioning: queueProvisioning({ simBaseUrl: bulkSim.baseUrl, webhookBaseUrl }),
		log,
		binaryDataMode: BINARY_MODE === 'database' ? undefined : BINARY_MODE, // database: n8n's default
		env: {
			// n8n's defaults would leave a killed worker's execution "running" for up to 3 h (queue recovery every
			// 180 min) and fail its job only after the 60 s lock expires: shorter here, so the e2e sees the end
			QUEUE_WORKER_LOCK_DURATION: '20000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
			QUEUE_WORKER_STALLED_INTERVAL: '10000',
			N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.5', // minutes
		},
	});
	const ctx = {
		check,
		log,
		cluster,
		pg,
		sim: bulkSim,
		bulkUser: BULK_USER,
		expected,
		fileCount: FILES,
		binaryMode: BINARY_MODE,
		binaryStoragePath: path.join(cluster.inst.userFolder, '.n8n/storage'),
		accessToken: await accessTokenFor(bulkSim, redirectUri),
	};
	log(
		`cluster up after ${Math.round((performance.now() - t0) / 1000)}s; binary data mode: ${BINARY_MODE}`,
	);
	// the kill first: the documents run after it is the re-run (every binary back, intact)
	const runs = [
		consentCase,
		...(args.includes('--no-fault') ? [] : [killWorkerCase]),
		documentsCase,
	];
	await runCases(runs, ctx, check, bulkSim);
} catch (error) {
	await check('setup (services, n8n processes, import, publish)', () => {
		throw error;
	});
} finally {
	if (checks.failed && cluster)
		log(
			`n8n logs (tails):\n${cluster.procs.map((p) => `--- ${p.name}\n${p.output.slice(-2500)}`).join('\n')}`,
		);
	await cluster?.stop().catch((error) => log(`stopping n8n: ${error.message}`));
	for (const cleanup of cleanups.reverse())
		await cleanup().catch((error) => log(`cleanup: ${error.message}`));
}
log(`queue mode e2e in ${Math.round((performance.now() - t0) / 1000)}s`);
for (const failure of checks.results.filter((r) => !r.ok)) log(`FAILED: ${failure.label}`);
console.log(`e2e:queue: ${checks.passed} passed, ${checks.failed} failed`);
process.exit(checks.failed || checks.passed === 0 ? 1 : 0);
