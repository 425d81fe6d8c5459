/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test helper, never packaged: it needs the real disk to make n8n's binary store fail */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BinaryDataBlobManager, BinaryDataService } from 'n8n-core';

/** Loads a package as n8n-core itself does: it has its own copy of @n8n/di, so its own Container. */
const requireAsCore = createRequire(require.resolve('n8n-core'));

interface Container {
	get<T>(type: new (...args: never[]) => T): T;
}
type ByteStoreConstructor = new (options: {
	storagePath: string;
	reportError: (error: unknown) => void;
}) => ConstructorParameters<typeof BinaryDataBlobManager>[0];

const { Container } = requireAsCore('@n8n/di') as { Container: Container };
const { FsByteStore } = requireAsCore('@n8n/blob-storage') as { FsByteStore: ByteStoreConstructor };

/**
 * Puts n8n's binary data into filesystem mode, with a storage path below a regular file, so that storing any file
 * fails with the real ENOTDIR of the disk. Jest gives every test file its own modules, so this reaches only the
 * file that calls it. Returns the function that puts memory mode back.
 */
export function useFailingFilesystemBinaryData(): () => void {
	const folder = mkdtempSync(join(tmpdir(), 'digilocker-binary-'));
	const regularFile = join(folder, 'a-file-not-a-folder');
	writeFileSync(regularFile, '');
	const service = Container.get(BinaryDataService);
	const store = new FsByteStore({
		storagePath: join(regularFile, 'binary-data'),
		reportError: () => undefined,
	});
	const errorReporter = { error: () => undefined, warn: () => undefined };
	service.setManager(
		'filesystem-v2',
		new BinaryDataBlobManager(
			store,
			errorReporter as unknown as ConstructorParameters<typeof BinaryDataBlobManager>[1],
		),
	);
	return () => {
		service.setManager('filesystem-v2', undefined as never);
		rmSync(folder, { recursive: true, force: true });
	};
}
