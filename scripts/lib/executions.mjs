// Executions as n8n stored them in its sqlite DB (status and full run data), read while the server runs.
import { parseFlatted } from './flatted.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const FINAL = ['success', 'error', 'crashed', 'canceled'];

/** The highest execution id so far (0 when none): take it before a request, then waitForExecution({ afterId }). */
export function lastExecutionId(inst) {
	return Number(inst.query('SELECT MAX(id) AS id FROM execution_entity')[0]?.id ?? 0);
}

/** Executions of a workflow after afterId -> [{ id, status, mode }] (finished or not). */
export function executionsOf(inst, workflowId, afterId = 0) {
	return inst.query(
		'SELECT id, status, mode FROM execution_entity WHERE workflowId = ? AND id > ? ORDER BY id',
		[workflowId, afterId],
	);
}

/**
 * Waits for the first finished execution of workflowId with id > afterId ->
 * { id, status, mode, run } where run is { resultData: { runData, error?, lastNodeExecuted }, … }.
 */
export async function waitForExecution(inst, { workflowId, afterId, timeoutMs = 20_000 }) {
	const t0 = performance.now();
	for (;;) {
		const [row] = inst.query(
			`SELECT e.id, e.status, e.mode, d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id
			 WHERE e.workflowId = ? AND e.id > ? AND e.stoppedAt IS NOT NULL ORDER BY e.id LIMIT 1`,
			[workflowId, afterId],
		);
		if (row && FINAL.includes(row.status) && row.data) {
			return {
				id: row.id,
				status: row.status,
				mode: row.mode,
				raw: row.data,
				run: parseFlatted(row.data),
			};
		}
		if (performance.now() - t0 > timeoutMs) {
			throw new Error(
				`no finished execution of ${workflowId} after #${afterId} within ${timeoutMs} ms`,
			);
		}
		await sleep(150);
	}
}

/** The json of every item a node put on one output of its first run (undefined when it did not run). */
export function nodeItems(run, nodeName, output = 0) {
	const items = run?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[output];
	return items ? items.map((item) => item.json) : undefined;
}

/** Names of the nodes that ran. */
export const ranNodes = (run) => Object.keys(run?.resultData?.runData ?? {});
