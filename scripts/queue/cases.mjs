// The queue-mode cases, run against a started cluster (cluster.mjs): consent through the DigiLocker Trigger (webhook
// process → worker), the documents run on many large files (sha256 of every stored binary against the simulator's
// bytes, hmac verified, N in / N out, each worker's peak RSS), and a worker killed in the middle of a documents run.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { consentOverHttp } from '../e2e/triggerWorkflows.mjs';
import { assert } from '../e2e/checks.mjs';
import { memoryOf, sampleRss } from './cluster.mjs';
import {
	executionsOf,
	lastExecutionId,
	nodeOutput,
	readExecution,
	waitForExecution,
} from './executions.mjs';
import { DOCUMENTS_PATH, TRIGGER_PATH, WF } from './workflows.mjs';

const FINAL = ['success', 'error', 'crashed', 'canceled'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');
const WRITE_ROUTES = /\/(1\/file\/upload|1\/pull\/pulldocument|oauth2\/1\/revoke)/;

/** Which worker's log names the execution (n8n logs "Worker started execution <id>" and "… finished …"). */
export function workerOf(cluster, executionId) {
	const pattern = new RegExp(`execution ${executionId}\\b`);
	return cluster.workers.filter((w) => pattern.test(w.output)).map((w) => w.name);
}

/**
 * The binaries' sha256 and size from n8n's store -> { [binary id]: { sha, size } }: Postgres' binary_data table
 * (database mode) or the files under the shared storage path (filesystem mode).
 */
function storedBinaries(ctx, ids) {
	const found = {};
	for (const id of ids.filter((i) => i.startsWith('filesystem-v2:'))) {
		const file = path.join(ctx.binaryStoragePath, id.slice('filesystem-v2:'.length));
		if (!fs.existsSync(file)) continue;
		const bytes = fs.readFileSync(file);
		found[id] = { sha: sha256(bytes), size: bytes.length };
	}
	const fileIds = ids
		.filter((id) => id.startsWith('database:'))
		.map((id) => id.slice('database:'.length));
	if (!fileIds.length) return found;
	const rows = ctx.pg.query(
		`SELECT "fileId" AS id, encode(sha256(data), 'hex') AS sha, octet_length(data) AS size
		 FROM binary_data WHERE "fileId" IN (${fileIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(',')})`,
	);
	for (const row of rows) found[`database:${row.id}`] = row;
	return found;
}

export async function consentCase(ctx) {
	const { check, cluster, pg } = ctx;
	await check(
		'consent through the DigiLocker Trigger: webhook process answers, a worker runs the workflow',
		async () => {
			const afterId = lastExecutionId(pg);
			const answer = await consentOverHttp(cluster.webhookBaseUrl, TRIGGER_PATH, 'queue-customer');
			assert.equal(answer.status, 200, answer.text.slice(0, 500));
			assert.match(answer.text, /<main data-outcome="granted"/);
			const execution = await waitForExecution(pg, { workflowId: WF.trigger, afterId });
			assert.equal(execution.status, 'success');
			assert.equal(execution.mode, 'webhook');
			const ran = Object.keys(execution.run.resultData.runData).sort();
			assert.deepEqual(ran, [
				'DigiLocker Trigger',
				'Documents of the Customer',
				'Granted?',
				'List Issued',
			]);
			const documents = nodeOutput(execution.run, 'Documents of the Customer');
			assert.ok(documents.length > 0);
			for (const { json } of documents) assert.equal(json.customer, 'queue-customer');
			const workers = workerOf(cluster, execution.id);
			assert.equal(workers.length, 1, `execution ${execution.id} in the logs of: ${workers}`);
			assert.ok(
				!/execution \d+/.test(cluster.webhook.output) ||
					!cluster.webhook.output.includes(`started execution ${execution.id}`),
			);
			ctx.log(`consent execution #${execution.id} ran on ${workers[0]}`);
		},
	);
}

/** POST a JSON body on a connection of its own -> { status, text } */
function postJson(url, body) {
	return new Promise((resolve, reject) => {
		const data = Buffer.from(JSON.stringify(body));
		const req = http.request(
			url,
			{
				method: 'POST',
				agent: false,
				headers: { 'content-type': 'application/json', 'content-length': data.length },
				timeout: 60_000,
			},
			(res) => {
				let text = '';
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode, text }));
			},
		);
		req.on('timeout', () => req.destroy(new Error(`POST ${url}: no answer in 60 s`)));
		req.on('error', reject);
		req.end(data);
	});
}

/** Starts a documents run -> the execution id (the webhook answers at once). */
async function startDocumentsRun(ctx) {
	const { cluster, pg } = ctx;
	const afterId = lastExecutionId(pg);
	// a fresh connection: a kept-alive socket the webhook process closed meanwhile fails fetch() ("fetch failed")
	const res = await postJson(`${cluster.webhookBaseUrl}/webhook/${DOCUMENTS_PATH}`, {
		access_token: ctx.accessToken,
	});
	assert.equal(res.status, 200, res.text);
	for (let i = 0; i < 200; i++) {
		const [row] = executionsOf(pg, WF.documents, afterId);
		if (row) return { id: row.id, afterId };
		await sleep(100);
	}
	throw new Error('the documents webhook made no execution');
}

/** Asserts a finished documents execution: N in, N out, hmac verified, every stored binary = the simulator's bytes. */
function assertDocuments(ctx, execution) {
	const { pg, sim, bulkUser, expected } = ctx;
	assert.equal(execution.status, 'success', JSON.stringify(execution.run?.resultData?.error));
	const listed = nodeOutput(execution.run, 'List Issued');
	const downloaded = nodeOutput(execution.run, 'Download');
	const issued = sim.documents(bulkUser).issued;
	assert.equal(listed.length, issued.length, 'List Issued: one item per issued document');
	assert.equal(downloaded.length, listed.length, 'Download: N items in, N out');
	const stored = storedBinaries(
		ctx,
		downloaded.map((item) => item.binary?.document?.id ?? ''),
	);
	let bytes = 0;
	downloaded.forEach((item, i) => {
		const uri = listed[i].json.data.uri;
		assert.equal(item.json.success, true, `${uri}: ${JSON.stringify(item.json.error)}`);
		assert.equal(item.json.data.hmac_verified, true, `${uri}: hmac not verified`);
		const binary = item.binary?.document;
		assert.ok(binary?.id, `${uri}: no binary id (${JSON.stringify(binary)?.slice(0, 200)})`);
		const want = expected.get(uri);
		const got = stored[binary.id];
		assert.ok(got, `${uri}: ${binary.id} is not in n8n's binary store`);
		assert.equal(Number(got.size), want.size, `${uri}: size`);
		assert.equal(got.sha, want.sha, `${uri}: sha256`);
		bytes += want.size;
	});
	return { files: downloaded.length, mib: Math.round(bytes / 1024 / 1024) };
}

export async function documentsCase(ctx) {
	const { check, cluster, pg, log } = ctx;
	const alive = cluster.workers.filter((w) => !w.exited);
	const pids = alive.map((w) => w.pid);
	const before = Object.fromEntries(pids.map((pid) => [pid, memoryOf(pid)]));
	const memory = sampleRss(pids);
	const t0 = performance.now();
	const started = await startDocumentsRun(ctx);
	let execution;
	try {
		execution = await waitForExecution(pg, {
			workflowId: WF.documents,
			afterId: started.afterId,
			timeoutMs: 240_000,
		});
	} finally {
		ctx.rss = {
			during: memory.stop(),
			before,
			after: Object.fromEntries(pids.map((pid) => [pid, memoryOf(pid)])),
		};
	}
	const seconds = ((performance.now() - t0) / 1000).toFixed(1);
	await check(
		`documents run (${ctx.fileCount} files of 1–5 MiB${ctx.crashedExecution ? ', the re-run after the kill' : ''}): on a worker, N in = N out, hmac verified, every binary's sha256 = the simulator's`,
		() => {
			const workers = workerOf(cluster, execution.id);
			assert.equal(workers.length, 1, `execution ${execution.id} in the logs of: ${workers}`);
			const { files, mib } = assertDocuments(ctx, execution);
			const ids = nodeOutput(execution.run, 'Download').map((item) => item.binary.document.id);
			assert.equal(new Set(ids).size, files, 'one stored file per item');
			if (ctx.binaryMode === 'database') {
				const kept = binariesOf(pg, execution.id);
				assert.equal(kept.files, files, 'binary_data: one row per item, no duplicates');
			}
			if (ctx.crashedExecution) {
				// n8n may amend it later from the event log (seen: crashed, then error); never success, never re-run
				const crashed = readExecution(pg, ctx.crashedExecution);
				ctx.fault.laterStatus = crashed.status;
				log(`the killed run #${crashed.id} is now: ${crashed.status}`);
				assert.ok(['crashed', 'error'].includes(crashed.status), crashed.status);
				assert.equal(executionsOf(pg, WF.documents, 0).length, 2, 'no third execution');
			}
			log(
				`documents execution #${execution.id} on ${workers[0]}: ${files} files, ${mib} MiB in ${seconds}s`,
			);
			ctx.documentsRun = { id: execution.id, worker: workers[0], seconds, files, mib };
		},
	);
	for (const w of alive) {
		const b = ctx.rss.before[w.pid];
		log(
			`${w.name} (pid ${w.pid}): RSS before ${b?.rssMb} MiB, peak sampled during the run ${ctx.rss.during[w.pid]} MiB, VmHWM ${ctx.rss.after[w.pid]?.peakMb} MiB`,
		);
	}
}

/** binary_data rows n8n keeps for an execution -> { files, bytes } */
const binariesOf = (pg, executionId) => {
	const [row] = pg.query(
		`SELECT count(*) AS files, coalesce(sum("fileSize"), 0) AS bytes FROM binary_data
		 WHERE "sourceType" = 'execution' AND "sourceId" = '${Number(executionId)}'`,
	);
	return { files: Number(row.files), bytes: Number(row.bytes) };
};

/**
 * SIGKILL the worker running a documents execution once a quarter of the files came down; start a replacement worker;
 * record what n8n does with the execution. The next documents run (documentsCase) is the re-run.
 */
export async function killWorkerCase(ctx) {
	const { check, cluster, pg, sim, log } = ctx;
	const fileGets = () =>
		sim.requests.filter((r) => r.method === 'GET' && r.path.includes('/1/file/')).length;
	const writesBefore = sim.requests.filter((r) => WRITE_ROUTES.test(r.path)).length;
	const getsBefore = fileGets();
	const started = await startDocumentsRun(ctx);
	let victim;
	const t0 = performance.now();
	while (!victim || fileGets() - getsBefore < ctx.fileCount / 4) {
		if (performance.now() - t0 > 180_000) throw new Error('the documents run did not get going');
		victim ??= cluster.workers.find((w) => workerOf(cluster, started.id).includes(w.name));
		await sleep(100);
	}
	const served = fileGets() - getsBefore;
	log(
		`killing ${victim.name} (pid ${victim.pid}) with SIGKILL after ${served} of ${ctx.fileCount} downloads of execution #${started.id}`,
	);
	victim.child.kill('SIGKILL');
	while (!victim.exited) await sleep(50);
	const killedAt = performance.now();
	const since = () => `+${((performance.now() - killedAt) / 1000).toFixed(1)}s`;
	const replacement = await cluster.addWorker();

	// what n8n does: poll the execution (and any new one of the workflow)
	let final = null;
	let last = '';
	const timeline = [];
	while (performance.now() - killedAt < 150_000) {
		const rows = executionsOf(pg, WF.documents, started.afterId);
		const now = rows.map((r) => `#${r.id} ${r.status}`).join(', ');
		if (now !== last) {
			timeline.push(`${since()} ${now}`);
			log(`${since()} after the kill: ${now}`);
			last = now;
		}
		if (rows.length && rows.every((r) => FINAL.includes(r.status) && r.stoppedAt)) {
			final = rows;
			break;
		}
		await sleep(500);
	}
	const downloadsAfterKill = fileGets() - getsBefore - served;
	const left = binariesOf(pg, started.id);
	await check('worker killed mid-run: DigiLocker saw no write (upload, pull, revoke)', () => {
		const writes = sim.requests.filter((r) => WRITE_ROUTES.test(r.path)).length;
		assert.equal(writes, writesBefore);
	});
	await check(
		'worker killed mid-run: n8n marks the execution crashed and does not run it again on its own',
		() => {
			assert.ok(final, `still open after 150 s: ${timeline.at(-1)}`);
			assert.deepEqual(
				final.map((r) => [r.id, r.status]),
				[[started.id, 'crashed']],
			);
			assert.ok(
				downloadsAfterKill <= 10,
				`${downloadsAfterKill} downloads after the kill: someone ran it again`,
			);
		},
	);
	const ms = await replacement.ready;
	log(
		`replacement ${replacement.proc.name} (pid ${replacement.proc.pid}) ready ${ms} ms after it started`,
	);
	const lines = (proc, re) =>
		proc.output
			.split('\n')
			.filter((line) => re.test(line))
			.map((line) => line.trim().slice(0, 300));
	ctx.fault = {
		execution: started.id,
		victim: victim.name,
		downloadsBeforeKill: served,
		downloadsAfterKill,
		timeline,
		final: final?.map((r) => ({ id: r.id, status: r.status, finished: r.finished })),
		binariesLeft: left,
		mainLog: lines(cluster.main, /recover|dangling|crash|stalled/i),
		workerLogs: cluster.workers
			.filter((w) => w !== victim)
			.flatMap((w) => lines(w, /stalled|crash|recover|amended/i).map((l) => `${w.name}: ${l}`)),
	};
	log(`what n8n did with the killed worker's execution: ${JSON.stringify(ctx.fault, null, 1)}`);
	ctx.crashedExecution = started.id;
}
