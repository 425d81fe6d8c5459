// Real n8n 2.41.1 in queue mode on loopback: one main (`n8n start`, UI/API, trigger registration, no production
// webhooks), one webhook process (`n8n webhook`) and N workers (`n8n worker`), sharing Postgres and Redis. The package
// is loaded from the built folder (CUSTOM.digiLocker). Credentials and workflows are imported and published with the
// n8n CLI (createInstance of scripts/real-n8n) into Postgres before the processes start.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';

import { provision } from '../lib/provision.mjs';
import { createInstance, freePort } from '../real-n8n/instance.mjs';
import { locateN8n } from '../real-n8n/n8n-bin.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The env every n8n process of the cluster shares (what a user sets for queue mode). */
export function queueEnv({ pg, redis, webhookBaseUrl, binaryDataMode }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: 'n8n', // trust auth on loopback: ignored
		N8N_WEBHOOK_URL: `${webhookBaseUrl}/`, // WEBHOOK_URL is its deprecated alias
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true', // production webhooks go to the webhook process only
		...(binaryDataMode ? { N8N_DEFAULT_BINARY_DATA_MODE: binaryDataMode } : {}),
		N8N_SECURE_COOKIE: 'false',
	};
}

function track(child, name, log) {
	const proc = { child, name, pid: child.pid, output: '', exited: null };
	const onData = (chunk) => {
		proc.output += chunk;
		if (process.env.QUEUE_E2E_VERBOSE === '1')
			for (const line of String(chunk).split('\n')) if (line.trim()) log(`[${name}] ${line}`);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	child.on('exit', (code, signal) => (proc.exited = { code, signal }));
	return proc;
}

async function healthy(url) {
	try {
		const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
		return res.ok;
	} catch {
		return false;
	}
}

async function waitFor(proc, ready, timeoutMs) {
	const t0 = performance.now();
	while (!(await ready())) {
		if (proc.exited)
			throw new Error(
				`${proc.name} exited ${JSON.stringify(proc.exited)}:\n${proc.output.slice(-4000)}`,
			);
		if (performance.now() - t0 > timeoutMs)
			throw new Error(`${proc.name} not ready after ${timeoutMs} ms:\n${proc.output.slice(-4000)}`);
		await sleep(250);
	}
	return Math.round(performance.now() - t0);
}

async function stopProc(proc, timeoutMs = 20_000) {
	if (proc.exited) return;
	const exited = new Promise((resolve) => proc.child.once('exit', resolve));
	proc.child.kill('SIGTERM');
	const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
	await exited;
	clearTimeout(timer);
}

/**
 * @param {object} o
 * @param {object} o.pg       startPostgres()
 * @param {object} o.redis    startRedis()
 * @param {number} o.webhookPort the webhook process's port (credentials' redirect URIs point at it)
 * @param {(nodeType: string) => { credentials: object[], workflows: object[] }} o.provisioning
 * @param {number} [o.workers] default 2
 * @param {number} [o.workerConcurrency] `n8n worker --concurrency` (default 5)
 * @param {string} [o.binaryDataMode] N8N_DEFAULT_BINARY_DATA_MODE (default: n8n's own default)
 * @param {Record<string,string>} [o.env] more env for every process
 */
export async function startCluster({
	pg,
	redis,
	webhookPort,
	provisioning,
	workers = 2,
	workerConcurrency = 5,
	binaryDataMode,
	env: moreEnv = {},
	log = () => {},
}) {
	const bin = locateN8n();
	const webhookBaseUrl = `http://localhost:${webhookPort}`;
	const shared = { ...queueEnv({ pg, redis, webhookBaseUrl, binaryDataMode }), ...moreEnv };
	const inst = await createInstance({ loadMode: 'folder', env: shared, taskRunner: 'off', log });
	const procs = [];
	const cluster = {
		inst,
		env: shared,
		procs,
		webhookBaseUrl,
		main: null,
		webhook: null,
		workers: [],
		async stop() {
			// workers first (they finish or drop their jobs), then webhook and main
			await Promise.all(cluster.workers.map((p) => stopProc(p)));
			await Promise.all([cluster.webhook, cluster.main].filter(Boolean).map((p) => stopProc(p)));
			await inst.dispose();
		},
		logs: () => procs.map((p) => `--- ${p.name} (pid ${p.pid})\n${p.output}`).join('\n'),
	};
	try {
		const { credentials, workflows } = provisioning(inst.nodeType());
		const t0 = performance.now();
		await provision(inst, { credentials, workflows, log });
		log(`imported and published into Postgres in ${Math.round(performance.now() - t0)} ms`);

		const spawnN8n = async (name, args, port, extra = {}) => {
			const procEnv = {
				...inst.env,
				N8N_RUNNERS_MODE: 'external', // no Code nodes here: no task runner child per process
				N8N_RUNNERS_AUTH_TOKEN: randomUUID(),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				...(port ? { N8N_PORT: String(port) } : {}),
				...extra,
			};
			const child = spawn(bin.nodeExe, [bin.n8nBin, ...args], {
				env: procEnv,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			const proc = track(child, name, log);
			proc.port = port;
			procs.push(proc);
			return proc;
		};

		const mainPort = await freePort();
		cluster.main = await spawnN8n('main', ['start'], mainPort);
		cluster.mainBaseUrl = `http://127.0.0.1:${mainPort}`;
		const mainMs = await waitFor(
			cluster.main,
			async () =>
				cluster.main.output.includes('Editor is now accessible') &&
				(await healthy(`${cluster.mainBaseUrl}/healthz`)) &&
				publicationsDone(pg),
			180_000,
		);
		log(`main ready in ${mainMs} ms (pid ${cluster.main.pid}, port ${mainPort})`);

		cluster.webhook = await spawnN8n('webhook', ['webhook'], webhookPort);
		/** Starts one more worker -> { proc, ready: Promise<ms> } */
		cluster.addWorker = async () => {
			const healthPort = await freePort();
			const worker = await spawnN8n(
				`worker${cluster.workers.length + 1}`,
				['worker', `--concurrency=${workerConcurrency}`],
				null,
				{ QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) },
			);
			worker.healthUrl = `http://127.0.0.1:${healthPort}/healthz`;
			cluster.workers.push(worker);
			const ready = waitFor(
				worker,
				async () => (await healthy(worker.healthUrl)) && workerReady(worker),
				180_000,
			);
			return { proc: worker, ready };
		};
		const started = [];
		for (let i = 1; i <= workers; i++) started.push(await cluster.addWorker());
		const [webhookMs, ...workerMs] = await Promise.all([
			waitFor(cluster.webhook, () => healthy(`http://127.0.0.1:${webhookPort}/healthz`), 180_000),
			...started.map((w) => w.ready),
		]);
		log(
			`webhook ready in ${webhookMs} ms (pid ${cluster.webhook.pid}, port ${webhookPort}); workers ready in ${workerMs.join(', ')} ms (pids ${cluster.workers.map((w) => w.pid).join(', ')})`,
		);
		return cluster;
	} catch (error) {
		const logs = cluster.logs();
		await cluster.stop().catch(() => {});
		error.message += `\n${logs.slice(-6000)}`;
		throw error;
	}
}

const workerReady = (worker) => /worker is now ready|Worker ready/i.test(worker.output);

/** Every published workflow's triggers registered (its latest publication outbox record is 'completed'). */
function publicationsDone(pg) {
	const rows = pg.query(`SELECT w.id, o.status, o."errorMessage" FROM workflow_entity w
		LEFT JOIN workflow_publication_outbox o ON o.id =
			(SELECT MAX(id) FROM workflow_publication_outbox WHERE "workflowId" = w.id)
		WHERE w."activeVersionId" IS NOT NULL`);
	const failed = rows.filter((row) => row.status === 'failed' || row.status === 'partial_success');
	if (failed.length) throw new Error(`publishing failed: ${JSON.stringify(failed)}`);
	return rows.every((row) => row.status === 'completed');
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a pid in MiB, from /proc. */
export function memoryOf(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
		return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
	} catch {
		return null;
	}
}

/** Samples VmRSS of pids every intervalMs -> { stop() -> { [pid]: peak MiB during sampling } }. */
export function sampleRss(pids, intervalMs = 200) {
	const peaks = Object.fromEntries(pids.map((pid) => [pid, 0]));
	const tick = () => {
		for (const pid of pids) {
			const m = memoryOf(pid);
			if (m) peaks[pid] = Math.max(peaks[pid], m.rssMb);
		}
	};
	tick();
	const timer = setInterval(tick, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			tick();
			return peaks;
		},
	};
}
