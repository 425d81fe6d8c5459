// Redis and Postgres for the queue-mode e2e, as throwaway child processes on loopback: Debian's redis-server and
// postgresql (installed with apt-get when missing), Postgres in a private data directory under the OS tmp dir, run as
// an unprivileged user (`postgres` when we are root, else ourselves), its unix socket in that directory.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort } from '../real-n8n/instance.mjs';

const PG_USER = 'n8n'; // the superuser initdb creates; trust auth on loopback only
const PG_DB = 'n8n';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const root = process.getuid?.() === 0;

function isExecutable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

const which = (command) => {
	const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : null;
};

function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	const versions = fs.existsSync(base)
		? fs
				.readdirSync(base)
				.filter((v) => isExecutable(path.join(base, v, 'bin/pg_ctl')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length) return path.join(base, versions[0], 'bin');
	const pgCtl = which('pg_ctl');
	return pgCtl ? path.dirname(fs.realpathSync(pgCtl)) : null;
}

/** Installs Debian's redis-server / postgresql when missing (root or `sudo -n`). */
export function ensureServicePackages({ log = () => {} } = {}) {
	const missing = [];
	if (!which('redis-server') && !isExecutable('/usr/bin/redis-server'))
		missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (!missing.length) return;
	const prefix = root ? '' : 'sudo -n ';
	const script = `${prefix}apt-get update -qq && ${prefix}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`;
	log(`installing ${missing.join(', ')}: ${script}`);
	const result = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(
			`apt-get install ${missing.join(' ')} failed (${result.status}); install them yourself\n${(result.stdout + result.stderr).slice(-3000)}`,
		);
	// Debian starts the services it installs where systemd runs; ours run on their own ports anyway
}

function track(child, name) {
	const proc = { child, name, output: '', exited: null };
	child.stdout?.on('data', (chunk) => (proc.output += chunk));
	child.stderr?.on('data', (chunk) => (proc.output += chunk));
	child.on('exit', (code, signal) => (proc.exited = { code, signal }));
	return proc;
}

async function stopChild(proc, timeoutMs = 10_000, signal = 'SIGTERM') {
	if (proc.exited) return;
	const exited = new Promise((resolve) => proc.child.once('exit', resolve));
	proc.child.kill(signal);
	const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
	await exited;
	clearTimeout(timer);
}

/** redis-server on 127.0.0.1:<free port>, no persistence -> { host, port, stop() } */
export async function startRedis({ log = () => {} } = {}) {
	const port = await freePort();
	const bin = which('redis-server') ?? '/usr/bin/redis-server';
	const proc = track(
		spawn(
			bin,
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--daemonize',
				'no',
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		),
		'redis',
	);
	const t0 = performance.now();
	while (!proc.output.includes('Ready to accept connections')) {
		if (proc.exited) throw new Error(`redis-server exited:\n${proc.output.slice(-2000)}`);
		if (performance.now() - t0 > 15_000) throw new Error(`redis-server not ready:\n${proc.output}`);
		await sleep(50);
	}
	log(`redis on 127.0.0.1:${port} (pid ${proc.child.pid})`);
	return { host: '127.0.0.1', port, pid: proc.child.pid, stop: () => stopChild(proc) };
}

/** uid/gid of a user (spawn options), or {} when we run as ourselves. */
function idsOf(owner) {
	if (!owner) return {};
	const uid = Number(spawnSync('id', ['-u', owner], { encoding: 'utf8' }).stdout.trim());
	const gid = Number(spawnSync('id', ['-g', owner], { encoding: 'utf8' }).stdout.trim());
	return { uid, gid };
}

/** Runs a Postgres binary as the unprivileged owner of the data dir. */
function asOwner(bin, args, ids) {
	const result = spawnSync(bin, args, { encoding: 'utf8', ...ids, cwd: '/' });
	if (result.status !== 0)
		throw new Error(
			`${path.basename(bin)} ${args.join(' ')} failed (${result.status}):\n${(result.stdout + result.stderr).slice(-3000)}`,
		);
	return result.stdout;
}

/**
 * Postgres: initdb into a private tmp dir (trust auth, superuser `n8n`), `postgres` on 127.0.0.1:<free port> with its
 * socket in that dir, database `n8n` -> { host, port, user, database, dir, query(sql), stop() }.
 */
export async function startPostgres({ log = () => {} } = {}) {
	const binDir = postgresBinDir();
	if (!binDir) throw new Error('no PostgreSQL binaries (apt-get install postgresql)');
	const owner = root ? 'postgres' : null;
	if (owner && spawnSync('id', [owner]).status !== 0)
		throw new Error(`user ${owner} is missing (Debian's postgresql package creates it)`);
	const ids = idsOf(owner);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const dataDir = path.join(dir, 'data');
	if (owner) {
		fs.chmodSync(dir, 0o700);
		fs.chownSync(dir, ids.uid, ids.gid);
	}
	const port = await freePort();
	let proc = null;
	const cleanup = async () => {
		if (proc) await stopChild(proc, 15_000, 'SIGINT'); // SIGINT: Postgres' fast shutdown
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		asOwner(
			path.join(binDir, 'initdb'),
			['-D', dataDir, '-U', PG_USER, '--auth=trust', '-E', 'UTF8', '--no-sync'],
			ids,
		);
		const args = [
			'-D',
			dataDir,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=100',
		];
		const bin = path.join(binDir, 'postgres');
		proc = track(
			spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/', ...ids }),
			'postgres',
		);
		const t0 = performance.now();
		while (!proc.output.includes('ready to accept connections')) {
			if (proc.exited) throw new Error(`postgres exited:\n${proc.output.slice(-2000)}`);
			if (performance.now() - t0 > 30_000) throw new Error(`postgres not ready:\n${proc.output}`);
			await sleep(100);
		}
		const pg = {
			host: '127.0.0.1',
			port,
			user: PG_USER,
			database: PG_DB,
			dir,
			/** psql -> rows as objects (the SQL must be one SELECT). */
			query(sql) {
				const result = spawnSync(
					'psql',
					[
						'-h',
						'127.0.0.1',
						'-p',
						String(port),
						'-U',
						PG_USER,
						'-d',
						PG_DB,
						'-X',
						'-A',
						'-t',
						'-v',
						'ON_ERROR_STOP=1',
						'-c',
						`SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) q`,
					],
					{ encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
				);
				if (result.status !== 0) throw new Error(`psql: ${result.stderr}\n${sql}`);
				return JSON.parse(result.stdout);
			},
			exec(sql, database = 'postgres') {
				const result = spawnSync(
					'psql',
					['-h', '127.0.0.1', '-p', String(port), '-U', PG_USER, '-d', database, '-X', '-c', sql],
					{ encoding: 'utf8' },
				);
				if (result.status !== 0) throw new Error(`psql: ${result.stderr}\n${sql}`);
			},
			stop: cleanup,
		};
		pg.exec(`CREATE DATABASE ${PG_DB}`);
		log(`postgres ${path.basename(path.dirname(binDir))} on 127.0.0.1:${port}, data in ${dataDir}`);
		return pg;
	} catch (error) {
		await cleanup();
		throw error;
	}
}
