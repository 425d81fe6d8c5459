// Finds the real n8n that scripts/install-n8n.sh keeps in the git-ignored cache (installing it on first use).
// locateN8n() -> { node24Bin, nodeExe, n8nBin, n8nPrefix, version }. NODE24_BIN and N8N_BIN from the environment win if both are set.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let cached;

export function locateN8n() {
	if (cached) return cached;
	let node24Bin = process.env.NODE24_BIN;
	let n8nBin = process.env.N8N_BIN;
	if (!node24Bin || !n8nBin) {
		const out = execFileSync('bash', [path.join(repoDir, 'scripts/install-n8n.sh')], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		node24Bin = /^NODE24_BIN=(.*)$/m.exec(out)?.[1];
		n8nBin = /^N8N_BIN=(.*)$/m.exec(out)?.[1];
		if (!node24Bin || !n8nBin)
			throw new Error(`install-n8n.sh printed no NODE24_BIN/N8N_BIN:\n${out}`);
	}
	// N8N_BIN is <prefix>/node_modules/.bin/n8n
	const n8nPrefix = path.resolve(path.dirname(n8nBin), '../..');
	const { version } = JSON.parse(
		fs.readFileSync(path.join(n8nPrefix, 'node_modules/n8n/package.json'), 'utf8'),
	);
	cached = { node24Bin, nodeExe: path.join(node24Bin, 'node'), n8nBin, n8nPrefix, version };
	return cached;
}
