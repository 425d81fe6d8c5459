// A throwaway real n8n 2.41.1 (Node 24, sqlite, fresh N8N_USER_FOLDER under the OS tmp dir) with this package loaded
// either from the built folder (loadMode 'folder': N8N_CUSTOM_EXTENSIONS=<repo>/dist, node type CUSTOM.digiLocker) or as
// an installed community package from the `npm pack` tarball (loadMode 'package': n8n-nodes-digilocker.digiLocker).
// Every n8n CLI call starts a fresh process (3-5 s), so batch: one importCredentials([...]), one importWorkflow([...]).
// CLI calls and the server share the sqlite DB and the task-runner broker port: run them one at a time.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { installCommunityPackage, packPackage } from './community-package.mjs';
import { locateN8n, repoDir as defaultRepoDir } from './n8n-bin.mjs';
import { nodeOutput, parseRunOutput, runError } from './run-output.mjs';
import { querySqlite } from './sqlite.mjs';
import { seedDatabase } from './template-db.mjs';

export { nodeOutput, parseRunOutput, runError };

const CACHE_DIR = path.join(defaultRepoDir, '.cache/real-n8n'); // git-ignored
// nodes whose code runs in the task runner
const CODE_NODE =
	/^(n8n-nodes-base\.(code|function|functionItem|aiTransform|pythonFunction)|@n8n\/n8n-nodes-langchain\.(code|toolCode))$/;

/** A free TCP port on 127.0.0.1 (asks the OS, then releases it). */
export async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * @param {object} options
 * @param {'folder'|'package'} options.loadMode
 * @param {string} [options.repoDir]   package root (default: this repo); folder mode uses <repoDir>/dist
 * @param {string} [options.tarball]   package mode: an existing `npm pack` tarball (default: pack repoDir now)
 * @param {number} [options.brokerPort] N8N_RUNNERS_BROKER_PORT (default: a free port)
 * @param {'auto'|'internal'|'off'} [options.taskRunner] 'internal' = n8n's default JS task runner child process (Code
 *   nodes need it); 'off' = N8N_RUNNERS_MODE=external with no runner (saves ~1.3 s per execute/start; a Code node would
 *   wait for a runner and fail); 'auto' (default) = 'internal' iff an imported workflow has a Code-like node
 * @param {boolean} [options.templateDb] start from a cached, already migrated empty DB (saves ~3.5 s; default true)
 * @param {Record<string,string>} [options.env] extra env for every n8n process (wins over the defaults)
 * @param {string} [options.dir]     a persistent folder to use instead of a fresh tmp dir (created if missing; an
 *   existing DB in it is kept, so restarts keep state; never deleted by dispose())
 * @param {boolean} [options.keep]    keep the tmp dir on dispose() (default: env KEEP_N8N_TMP=1)
 * @param {(line: string) => void} [options.log] progress lines (default: silent)
 */
export async function createInstance(options) {
	const { loadMode, repoDir = defaultRepoDir, env: extraEnv = {}, log = () => {} } = options;
	if (loadMode !== 'folder' && loadMode !== 'package')
		throw new Error(`loadMode must be 'folder' or 'package'`);
	const bin = locateN8n();
	const persistent = options.dir !== undefined;
	const dir = persistent
		? path.resolve(options.dir)
		: fs.mkdtempSync(path.join(os.tmpdir(), `n8n-${loadMode}-`));
	const userFolder = path.join(dir, 'home');
	const n8nFolder = path.join(userFolder, '.n8n');
	fs.mkdirSync(n8nFolder, { recursive: true });
	const brokerPort = options.brokerPort ?? (await freePort());
	const keep = persistent || (options.keep ?? process.env.KEEP_N8N_TMP === '1');
	const timings = [];
	const timed = async (label, fn) => {
		const t0 = performance.now();
		try {
			return await fn();
		} finally {
			const ms = Math.round(performance.now() - t0);
			timings.push({ label, ms });
			log(`${label}: ${ms} ms`);
		}
	};

	const env = baseEnv({ bin, userFolder, brokerPort });
	if (loadMode === 'folder') env.N8N_CUSTOM_EXTENSIONS = path.join(repoDir, 'dist');
	else env.N8N_REINSTALL_MISSING_PACKAGES = 'false'; // never reach for the npm registry
	Object.assign(env, extraEnv);
	// the template is made with the default key and sqlite settings
	const templateDb =
		(options.templateDb ?? true) &&
		!Object.keys(extraEnv).some((k) => /^(N8N_ENCRYPTION_KEY|DB_)/.test(k));

	let installed = null;
	try {
		if (loadMode === 'package') {
			await timed('npm pack + npm install into .n8n/nodes', () => {
				const tarball = options.tarball ?? packPackage(repoDir, path.join(dir, 'pack'));
				installed = { tarball, ...installCommunityPackage(n8nFolder, tarball) };
			});
		}
		if (templateDb && !fs.existsSync(path.join(n8nFolder, 'database.sqlite'))) {
			await timed('copy template DB', () =>
				seedDatabase({
					n8nFolder,
					cacheDir: CACHE_DIR,
					version: bin.version,
					nodeExe: bin.nodeExe,
					n8nBin: bin.n8nBin,
					makeEnv: (scratchUserFolder) =>
						baseEnv({ bin, userFolder: scratchUserFolder, brokerPort }),
				}),
			);
		}
	} catch (error) {
		if (!keep) fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}

	const taskRunner = options.taskRunner ?? 'auto';
	const importedNodeTypes = new Set();
	/** env for a process that may execute workflows: task runner on or off */
	const execEnv = () => {
		const internal =
			taskRunner === 'internal' ||
			(taskRunner === 'auto' && [...importedNodeTypes].some((t) => CODE_NODE.test(t)));
		return internal
			? env
			: { ...env, N8N_RUNNERS_MODE: 'external', N8N_RUNNERS_AUTH_TOKEN: randomUUID() };
	};

	let server = null;
	const files = {
		n: 0,
		write(name, value) {
			const file = path.join(dir, 'io', `${String(++this.n).padStart(3, '0')}-${name}`);
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, JSON.stringify(value, null, 2));
			return file;
		},
	};

	/** Runs `n8n <args>` with Node 24 -> { rc, stdout, stderr, ms }. */
	async function cli(args, { label = args[0] } = {}) {
		if (server)
			throw new Error(
				`n8n ${args[0]} while the server runs: stop() it first (shared DB and broker port)`,
			);
		const runs = /^(execute|execute-batch|executeBatch)$/.test(args[0]);
		return await timed(`n8n ${label}`, () =>
			runProcess(bin.nodeExe, [bin.n8nBin, ...args], runs ? execEnv() : env),
		);
	}

	async function cliOk(args, opts) {
		const result = await cli(args, opts);
		if (result.rc !== 0) throw cliError(args, result);
		return result;
	}

	const publicationsDone = () => publicationsDoneFor(instance);
	const instance = {
		loadMode,
		dir,
		userFolder,
		dbPath: path.join(n8nFolder, 'database.sqlite'),
		env,
		brokerPort,
		installed,
		timings,
		nodeTypePrefix: loadMode === 'folder' ? 'CUSTOM' : installed.name, // n8n-nodes-digilocker
		/** Full node type for a node name of this package, e.g. nodeType('digiLocker'). */
		nodeType: (name = 'digiLocker') => `${instance.nodeTypePrefix}.${name}`,
		cli,

		/** Imports credentials ([{ id, name, type, data }]) in one CLI call; n8n encrypts `data`. */
		async importCredentials(credentials) {
			const list = Array.isArray(credentials) ? credentials : [credentials];
			await cliOk(['import:credentials', `--input=${files.write('credentials.json', list)}`]);
		},

		/** Imports one workflow object or an array of them in one CLI call (each needs an id, ≤ 21 chars). */
		async importWorkflow(workflows) {
			const list = Array.isArray(workflows) ? workflows : [workflows];
			await cliOk(['import:workflow', `--input=${files.write('workflows.json', list)}`]);
			for (const workflow of list)
				for (const node of workflow.nodes ?? []) importedNodeTypes.add(node.type);
		},

		/** `n8n execute --id --rawOutput` -> { rc, stdout, stderr, ms, run } (run: parsed run JSON or null). */
		async executeRaw(workflowId) {
			const result = await cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
				label: `execute ${workflowId}`,
			});
			return { ...result, run: parseRunOutput(result.stdout) ?? parseRunOutput(result.stderr) };
		},

		/** The parsed run JSON ({ data: { resultData: { runData, error?, lastNodeExecuted } }, status, ... }). */
		async execute(workflowId) {
			const result = await instance.executeRaw(workflowId);
			if (!result.run) throw cliError(['execute', workflowId], result, 'printed no run JSON');
			return result.run;
		},

		/**
		 * Runs several workflows in ONE n8n process (`n8n execute-batch --snapshot`), saving ~3 s per extra workflow.
		 * -> { [workflowId]: { status, error, run } }; run is the full run JSON for successful runs only (n8n writes
		 * no snapshot for failed ones). Workflow ids must contain a digit (execute-batch filters ids by /\d+/).
		 */
		async executeBatch(workflowIds) {
			const snapshotDir = fs.mkdtempSync(path.join(dir, 'batch-'));
			const outFile = path.join(snapshotDir, 'summary.json.out');
			const result = await cli(
				[
					'execute-batch',
					`--ids=${workflowIds.join(',')}`,
					'--retries=0',
					`--snapshot=${snapshotDir}`,
					`--output=${outFile}`,
				],
				{ label: `execute-batch ${workflowIds.length}` },
			);
			if (!fs.existsSync(outFile)) throw cliError(['execute-batch'], result, 'wrote no summary');
			const summary = JSON.parse(fs.readFileSync(outFile, 'utf8'));
			const results = {};
			for (const id of workflowIds) {
				const execution = summary.executions.find((e) => e.workflowId === id);
				const snapshot = path.join(snapshotDir, `${id}-snapshot.json`);
				results[id] = {
					status: execution?.executionStatus ?? 'not-run',
					error: execution?.error ?? null,
					run: fs.existsSync(snapshot) ? JSON.parse(fs.readFileSync(snapshot, 'utf8')) : null,
				};
			}
			return results;
		},

		/** `n8n publish:workflow --id` (replaces --active in n8n 2.x); takes effect at the next startServer(). */
		async publish(workflowId) {
			await cliOk(['publish:workflow', `--id=${workflowId}`], {
				label: `publish:workflow ${workflowId}`,
			});
		},

		/**
		 * `n8n start` on 127.0.0.1 (port: given or free) -> { baseUrl, port, webhookUrl(path) }. Resolves once GET /healthz
		 * answers and every published workflow's triggers are registered (its publication outbox record is 'completed').
		 */
		async startServer({ port, timeoutMs = 180_000 } = {}) {
			if (server) throw new Error('server already running');
			const serverPort = port ?? (await freePort());
			const baseUrl = `http://127.0.0.1:${serverPort}`;
			const serverEnv = {
				...execEnv(),
				N8N_PORT: String(serverPort),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				N8N_WEBHOOK_URL: `${baseUrl}/`,
				N8N_SECURE_COOKIE: 'false',
			};
			const t0 = performance.now();
			const child = spawn(bin.nodeExe, [bin.n8nBin, 'start'], {
				env: serverEnv,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			const proc = { child, stdout: '', stderr: '', exited: null };
			child.stdout.on('data', (chunk) => (proc.stdout += chunk));
			child.stderr.on('data', (chunk) => (proc.stderr += chunk));
			child.on('exit', (code, signal) => (proc.exited = { code, signal }));
			server = { proc, port: serverPort, baseUrl };
			// "Editor is now accessible" comes after the HTTP server listens. n8n 2.41.1 then registers the triggers of
			// published workflows asynchronously (workflow publication outbox), so wait for those records too.
			const ready = async () =>
				proc.stdout.includes('Editor is now accessible') &&
				(await healthy(baseUrl)) &&
				publicationsDone();
			try {
				while (!(await ready())) {
					if (proc.exited) throw new Error(`exited ${JSON.stringify(proc.exited)}`);
					if (performance.now() - t0 > timeoutMs)
						throw new Error(`not ready after ${timeoutMs} ms`);
					await sleep(200);
				}
			} catch (error) {
				const logs = proc.stdout + proc.stderr;
				await instance.stop();
				throw new Error(`n8n start: ${error.message}\n${logs.slice(-4000)}`);
			}
			const ms = Math.round(performance.now() - t0);
			timings.push({ label: 'n8n start (until /healthz + published triggers)', ms });
			log(`n8n start: ready in ${ms} ms at ${baseUrl}`);
			return { baseUrl, port: serverPort, webhookUrl: (p) => `${baseUrl}/webhook/${p}` };
		},

		/** Published workflows -> { id, status, errorMessage } of their latest publication outbox record. */
		publications: () =>
			instance.query(`SELECT w.id, o.status, o.errorMessage FROM workflow_entity w
				LEFT JOIN workflow_publication_outbox o ON o.id =
					(SELECT MAX(id) FROM workflow_publication_outbox WHERE workflowId = w.id)
				WHERE w.activeVersionId IS NOT NULL`),

		/** Server logs so far ('' when no server ran). */
		serverLogs: () => (server ? server.proc.stdout + server.proc.stderr : ''),

		/** Stops the server (SIGTERM, then SIGKILL after 15 s). No-op when none runs. */
		async stop() {
			if (!server) return;
			const { proc } = server;
			server = null;
			if (proc.exited) return;
			await timed('n8n stop', async () => {
				const exited = new Promise((resolve) => proc.child.once('exit', resolve));
				proc.child.kill('SIGTERM');
				const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
				await exited;
				clearTimeout(timer);
			});
		},

		/** Read-only SQL on this instance's sqlite DB (runs in a Node 24 child) -> rows. */
		query: (sql, params) => querySqlite({ dbPath: instance.dbPath, sql, params }),

		/** stop() and delete the tmp dir (unless keep). */
		async dispose() {
			await instance.stop();
			if (!keep) fs.rmSync(dir, { recursive: true, force: true });
			else log(`kept ${dir}`);
		},
	};
	return instance;
}

function publicationsDoneFor(instance) {
	const rows = instance.publications();
	const failed = rows.filter((row) => row.status === 'failed' || row.status === 'partial_success');
	if (failed.length) throw new Error(`publishing failed: ${JSON.stringify(failed)}`);
	return rows.every((row) => row.status === 'completed');
}

function baseEnv({ bin, userFolder, brokerPort }) {
	const env = {};
	// inherit the shell env minus anything that would configure n8n or point it at another DB
	for (const [key, value] of Object.entries(process.env)) {
		if (
			!/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_OPTIONS$|npm_)/.test(key)
		)
			env[key] = value;
	}
	return Object.assign(env, {
		PATH: `${bin.node24Bin}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'real-n8n-tests-only-not-a-secret',
		DB_TYPE: 'sqlite',
		N8N_LOG_LEVEL: 'info', // at warn/error `execute --rawOutput` prints nothing
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		GENERIC_TIMEZONE: 'UTC',
		NODE_COMPILE_CACHE: path.join(CACHE_DIR, 'node-compile-cache'), // V8 code cache: ~0.7 s off each n8n start
	});
}

function runProcess(cmd, args, env) {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.once('error', reject);
		child.once('close', (rc) =>
			resolve({ rc, stdout, stderr, ms: Math.round(performance.now() - t0) }),
		);
	});
}

function cliError(args, { rc, stdout, stderr }, what = `exited ${rc}`) {
	const error = new Error(`n8n ${args.join(' ')} ${what}:\n${(stdout + stderr).slice(-4000)}`);
	Object.assign(error, { rc, stdout, stderr });
	return error;
}

async function healthy(baseUrl) {
	try {
		const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
		return res.ok;
	} catch {
		return false;
	}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
