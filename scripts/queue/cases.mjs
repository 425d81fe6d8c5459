// The queue-mode cases, run against a started cluster (cluster.mjs): consent through the DigiLocker Trigger (webhook
// process → worker), the documents run on many large files (sha256 of every stored binary against the simulator's
// bytes, hmac verified, N in / N out, each worker's peak RSS), and a worker killed in the middle of a documents run.
import { createHash } from 'node:crypto';

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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');
const WRITE_ROUTES = /\/(1\/file\/upload|1\/pull\/pulldocument|oauth2\/1\/revoke)/;

/** Which worker's log names the execution (n8n logs "Worker started execution <id>" and "… finished …"). */
export function workerOf(cluster, executionId) {
	const pattern = new RegExp(`execution ${executionId}\\b`);
	return cluster.workers.filter((w) => pattern.test(w.output)).map((w) => w.name);
}

/** The binary's bytes' sha256 from n8n's store: Postgres (database mode) -> { [binary id]: { sha, size } }. */
function storedBinaries(pg, ids) {
	const fileIds = ids.map((id) => id.replace(/^database:/, '')).filter(Boolean);
	if (!fileIds.length) return {};
	const rows = pg.query(
		`SELECT "fileId" AS id, encode(sha256(data), 'hex') AS sha, octet_length(data) AS size
		 FROM binary_data WHERE "fileId" IN (${fileIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(',')})`,
	);
	return Object.fromEntries(rows.map((row) => [`database:${row.id}`, row]));
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

/** Starts a documents run -> the execution id (the webhook answers at once). */
async function startDocumentsRun(ctx) {
	const { cluster, pg } = ctx;
	const afterId = lastExecutionId(pg);
	const res = await fetch(`${cluster.webhookBaseUrl}/webhook/${DOCUMENTS_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ access_token: ctx.accessToken }),
	});
	assert.equal(res.status, 200, await res.text());
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
		pg,
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
		assert.ok(got, `${uri}: ${binary.id} is not in binary_data`);
		assert.equal(Number(got.size), want.size, `${uri}: size`);
		assert.equal(got.sha, want.sha, `${uri}: sha256`);
		bytes += want.size;
	});
	return { files: downloaded.length, mib: Math.round(bytes / 1024 / 1024) };
}

export async function documentsCase(ctx) {
	const { check, cluster, pg, log } = ctx;
	const pids = cluster.workers.map((w) => w.pid);
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
		`documents run (${ctx.fileCount} files of 1–5 MiB): on a worker, N in = N out, hmac verified, every binary's sha256 = the simulator's`,
		() => {
			const workers = workerOf(cluster, execution.id);
			assert.equal(workers.length, 1, `execution ${execution.id} in the logs of: ${workers}`);
			const { files, mib } = assertDocuments(ctx, execution);
			log(
				`documents execution #${execution.id} on ${workers[0]}: ${files} files, ${mib} MiB in ${seconds}s`,
			);
			ctx.documentsRun = { id: execution.id, worker: workers[0], seconds, files, mib };
		},
	);
	for (const w of cluster.workers) {
		const b = ctx.rss.before[w.pid];
		log(
			`${w.name} (pid ${w.pid}): RSS before ${b?.rssMb} MiB, peak sampled during the run ${ctx.rss.during[w.pid]} MiB, VmHWM ${ctx.rss.after[w.pid]?.peakMb} MiB`,
		);
	}
}

export async function killWorkerCase(ctx) {
	const { check, cluster, pg, sim, log } = ctx;
	const fileGets = () =>
		sim.requests.filter((r) => r.method === 'GET' && r.path.includes('/1/file/')).length;
	const writesBefore = sim.requests.filter((r) => WRITE_ROUTES.test(r.path)).length;
	const getsBefore = fileGets();
	const started = await startDocumentsRun(ctx);
	// wait until it runs on a worker and a quarter of the files came down
	let victim;
	const t0 = performance.now();
	while (!victim || fileGets() - getsBefore < ctx.fileCount / 4) {
		if (performance.now() - t0 > 120_000) throw new Error('the documents run did not get going');
		victim ??= cluster.workers.find((w) => workerOf(cluster, started.id).includes(w.name));
		await sleep(100);
	}
	const served = fileGets() - getsBefore;
	log(
		`killing ${victim.name} (pid ${victim.pid}) with SIGKILL after ${served} file downloads of execution #${started.id}`,
	);
	victim.child.kill('SIGKILL');
	while (!victim.exited) await sleep(50);
	const killedAt = performance.now();

	// what n8n does: poll the execution and any new ones for up to 90 s
	let final = null;
	const timeline = [];
	while (performance.now() - killedAt < 90_000) {
		const rows = executionsOf(pg, WF.documents, started.afterId);
		const key = JSON.stringify(rows.map((r) => [r.id, r.status]));
		if (timeline.at(-1)?.key !== key) {
			timeline.push({ key, s: ((performance.now() - killedAt) / 1000).toFixed(1) });
			log(
				`+${timeline.at(-1).s}s after the kill: ${rows.map((r) => `#${r.id} ${r.status}`).join(', ')}`,
			);
		}
		const last = rows.at(-1);
		if (
			rows.length &&
			rows.every((r) => ['success', 'error', 'crashed', 'canceled'].includes(r.status)) &&
			last.stoppedAt
		) {
			final = rows;
			break;
		}
		await sleep(500);
	}
	const survivor = cluster.workers.find((w) => w !== victim);
	ctx.fault = {
		victim: victim.name,
		served,
		timeline: timeline.map((t) => `+${t.s}s ${t.key}`),
		final,
		survivorLog: survivor.output.split('\n').filter((l) => l.includes(`execution ${started.id}`)),
		mainLog: cluster.main.output
			.split('\n')
			.filter((l) => new RegExp(`${started.id}\\b`).test(l) || /stalled|crash|recover/i.test(l)),
	};
	log(`n8n on the killed worker: ${JSON.stringify(ctx.fault, null, 1)}`);

	await check(
		'worker killed mid-run: DigiLocker saw no write (upload, pull, revoke) from the run',
		() => {
			const writes = sim.requests.filter((r) => WRITE_ROUTES.test(r.path)).length;
			assert.equal(writes, writesBefore);
		},
	);

	await check('worker killed mid-run: the execution ends (not left "running") within 90 s', () => {
		assert.ok(final, `executions still open: ${ctx.fault.timeline.at(-1)}`);
	});

	// a re-run (n8n's own, when it re-ran the job, else ours) must bring every binary, intact
	const rerun = final?.find((r) => r.status === 'success');
	await check(
		'after the kill, a re-run stores every binary again, intact (sha256), with no duplicates',
		async () => {
			let execution;
			if (rerun) execution = readExecution(pg, rerun.id);
			else {
				const again = await startDocumentsRun(ctx);
				execution = await waitForExecution(pg, {
					workflowId: WF.documents,
					afterId: again.afterId,
					timeoutMs: 240_000,
				});
				ctx.fault.rerunBy = 'the caller (a new webhook call)';
			}
			const { files } = assertDocuments(ctx, execution);
			const ids = nodeOutput(execution.run, 'Download').map((item) => item.binary.document.id);
			assert.equal(new Set(ids).size, files, 'one binary per item');
			ctx.fault.rerun = { id: execution.id, files };
		},
	);
}
