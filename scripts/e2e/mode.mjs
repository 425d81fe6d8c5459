// One load mode of the e2e run: its own simulator (so faults stay local), a fresh real n8n with the package loaded
// from the built folder (CUSTOM.digiLocker) or installed from the `npm pack` tarball
// (n8n-nodes-digilocker.digiLocker), the credentials, the workflows of workflows.mjs, published, then the cases.
import { simulatorCredential } from '../lib/examples.mjs';
import { provision } from '../lib/provision.mjs';
import { redirectUriFor, startSim } from '../lib/simulator.mjs';
import { createInstance, freePort } from '../real-n8n/instance.mjs';
import {
	TRIGGER_TYPE,
	triggerCredential,
	triggerRedirectUri as triggerRedirectUriFor,
} from './browser.mjs';
import { cases } from './cases.mjs';
import { runCases } from './checks.mjs';
import { triggerWorkflowCredentials, triggerWorkflowRedirectUris } from './triggerWorkflows.mjs';
import { BAD_SECRET, BAD_SECRET_CREDENTIAL, modeWorkflows } from './workflows.mjs';
import { redirectingCredential, startRedirector } from './writes.mjs';

export async function runMode(loadMode, { checks, withAsCommitted = false, only }) {
	const prefix = `[${loadMode}]`;
	const log = (line) => console.log(`# ${prefix} ${line}`);
	const check = (label, fn) => checks.check(prefix, label, fn);
	const t0 = performance.now();
	const n8nPort = await freePort();
	const redirectUri = redirectUriFor(n8nPort);
	const triggerRedirectUri = triggerRedirectUriFor(n8nPort);
	const simLog = []; // "METHOD /path status" per simulator request (browser.mjs counts issued tokens)
	const sim = await startSim({
		redirectUris: [redirectUri, triggerRedirectUri, ...triggerWorkflowRedirectUris(n8nPort)],
		logger: (line) => simLog.push(line),
	});
	const redirector = await startRedirector();
	let inst;
	try {
		inst = await createInstance({ loadMode, log });
		const wf = modeWorkflows(inst.nodeType(), {
			withAsCommitted,
			triggerType: inst.nodeType(TRIGGER_TYPE),
		});
		await provision(inst, {
			credentials: [
				simulatorCredential({ baseUrl: sim.baseUrl, redirectUri }),
				simulatorCredential({
					...BAD_SECRET_CREDENTIAL,
					baseUrl: sim.baseUrl,
					redirectUri,
					clientSecret: BAD_SECRET,
				}),
				redirectingCredential({ baseUrl: redirector.baseUrl, redirectUri }),
				triggerCredential({ baseUrl: sim.baseUrl, redirectUri: triggerRedirectUri }),
				...triggerWorkflowCredentials({ baseUrl: sim.baseUrl, n8nPort }),
			],
			workflows: Object.values(wf),
			log,
		});
		await inst.startServer({ port: n8nPort });
		const setupMs = performance.now() - t0;
		const ctx = {
			loadMode,
			n8n: `http://localhost:${n8nPort}`,
			redirectUri,
			triggerRedirectUri,
			sim,
			simLog,
			inst,
			wf,
			check,
			log,
			redirector,
		};
		const chosen = cases.filter((c) => !only || only.includes(c.name));
		await runCases(chosen, ctx, check, sim);
		log(
			`setup ${Math.round(setupMs / 1000)}s, cases ${Math.round((performance.now() - t0 - setupMs) / 1000)}s`,
		);
	} catch (error) {
		await check('setup (build, install, import, publish, start)', () => {
			throw error;
		});
	} finally {
		if (checks.failed && inst?.serverLogs())
			log(`n8n log tail:\n${inst.serverLogs().slice(-3000)}`);
		await inst?.dispose();
		await sim.stop();
		await redirector.stop();
		log(`done in ${Math.round((performance.now() - t0) / 1000)}s`);
	}
}
