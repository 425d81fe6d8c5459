#!/usr/bin/env node
'use strict';

/**
 * Runs the DigiLocker simulator by hand:
 *   PORT=8765 HOST=127.0.0.1 SIM_SEED=./seed.json node test/simulator/cli.js
 * SIM_SEED (optional) is a JSON file `{ "apps": [...], "users": [...], "largeFiles": {...} }`;
 * see fixtures/seed.example.json.
 * The printed client secret is a fake, simulator-only value.
 */

const { startSimulator } = require('./index');
const { loadSeedFile } = require('./seed');

async function main() {
	const port = Number(process.env.PORT ?? 8765);
	const host = process.env.HOST ?? '127.0.0.1';
	const seed = process.env.SIM_SEED ? loadSeedFile(process.env.SIM_SEED) : {};
	const sim = await startSimulator({
		port,
		host,
		apps: seed.apps,
		users: seed.users,
		largeFiles: seed.largeFiles,
		logger: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
	});

	const lines = [
		`DigiLocker simulator listening`,
		`  base URL:      ${sim.baseUrl}`,
		`  authorize:     ${sim.baseUrl}/oauth2/1/authorize`,
		`  token:         ${sim.baseUrl}/oauth2/1/token`,
		`  revoke:        ${sim.baseUrl}/oauth2/1/revoke`,
		`  user details:  ${sim.baseUrl}/oauth2/1/user`,
		`  issued:        ${sim.baseUrl}/oauth2/2/files/issued`,
		`  uploaded:      ${sim.baseUrl}/oauth2/1/files/`,
		`  file / xml:    ${sim.baseUrl}/oauth2/1/file/{uri}  ${sim.baseUrl}/oauth2/1/xml/{uri}`,
		`  e-Aadhaar:     ${sim.baseUrl}/oauth2/3/xml/eaadhaar`,
		`  upload:        ${sim.baseUrl}/oauth2/1/file/upload`,
		`  pull / meta:   ${sim.baseUrl}/oauth2/1/pull/{pulldocument,issuers,doctype,parameters}`,
		'',
		'Apps (fake simulator credentials):',
	];
	for (const app of sim.apps) {
		lines.push(`  client_id:     ${app.clientId}`);
		lines.push(`  client_secret: ${app.clientSecret}`);
		for (const uri of app.redirectUris) lines.push(`  redirect_uri:  ${uri}`);
	}
	lines.push('', 'Users (pick one on the consent page, or sim_user=<digilockerid>):');
	for (const user of sim.users) lines.push(`  ${user.digilockerid}  ${user.name}`);
	lines.push('', 'Add sim_auto=allow|deny to the authorize URL to skip the consent page.', '');
	process.stdout.write(lines.join('\n') + '\n');

	const shutdown = () => {
		sim.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((err) => {
	process.stderr.write(
		`simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
	);
	process.exit(1);
});
