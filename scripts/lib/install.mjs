// Makes sure the real n8n (scripts/install-n8n.sh: Node 24 + n8n 2.41.1 in the git-ignored .cache/n8n) is there,
// printing progress lines while a first install runs (a cold install takes minutes). Sets NODE24_BIN and N8N_BIN in
// process.env, so scripts/real-n8n's locateN8n() finds it without running the installer again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { repoDir } from '../real-n8n/n8n-bin.mjs';

export async function ensureN8n({ log = (line) => console.log(line), heartbeatMs = 15_000 } = {}) {
	if (process.env.NODE24_BIN && process.env.N8N_BIN)
		return { node24Bin: process.env.NODE24_BIN, n8nBin: process.env.N8N_BIN };
	const cacheDir = process.env.N8N_CACHE_DIR ?? path.join(repoDir, '.cache/n8n');
	const t0 = performance.now();
	const child = spawn('bash', [path.join(repoDir, 'scripts/install-n8n.sh')], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let installing = false;
	child.stdout.on('data', (chunk) => (stdout += chunk));
	let pending = '';
	child.stderr.on('data', (chunk) => {
		pending += chunk;
		const lines = pending.split('\n');
		pending = lines.pop();
		for (const line of lines) {
			if (/fetching|installing|building/.test(line)) installing = true;
			if (line.trim()) log(line);
		}
	});
	const heartbeat = setInterval(() => {
		if (!installing) return;
		const seconds = Math.round((performance.now() - t0) / 1000);
		const requests = countRequests(path.join(cacheDir, 'n8n.log'));
		const unpacked = countPackages(path.join(cacheDir, 'n8n/node_modules'));
		log(
			`[install-n8n] still working, ${seconds}s so far: ${requests} registry requests, ${unpacked} packages unpacked`,
		);
	}, heartbeatMs);
	const rc = await new Promise((resolve) => child.once('close', resolve));
	clearInterval(heartbeat);
	if (pending.trim()) log(pending);
	const node24Bin = /^NODE24_BIN=(.*)$/m.exec(stdout)?.[1];
	const n8nBin = /^N8N_BIN=(.*)$/m.exec(stdout)?.[1];
	if (rc !== 0 || !node24Bin || !n8nBin)
		throw new Error(`scripts/install-n8n.sh failed (exit ${rc})`);
	process.env.NODE24_BIN = node24Bin;
	process.env.N8N_BIN = n8nBin;
	if (installing) log(`[install-n8n] done in ${Math.round((performance.now() - t0) / 1000)}s`);
	return { node24Bin, n8nBin };
}

function countRequests(logFile) {
	try {
		return fs
			.readFileSync(logFile, 'utf8')
			.split('\n')
			.filter((line) => line.includes('http fetch')).length;
	} catch {
		return 0;
	}
}

function countPackages(dir) {
	try {
		let count = 0;
		for (const name of fs.readdirSync(dir)) {
			if (name.startsWith('.')) continue;
			count += name.startsWith('@') ? fs.readdirSync(path.join(dir, name)).length : 1;
		}
		return count;
	} catch {
		return 0;
	}
}
