// npm run test:e2e: the example workflows and the error paths in a REAL n8n 2.41.1 against the DigiLocker simulator,
// in both ways n8n loads the package: from the built folder (CUSTOM.digiLocker) and installed from the `npm pack`
// tarball as a community package (n8n-nodes-digilocker.digiLocker). Asserts on the webhook answers and on the
// executions n8n stored. Installs n8n into .cache/n8n on first use.
// Flags: --mode=folder,package (default both)  --cases=name,… (only these cases of cases.mjs)  --serial (one mode after the other; default: both at once)  --no-build
// Ends with "e2e: N passed, M failed"; exit code 0 only when nothing failed.
import '../lib/npm-env.mjs'; // before anything starts npm

import { buildPackage } from '../lib/build.mjs';
import { ensureN8n } from '../lib/install.mjs';
import { createChecks } from './checks.mjs';
import { runMode } from './mode.mjs';
import { checkExamples } from './static.mjs';

const args = process.argv.slice(2);
const modes = args
	.find((a) => a.startsWith('--mode='))
	?.slice(7)
	.split(',') ?? ['folder', 'package'];
const only = args
	.find((a) => a.startsWith('--cases='))
	?.slice(8)
	.split(',');
const t0 = performance.now();
const checks = createChecks();
const say = (line) => console.log(`# ${line}`);

await checkExamples(checks);
try {
	if (!args.includes('--no-build')) buildPackage({ log: say });
	await ensureN8n({ log: say });
	// the as-committed callback check runs once, in the mode users install (package)
	const options = (mode) => ({
		checks,
		withAsCommitted: mode === 'package' || modes.length === 1,
		only,
	});
	if (args.includes('--serial')) for (const mode of modes) await runMode(mode, options(mode));
	else await Promise.all(modes.map((mode) => runMode(mode, options(mode))));
} catch (error) {
	await checks.check('[e2e]', 'build and n8n install', () => {
		throw error;
	});
}
say(`${modes.join(' + ')} in ${Math.round((performance.now() - t0) / 1000)}s`);
for (const failure of checks.results.filter((r) => !r.ok)) say(`FAILED: ${failure.label}`);
console.log(`e2e: ${checks.passed} passed, ${checks.failed} failed`);
process.exit(checks.failed || checks.passed === 0 ? 1 : 0);
