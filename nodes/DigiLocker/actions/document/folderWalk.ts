import type { IDataObject } from 'n8n-workflow';

import { limitExceeded } from '../../helpers/errors';

export const MAX_FOLDERS = 500;
export const MAX_ENTRIES = 10_000;
export const MAX_NAME_LENGTH = 255;
export const MAX_PATH_LENGTH = 1024;

export interface Folder {
	id: string;
	path: string;
}

const tooLarge = (what: string) =>
	limitExceeded(`The uploaded documents ${what}`, 'List a sub-folder by its Folder ID instead.');

/**
 * A breadth-first walk of the uploaded-documents tree, bounded: at most 500 folders and 10,000 entries, names of at
 * most 255 characters and folder paths of at most 1024. Folders already seen are not listed again.
 */
export class FolderWalk {
	readonly entries: IDataObject[] = [];

	private readonly queue: Folder[];

	private readonly seen: Set<string>;

	constructor(rootId: string) {
		this.queue = [{ id: rootId, path: '/' }];
		this.seen = new Set([rootId]);
	}

	next(): Folder | undefined {
		return this.queue.shift();
	}

	/** Takes one folder's listing: its entries, and its sub-folders to list later. */
	add(folder: Folder, listed: IDataObject[]): void {
		if (this.entries.length + listed.length > MAX_ENTRIES) {
			throw tooLarge(`hold more than ${MAX_ENTRIES} entries`);
		}
		this.entries.push(...listed);
		for (const entry of listed) {
			if (entry.type !== 'dir' || typeof entry.id !== 'string' || this.seen.has(entry.id)) continue;
			if (this.seen.size >= MAX_FOLDERS) throw tooLarge(`hold more than ${MAX_FOLDERS} folders`);
			const name = String(entry.name ?? entry.id);
			if (name.length > MAX_NAME_LENGTH) {
				throw tooLarge(`hold a folder name longer than ${MAX_NAME_LENGTH} characters`);
			}
			const path = `${folder.path}${name}/`;
			if (path.length > MAX_PATH_LENGTH) {
				throw tooLarge(`are nested deeper than a path of ${MAX_PATH_LENGTH} characters`);
			}
			this.seen.add(entry.id);
			this.queue.push({ id: entry.id, path });
		}
	}
}
