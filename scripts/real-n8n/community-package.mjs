// Packs this repo with `npm pack` and installs the tarball the way n8n's manual-installation docs do
// (`npm install <package>` inside ~/.n8n/nodes), offline and with install scripts off.
// n8n 2.41.1 then loads it at startup: the community-packages module globs <N8N_USER_FOLDER>/.n8n/nodes/node_modules
// for n8n-nodes-* and @*/n8n-nodes-* folders (n8n-core scanDirectoryForPackages); no DB rows are needed for that.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const npmEnv = {
	...process.env,
	npm_config_update_notifier: 'false',
	npm_config_loglevel: 'error',
};

/** `npm pack` of repoDir into destDir (scripts off) -> absolute tarball path. Build dist/ first. */
export function packPackage(repoDir, destDir) {
	fs.mkdirSync(destDir, { recursive: true });
	const out = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destDir],
		{
			cwd: repoDir,
			encoding: 'utf8',
			env: npmEnv,
		},
	);
	const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
	return path.join(destDir, path.basename(filename));
}

/**
 * Installs the tarball into <n8nFolder>/nodes like a community package -> { name, version, dir }.
 * Runtime dependencies must be in the npm cache (--offline); the n8n-workflow peer is provided by n8n itself.
 */
export function installCommunityPackage(n8nFolder, tarball) {
	const nodesDir = path.join(n8nFolder, 'nodes');
	const ledgerPath = path.join(nodesDir, 'package.json');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(ledgerPath))
		writeJson(ledgerPath, { name: 'installed-nodes', private: true, dependencies: {} });
	execFileSync(
		'npm',
		[
			'install',
			tarball,
			'--offline',
			'--ignore-scripts',
			'--legacy-peer-deps',
			'--no-audit',
			'--no-fund',
			'--no-package-lock',
			'--bin-links=false',
			'--install-strategy=shallow',
		],
		{ cwd: nodesDir, encoding: 'utf8', env: npmEnv, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const tgzPackageJson = readJson(findInstalledPackageJson(nodesDir, tarball));
	const { name, version } = tgzPackageJson;
	// n8n's own installer records the plain version in this ledger (npm wrote a file: spec)
	const ledger = readJson(ledgerPath);
	ledger.dependencies = { ...ledger.dependencies, [name]: version };
	writeJson(ledgerPath, ledger);
	return { name, version, dir: path.join(nodesDir, 'node_modules', name) };
}

function findInstalledPackageJson(nodesDir, tarball) {
	const ledger = readJson(path.join(nodesDir, 'package.json'));
	const abs = path.resolve(tarball);
	const name = Object.keys(ledger.dependencies ?? {}).find((dep) => {
		const spec = ledger.dependencies[dep];
		return (
			typeof spec === 'string' &&
			spec.startsWith('file:') &&
			path.resolve(nodesDir, spec.slice(5)) === abs
		);
	});
	if (!name)
		throw new Error(
			`npm install of ${tarball} left no file: dependency in ${nodesDir}/package.json`,
		);
	return path.join(nodesDir, 'node_modules', name, 'package.json');
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
