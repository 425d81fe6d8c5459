// `npm run bench`: the DigiLocker node against n8n's HTTP Request node, in one real n8n (2.41.1), on the same work,
// against the local simulator with latency added to every answer. Cases are interleaved and repeated; medians are
// reported, because these machines are noisy. Environment: BENCH_ITEMS (500), BENCH_FILES (200), BENCH_FILE_MB (5),
// BENCH_LATENCY_MS (20), BENCH_CONCURRENCY (the node's default, 10), BENCH_HIGH_CONCURRENCY (50), BENCH_ROUNDS (3).
// `npm run bench -- --xml` runs only the XML reader's benchmark instead (scripts/bench/xml.mjs).
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

import { createInstance } from '../real-n8n/instance.mjs';
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
const HIGH_CONCURRENCY = env('BENCH_HIGH_CONCURRENCY', 50);
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

/** Runs one workflow in a fresh `n8n execute` process -> { nodeMs, peakMb, items, ok }. */
async function runCase(instance, workflow) {
	const memory = sampleRss(`--id=${workflow.id}`);
	const { run } = await instance.executeRaw(workflow.id);
	const peakMb = memory.stop();
	const subject = run?.data?.resultData?.runData?.Subject?.[0];
	const output = subject?.data?.main?.[0] ?? [];
	const failed = output.filter((item) => item.json?.success === false || item.json?.error).length;
	return {
		nodeMs: subject?.executionTime,
		peakMb,
		items: output.length,
		ok: run?.status === 'success' && failed === 0,
		error: run?.data?.resultData?.error?.message,
	};
}

async function main() {
	buildPackage();
	const started = performance.now();
	const bulkSim = await startSimulator({
		apps: [{ ...SIM_APP, redirectUris: [REDIRECT_URI] }],
		largeFiles: { count: FILES, sizeBytes: FILE_MB * 1024 * 1024, precomputeHmac: true },
	});
	console.log(
		`simulator ready with ${FILES} × ${FILE_MB} MiB files in ${Math.round(performance.now() - started)} ms`,
	);
	const accessToken = await accessTokenFor(bulkSim);
	bulkSim.setFault('*', { type: 'latency', ms: LATENCY_MS });

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
		const workflows = benchWorkflows({
			nodeType: instance.nodeType(),
			credential,
			baseUrl: bulkSim.baseUrl,
			accessToken,
			items: ITEMS,
			files: FILES,
			concurrency: CONCURRENCY,
			highConcurrency: HIGH_CONCURRENCY,
		});
		await instance.importWorkflow(Object.values(workflows));

		const results = Object.fromEntries(Object.keys(workflows).map((name) => [name, []]));
		for (let round = 1; round <= ROUNDS; round++) {
			for (const [name, workflow] of Object.entries(workflows)) {
				const result = await runCase(instance, workflow);
				results[name].push(result);
				console.log(
					`round ${round} ${name}: ${result.ok ? 'ok' : `FAILED ${result.error ?? ''}`} items=${result.items} node=${result.nodeMs} ms peakRSS=${result.peakMb} MiB`,
				);
			}
		}
		report(results);
		if (
			Object.values(results)
				.flat()
				.some((result) => !result.ok)
		)
			process.exitCode = 1;
	} finally {
		await instance.dispose();
		await bulkSim.stop();
	}
}

function report(results) {
	const med = (name, key) => median(results[name].map((result) => result[key]));
	const bound = (ITEMS * LATENCY_MS) / CONCURRENCY;
	const idle = med('filesIdle', 'peakMb');
	console.log(
		'\n== medians of %d rounds (latency %d ms per answer, concurrency %d) ==',
		ROUNDS,
		LATENCY_MS,
		CONCURRENCY,
	);
	const highBound = (ITEMS * LATENCY_MS) / HIGH_CONCURRENCY;
	console.log(
		`${ITEMS} × user details: DigiLocker node ${med('jsonDigiLocker', 'nodeMs')} ms at concurrency ${CONCURRENCY} (bound N×latency/concurrency = ${bound} ms, ratio ${(med('jsonDigiLocker', 'nodeMs') / bound).toFixed(2)}), ${med('jsonDigiLockerHigh', 'nodeMs')} ms at concurrency ${HIGH_CONCURRENCY} (bound ${highBound} ms, ratio ${(med('jsonDigiLockerHigh', 'nodeMs') / highBound).toFixed(2)}); HTTP Request node (all at once) ${med('jsonHttpRequest', 'nodeMs')} ms`,
	);
	console.log(
		`${FILES} × ${FILE_MB} MiB download: DigiLocker node ${med('filesDigiLocker', 'nodeMs')} ms; HTTP Request node ${med('filesHttpRequest', 'nodeMs')} ms`,
	);
	console.log(
		`peak RSS of the n8n process: DigiLocker ${med('filesDigiLocker', 'peakMb')} MiB, HTTP Request ${med('filesHttpRequest', 'peakMb')} MiB, same workflow without downloads ${idle} MiB (so +${med('filesDigiLocker', 'peakMb') - idle} / +${med('filesHttpRequest', 'peakMb') - idle} MiB)`,
	);
}

if (process.argv.includes('--xml')) await import('./xml.mjs');
else await main();
