// `npm run build` of this package (tsc + icons into dist/), output shown only when it fails.
import { spawnSync } from 'node:child_process';

import { repoDir } from '../real-n8n/n8n-bin.mjs';

export function buildPackage({ log = (line) => console.log(line) } = {}) {
	const t0 = performance.now();
	const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoDir, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(
			`npm run build failed (exit ${result.status}):\n${`${result.stdout}${result.stderr}`.slice(-4000)}`,
		);
	}
	log(`built the package in ${Math.round(performance.now() - t0)} ms`);
}
