// Executions as n8n stored them in Postgres (psql through services.mjs's pg.query), and the binaries they reference.
import { parseFlatted } from '../lib/flatted.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const FINAL = ['success', 'error', 'crashed', 'canceled'];

export const lastExecutionId = (pg) =>
	Number(pg.query('SELECT MAX(id) AS id FROM execution_entity')[0]?.id ?? 0);

/** Executions of a workflow after afterId -> [{ id, status, mode, finished, startedAt, stoppedAt, retryOf }]. */
export const executionsOf = (pg, workflowId, afterId = 0) =>
	pg.query(
		`SELECT id, status, mode, finished, "startedAt", "stoppedAt", "retryOf" FROM execution_entity
		 WHERE "workflowId" = '${workflowId}' AND id > ${Number(afterId)} ORDER BY id`,
	);

/** One execution with its parsed run data -> { id, status, mode, run } (run: { resultData: … }). */
export function readExecution(pg, id) {
	const [row] = pg.query(
		`SELECT e.id, e.status, e.mode, d.data FROM execution_entity e
		 LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e.id = ${Number(id)}`,
	);
	if (!row) return null;
	return {
		id: row.id,
		status: row.status,
		mode: row.mode,
		run: row.data && parseFlatted(row.data),
	};
}

/** The first finished execution of workflowId after afterId (polls) -> readExecution(). */
export async function waitForExecution(pg, { workflowId, afterId, timeoutMs = 60_000 }) {
	const t0 = performance.now();
	for (;;) {
		const [row] = pg.query(
			`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId}'
			 AND id > ${Number(afterId)} AND "stoppedAt" IS NOT NULL ORDER BY id LIMIT 1`,
		);
		if (row && FINAL.includes(row.status)) {
			const execution = readExecution(pg, row.id);
			if (execution.run) return execution;
		}
		if (performance.now() - t0 > timeoutMs)
			throw new Error(
				`no finished execution of ${workflowId} after #${afterId} within ${timeoutMs} ms`,
			);
		await sleep(250);
	}
}

/** Every item (json + binary) a node put on its first output in its first run. */
export const nodeOutput = (run, nodeName) =>
	run?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
