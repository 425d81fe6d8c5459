// A tiny check collector for the e2e run: every check prints one line (ok / not ok) and is counted; a failed check
// does not stop the run, so one broken case does not hide the others.
import assert from 'node:assert/strict';

export { assert };

export function createChecks() {
	const results = [];
	return {
		results,
		/** Runs fn (sync or async, using assert); records and prints the outcome. Returns fn's value or undefined. */
		async check(prefix, label, fn) {
			try {
				const value = await fn();
				results.push({ label: `${prefix} ${label}`, ok: true });
				console.log(`ok - ${prefix} ${label}`);
				return value;
			} catch (error) {
				results.push({ label: `${prefix} ${label}`, ok: false, error });
				console.log(
					`not ok - ${prefix} ${label}\n    ${String(error.message ?? error)
						.split('\n')
						.join('\n    ')}`,
				);
				return undefined;
			}
		},
		get passed() {
			return results.filter((r) => r.ok).length;
		},
		get failed() {
			return results.filter((r) => !r.ok).length;
		},
	};
}

/** Asserts that none of the secrets (strings; empty/undefined ones are skipped) appears in value's JSON. */
export function assertNoSecrets(value, secrets, where) {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	for (const [name, secret] of Object.entries(secrets)) {
		if (typeof secret === 'string' && secret.length >= 6)
			assert.ok(!text.includes(secret), `${where} contains the ${name}`);
	}
}

/**
 * Runs each case with `ctx`; a case that throws is reported as a failed check, not a stopped run. Then checks that
 * the simulator's handlers threw nothing along the way.
 */
export async function runCases(cases, ctx, check, sim) {
	for (const run of cases) {
		try {
			await run(ctx);
		} catch (error) {
			await check(`${run.name}: case crashed`, () => {
				throw error;
			});
		}
	}
	await check('the simulator saw no unexpected handler errors', () => {
		if (sim.serverErrors.length) throw new Error(sim.serverErrors.map((e) => e.stack).join('\n'));
	});
}
