// `npm run bench`: the DigiLocker node against n8n's HTTP Request node, in one real n8n (2.41.1), on the same work,
// against the local simulator. Four cases, each with both nodes at their defaults (ours: adaptive concurrency):
//   json     BENCH_ITEMS (500) × user details, BENCH_LATENCY_MS (20) added to every answer; also ours at a fixed
//            BENCH_CONCURRENCY (10, the old default) for reference
//   files    BENCH_FILES (200) × BENCH_FILE_MB (5) MiB downloads into binary data, with peak RSS
//   limited  BENCH_LIMITED_ITEMS (500) × user details while the simulator answers 429 with Retry-After: 1 whenever
//            more than BENCH_LIMIT (20) requests are in flight; the HTTP Request node also with "Retry On Fail"
//   cost     BENCH_COST_ITEMS (2000) × user details at 0 ms latency: per-item cost, and TCP connections counted
// Cases are interleaved over BENCH_ROUNDS (3) rounds; medians are reported. BENCH_CASES=json,cost runs some only.
// The table is printed and the figures written to BENCH_OUT (.cache/bench/results.json).
// `npm run bench -- --xml` runs only the XML reader's benchmark instead (scripts/bench/xml.mjs).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { createInstance } from '../real-n8n/instance.mjs';
import { locateN8n, repoDir } from '../real-n8n/n8n-bin.mjs';
import { buildPackage } from '../lib/build.mjs';
import { SIM_APP } from '../lib/simulator.mjs';
import { sampleRss } from './memory.mjs';
import { benchWorkflows } from './workflows.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const ITEMS = env('BENCH_ITEMS', 500);
const FILES = env('BENCH_FILES', 200);
const FILE_MB = env('BENCH_FILE_MB', 5);
const LATENCY_MS = env('BENCH_LATENCY_MS', 20);
const CONCURRENCY = env('BENCH_CONCURRENCY', 10);
const ROUNDS = env('BENCH_ROUNDS', 3);
const LIMITED_ITEMS = env('BENCH_LIMITED_ITEMS', 500);
const LIMIT = env('BENCH_LIMIT', 20);
const COST_ITEMS = env('BENCH_COST_ITEMS', 2000);
const GROUPS = (process.env.BENCH_CASES ?? 'json,files,limited,cost').split(',');
const OUT = path.resolve(repoDir, process.env.BENCH_OUT ?? '.cache/bench/results.json');
const { startSimulator } = createRequire(import.meta.url)('../../test/simulator/index.js');
const REDIRECT_URI = 'http://localhost:5678/webhook/digilocker/callback';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function accessTokenFor(sim) {
	const verifier = randomBytes(32).toString('base64url');
	const challenge = createHash('sha256').update(verifier).digest('base64url');
	const { code } = sim.authorize({
		clientId: SIM_APP.clientId,
		redirectUri: REDIRECT_URI,
		codeChallenge: challenge,
		state: 'bench',
	});
	const response = await fetch(`${sim.baseUrl}/oauth2/1/token`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${SIM_APP.clientId}:${SIM_APP.clientSecret}`).toString('base64')}`,
		},
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT_URI,
			code_verifier: verifier,
		}),
	});
	return (await response.json()).access_token;
}

const groupOf = (name) => /^[a-z]+/.exec(name)[0];

/** The simulator as each case needs it: latency, and the in-flight limit for the rate-limited case. */
function configure(sim, group) {
	sim.clearFaults();
	sim.setInFlightLimit(group === 'limited' ? { max: LIMIT, retryAfter: 1 } : undefined);
	if (group !== 'cost' && LATENCY_MS > 0) sim.setFault('*', { type: 'latency', ms: LATENCY_MS });
	sim.resetStats();
}

/** Runs one workflow in a fresh `n8n execute` process -> its times, items, memory and what the simulator saw. */
async function runCase(instance, sim, name, workflow) {
	configure(sim, groupOf(name));
	const memory = sampleRss(`--id=${workflow.id}`);
	const { run } = await instance.executeRaw(workflow.id);
	const peakMb = memory.stop();
	const stats = sim.stats;
	const subject = run?.data?.resultData?.runData?.Subject?.[0];
	const output = subject?.data?.main?.[0] ?? [];
	const failed = output.filter((item) => item.json?.success === false || item.json?.error).length;
	return {
		nodeMs: subject?.executionTime,
		peakMb,
		items: output.length,
		succeeded: output.length - failed,
		ok: run?.status === 'success' && failed === 0,
		error: run?.data?.resultData?.error?.message,
		connections: stats.connections,
		requests: stats.requests,
		refused: stats.limited,
		peakInFlight: stats.peakInFlight,
	};
}

async function main() {
	buildPackage();
	const started = performance.now();
	const bulkSim = await startSimulator({
		apps: [{ ...SIM_APP, redirectUris: [REDIRECT_URI] }],
		largeFiles: GROUPS.includes('files')
			? { count: FILES, sizeBytes: FILE_MB * 1024 * 1024, precomputeHmac: true }
			: undefined,
	});
	console.log(`simulator ready in ${Math.round(performance.now() - started)} ms`);
	const accessToken = await accessTokenFor(bulkSim);

	const instance = await createInstance({
		loadMode: 'folder',
		env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem', EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' },
	});
	try {
		const credential = { id: 'benchcred1', name: 'DigiLocker simulator' };
		await instance.importCredentials({
			...credential,
			type: 'digiLockerApi',
			data: {
				clientId: SIM_APP.clientId,
				clientSecret: SIM_APP.clientSecret,
				redirectUri: REDIRECT_URI,
				environment: 'custom',
				baseUrl: bulkSim.baseUrl,
				clientAuthentication: 'basic',
			},
		});
		const workflows = Object.fromEntries(
			Object.entries(
				benchWorkflows({
					nodeType: instance.nodeType(),
					credential,
					baseUrl: bulkSim.baseUrl,
					accessToken,
					items: ITEMS,
					files: FILES,
					fixedConcurrency: CONCURRENCY,
					limitedItems: LIMITED_ITEMS,
					costItems: COST_ITEMS,
				}),
			).filter(([name]) => GROUPS.includes(groupOf(name))),
		);
		await instance.importWorkflow(Object.values(workflows));

		const results = Object.fromEntries(Object.keys(workflows).map((name) => [name, []]));
		for (let round = 1; round <= ROUNDS; round++) {
			for (const [name, workflow] of Object.entries(workflows)) {
				const result = await runCase(instance, bulkSim, name, workflow);
				results[name].push(result);
				console.log(
					`round ${round} ${name}: ${result.ok ? 'ok' : `FAILED ${result.error ?? ''}`} items=${result.succeeded}/${result.items} node=${result.nodeMs} ms peakRSS=${result.peakMb} MiB connections=${result.connections} requests=${result.requests} refused=${result.refused} peakInFlight=${result.peakInFlight}`,
				);
			}
		}
		report(results);
		// the HTTP Request node is expected to fail against the rate limit; everything else must succeed
		const mustSucceed = Object.entries(results).filter(
			([name]) => groupOf(name) !== 'limited' || name === 'limitedDigiLocker',
		);
		if (mustSucceed.some(([, runs]) => runs.some((result) => !result.ok))) process.exitCode = 1;
	} finally {
		await instance.dispose();
		await bulkSim.stop();
	}
}

function machine() {
	const cpus = os.cpus();
	let n8n = {};
	try {
		const { version, nodeExe } = locateN8n();
		n8n = { n8n: version, node: execNodeVersion(nodeExe) };
	} catch {
		// reported without
	}
	return {
		cpus: cpus.length,
		cpuModel: cpus[0]?.model,
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		os: `${os.type()} ${os.release()}`,
		loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
		...n8n,
	};
}

function execNodeVersion(nodeExe) {
	return createRequire(import.meta.url)('node:child_process')
		.execFileSync(nodeExe, ['--version'], { encoding: 'utf8' })
		.trim();
}

function report(results) {
	const has = (name) => results[name]?.length > 0;
	const med = (name, key) =>
		has(name) ? median(results[name].map((result) => result[key])) : undefined;
	const ms = (name) => (has(name) ? `${med(name, 'nodeMs')} ms` : '—');
	const ratio = (ours, theirs) =>
		has(ours) && has(theirs) ? (med(ours, 'nodeMs') / med(theirs, 'nodeMs')).toFixed(2) : '—';
	const done = (name, total) =>
		has(name) ? `${med(name, 'succeeded')} / ${total} items in ${ms(name)}` : '—';
	const rows = [];
	if (has('jsonDigiLocker'))
		rows.push([
			`${ITEMS} × user details, ${LATENCY_MS} ms latency`,
			`${ms('jsonDigiLocker')} (fixed concurrency ${CONCURRENCY}: ${ms('jsonDigiLockerFixed')}); peak ${med('jsonDigiLocker', 'peakInFlight')} in flight`,
			`${ms('jsonHttpRequest')}; peak ${med('jsonHttpRequest', 'peakInFlight')} in flight`,
			ratio('jsonDigiLocker', 'jsonHttpRequest'),
		]);
	if (has('filesDigiLocker')) {
		const idle = med('filesIdle', 'peakMb');
		rows.push([
			`${FILES} × ${FILE_MB} MiB downloads into binary data`,
			`${ms('filesDigiLocker')}; peak RSS +${med('filesDigiLocker', 'peakMb') - idle} MiB`,
			`${ms('filesHttpRequest')}; peak RSS +${med('filesHttpRequest', 'peakMb') - idle} MiB`,
			ratio('filesDigiLocker', 'filesHttpRequest'),
		]);
	}
	if (has('limitedDigiLocker'))
		rows.push([
			`${LIMITED_ITEMS} × user details, 429 + Retry-After: 1 above ${LIMIT} in flight`,
			`${done('limitedDigiLocker', LIMITED_ITEMS)}; ${med('limitedDigiLocker', 'refused')} requests refused`,
			`defaults: ${done('limitedHttpRequest', LIMITED_ITEMS)}; Retry On Fail: ${done('limitedHttpRequestRetry', LIMITED_ITEMS)}`,
			'—',
		]);
	if (has('costDigiLocker'))
		rows.push([
			`${COST_ITEMS} × user details, 0 ms latency (per-item cost)`,
			`${ms('costDigiLocker')} = ${(med('costDigiLocker', 'nodeMs') / COST_ITEMS).toFixed(2)} ms per item; ${med('costDigiLocker', 'connections')} TCP connections`,
			`${ms('costHttpRequest')} = ${(med('costHttpRequest', 'nodeMs') / COST_ITEMS).toFixed(2)} ms per item; ${med('costHttpRequest', 'connections')} TCP connections`,
			ratio('costDigiLocker', 'costHttpRequest'),
		]);
	const table = [
		'| Work | DigiLocker node (defaults: adaptive) | HTTP Request node 4.2 (defaults) | time ratio |',
		'|---|---|---|---|',
		...rows.map((row) => `| ${row.join(' | ')} |`),
	].join('\n');
	const info = machine();
	const date = new Date().toISOString();
	console.log(`\n== medians of ${ROUNDS} rounds, ${date} ==`);
	console.log(
		`machine: ${info.cpus} × ${info.cpuModel}, ${info.memoryGiB} GiB, ${info.os}, load ${info.loadAverage.join(' ')}; n8n ${info.n8n ?? '?'} on Node ${info.node ?? '?'}\n`,
	);
	console.log(table);
	const medians = Object.fromEntries(
		Object.keys(results).map((name) => [
			name,
			Object.fromEntries(
				[
					'nodeMs',
					'succeeded',
					'items',
					'peakMb',
					'connections',
					'requests',
					'refused',
					'peakInFlight',
				].map((key) => [key, med(name, key)]),
			),
		]),
	);
	const figures = {
		date,
		machine: info,
		settings: {
			rounds: ROUNDS,
			items: ITEMS,
			latencyMs: LATENCY_MS,
			fixedConcurrency: CONCURRENCY,
			files: FILES,
			fileMb: FILE_MB,
			limitedItems: LIMITED_ITEMS,
			inFlightLimit: LIMIT,
			costItems: COST_ITEMS,
		},
		ratios: {
			json: med('jsonDigiLocker', 'nodeMs') / med('jsonHttpRequest', 'nodeMs') || undefined,
			files: med('filesDigiLocker', 'nodeMs') / med('filesHttpRequest', 'nodeMs') || undefined,
			cost: med('costDigiLocker', 'nodeMs') / med('costHttpRequest', 'nodeMs') || undefined,
		},
		medians,
		runs: results,
		table,
	};
	fs.mkdirSync(path.dirname(OUT), { recursive: true });
	fs.writeFileSync(OUT, `${JSON.stringify(figures, null, 2)}\n`);
	console.log(`\nfigures written to ${OUT}`);
}

if (process.argv.includes('--xml')) await import('./xml.mjs');
else await main();
