// A fresh n8n sqlite DB costs ~3.5 s of migrations on the first CLI call. This keeps one migrated, empty DB per n8n
// version under <repo>/.cache/real-n8n/template-db/<version>/ and copies it into new instances.
// The template is made once by `n8n list:workflow` on a scratch user folder with the same encryption key.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const DB_FILES = ['database.sqlite', 'database.sqlite-wal', 'database.sqlite-shm'];

/** Copies a migrated empty DB into n8nFolder (<N8N_USER_FOLDER>/.n8n), making the template first if needed. */
export function seedDatabase({ n8nFolder, cacheDir, version, makeEnv, nodeExe, n8nBin }) {
	const templateDir = path.join(cacheDir, 'template-db', version);
	if (!fs.existsSync(path.join(templateDir, 'database.sqlite'))) {
		fs.mkdirSync(path.dirname(templateDir), { recursive: true });
		const scratch = fs.mkdtempSync(path.join(path.dirname(templateDir), `.make-${version}-`));
		execFileSync(nodeExe, [n8nBin, 'list:workflow'], { env: makeEnv(scratch), stdio: 'ignore' });
		const staged = path.join(scratch, 'template');
		fs.mkdirSync(staged);
		for (const file of DB_FILES)
			copyIfExists(path.join(scratch, '.n8n', file), path.join(staged, file));
		try {
			fs.renameSync(staged, templateDir); // atomic; a concurrent maker may win, which is fine
		} catch (error) {
			if (!fs.existsSync(path.join(templateDir, 'database.sqlite'))) throw error;
		}
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	fs.mkdirSync(n8nFolder, { recursive: true });
	for (const file of DB_FILES)
		copyIfExists(path.join(templateDir, file), path.join(n8nFolder, file));
}

function copyIfExists(from, to) {
	if (fs.existsSync(from)) fs.copyFileSync(from, to);
}
