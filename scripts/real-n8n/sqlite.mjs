// Runs one SQL statement against an n8n sqlite DB with the sqlite3 module of the n8n install. That module is built for
// Node 24, so the query runs in a Node 24 child process. querySqlite({ dbPath, sql, params }) -> rows (array of objects).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { locateN8n } from './n8n-bin.mjs';

const CHILD = `
const sqlite3 = require(process.env.SQLITE3_PATH);
const { dbPath, sql, params } = JSON.parse(process.env.QUERY);
const db = new sqlite3.Database(dbPath, sqlite3.OPEN_READONLY, (openError) => {
	if (openError) { console.error(openError.message); process.exit(1); }
	db.all(sql, params, (error, rows) => {
		if (error) { console.error(error.message); process.exit(1); }
		process.stdout.write(JSON.stringify(rows));
		db.close();
	});
});`;

export function querySqlite({ dbPath, sql, params = [] }) {
	const { nodeExe, n8nPrefix } = locateN8n();
	const out = execFileSync(nodeExe, ['-e', CHILD], {
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		env: {
			PATH: process.env.PATH,
			SQLITE3_PATH: path.join(n8nPrefix, 'node_modules/sqlite3'),
			QUERY: JSON.stringify({ dbPath, sql, params }),
		},
	});
	return JSON.parse(out);
}
