// Runs n8n's verification scanner offline on this package: once on the source (package.json, nodes/, credentials/)
// and once on the tarball `npm pack` would publish (its **/*.js and package.json), as n8n's scanner does for a
// published package. Expects `npm run build` first. Exits 1 when either leg fails.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'digilocker-scan-'));
try {
	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: root,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	const unpacked = join(work, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', join(work, packed), '-C', unpacked, '--strip-components=1']);

	const legs = [
		['source', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		[`tarball ${packed}`, await analyzePackage(unpacked, ['**/*.js', 'package.json'])],
	];
	let passed = true;
	for (const [name, result] of legs) {
		console.log(
			`scanner ${result.passed ? 'PASS' : 'FAIL'} ${name}${result.passed ? '' : `: ${result.message}\n${result.details ?? ''}`}`,
		);
		passed &&= result.passed;
	}
	process.exitCode = passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
