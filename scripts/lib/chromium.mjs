// A headless Chromium for the browser e2e (driven by playwright-core, which brings no browser of its own). Uses the
// system's Chromium; on a fresh Debian/Ubuntu machine installs it with apt-get (as root, or through `sudo -n`).
// E2E_CHROMIUM=/path/to/chrome picks another executable.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

let pending = null; // both load modes run in one process: install at most once

const findExecutable = () => CANDIDATES.find((file) => isExecutable(file));

function isExecutable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** -> the Chromium executable path; installs Debian's `chromium` package when there is none. */
export function ensureChromium({ log = () => {} } = {}) {
	pending ??= Promise.resolve().then(() => locateOrInstall(log));
	return pending;
}

async function locateOrInstall(log) {
	const chosen = process.env.E2E_CHROMIUM;
	if (chosen) {
		if (!isExecutable(chosen)) throw new Error(`E2E_CHROMIUM=${chosen} is not an executable file`);
		return chosen;
	}
	const found = findExecutable();
	if (found) return found;
	const hint =
		'install Chromium yourself (Debian/Ubuntu: apt-get install -y chromium) or set E2E_CHROMIUM to a Chrome/Chromium executable';
	if (!onPath('apt-get'))
		throw new Error(
			`no Chromium at ${CANDIDATES.join(' or ')} and no apt-get to install it: ${hint}`,
		);
	const root = process.getuid?.() === 0;
	if (!root && !onPath('sudo'))
		throw new Error(`no Chromium, and installing it needs root (not root, no sudo): ${hint}`);
	const prefix = root ? '' : 'sudo -n ';
	// with its recommended packages: the fonts the screenshots need come that way
	const script = `${prefix}apt-get update && ${prefix}env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium`;
	log(`no Chromium found: ${script}`);
	const t0 = performance.now();
	const { code, output } = await run(script); // async: the other load mode keeps running meanwhile
	if (code !== 0)
		throw new Error(`installing Chromium failed (${code}): ${hint}\n${output.slice(-3000)}`);
	const installed = findExecutable();
	if (!installed)
		throw new Error(
			`apt-get installed chromium but there is still no ${CANDIDATES.join(' or ')}: ${hint}`,
		);
	log(`installed Chromium in ${Math.round((performance.now() - t0) / 1000)}s: ${installed}`);
	return installed;
}

/** sh -c script -> { code, output } (stdout and stderr interleaved). */
function run(script) {
	return new Promise((resolve) => {
		const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('error', (error) => resolve({ code: error.message, output }));
		child.once('close', (code, signal) => resolve({ code: code ?? signal, output }));
	});
}
