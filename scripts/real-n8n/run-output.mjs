// Reads what `n8n execute --id=<id> --rawOutput` printed. Log lines come before the pretty-printed run JSON, so the JSON
// starts at the first line that is exactly "{" and ends at the first line that is exactly "}".
// On a failed run n8n logs the same JSON (as one multi-line log message) before exiting 1; it is found the same way.

export function parseRunOutput(raw) {
	const text = raw.replace(/\x1b\[[0-9;]*m/g, ''); // the logger colours its lines at some levels
	const start = text.search(/^\{$/m);
	if (start < 0) return null;
	const rest = text.slice(start);
	const end = rest.search(/^\}$/m);
	try {
		return JSON.parse(end < 0 ? rest : rest.slice(0, end + 1));
	} catch {
		return null;
	}
}

/** The json of every item a node put on one output in one run; default: the last node executed. */
export function nodeOutput(
	run,
	nodeName = run?.data?.resultData?.lastNodeExecuted,
	{ runIndex = 0, output = 0 } = {},
) {
	const items = run?.data?.resultData?.runData?.[nodeName]?.[runIndex]?.data?.main?.[output];
	return items ? items.map((item) => item.json) : undefined;
}

/** The run's error message, or null. */
export function runError(run) {
	return run?.data?.resultData?.error?.message ?? null;
}
