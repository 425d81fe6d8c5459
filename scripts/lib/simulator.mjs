// Starts the DigiLocker simulator of test/simulator (plain CommonJS) in this process.
// Its default app is SIMCLIENT01 / sim-secret-do-not-use with the redirect URI of n8n on localhost:5678; give
// redirectUris to register the same app for other n8n addresses (free ports in the demo and the e2e test).
import { createRequire } from 'node:module';

import { repoDir } from '../real-n8n/n8n-bin.mjs';

const require = createRequire(import.meta.url);

export const SIM_APP = Object.freeze({
	clientId: 'SIMCLIENT01',
	clientSecret: 'sim-secret-do-not-use',
});
export const DEFAULT_REDIRECT_URI = 'http://localhost:5678/webhook/digilocker/callback';

/** -> the simulator API of test/simulator/index.js ({ baseUrl, port, requests, setFault, tokens, users, stop, … }) */
export async function startSim({ host = '127.0.0.1', port = 0, redirectUris, logger } = {}) {
	const { startSimulator } = require(`${repoDir}/test/simulator/index.js`);
	const apps = redirectUris ? [{ ...SIM_APP, redirectUris }] : undefined;
	return await startSimulator({ host, port, apps, logger });
}

/** The PEM of the test CA the simulator signs its XML under (also served at GET /sim/ca.pem). */
export function simulatorCaPem() {
	return require(`${repoDir}/test/simulator/xml-signature.js`).simulatorCaPem();
}

/** The callback URL for n8n on this port, as the browser sees it (the registered redirect URI). */
export const redirectUriFor = (n8nPort, host = 'localhost') =>
	`http://${host}:${n8nPort}/webhook/digilocker/callback`;
