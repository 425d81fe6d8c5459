import type { IDataObject } from 'n8n-workflow';

import {
	FolderWalk,
	MAX_ENTRIES,
	MAX_FOLDERS,
	MAX_NAME_LENGTH,
	MAX_PATH_LENGTH,
} from '../../../nodes/DigiLocker/actions/document/folderWalk';

const root = { id: 'root', path: '/' };
const dirs = (count: number, prefix = 'd'): IDataObject[] =>
	Array.from({ length: count }, (_, index) => ({
		id: `${prefix}${index}`,
		name: `${prefix}${index}`,
		type: 'dir',
	}));
const files = (count: number): IDataObject[] =>
	Array.from({ length: count }, (_, index) => ({
		id: `f${index}`,
		name: `f${index}.pdf`,
		type: 'file',
	}));
const limit = (message: string) =>
	expect.objectContaining({
		code: 'LIMIT_EXCEEDED',
		message: `The uploaded documents ${message}`,
	});

describe('FolderWalk', () => {
	it('walks breadth first, giving each sub-folder its path, and lists no folder twice', () => {
		const walk = new FolderWalk('root');
		expect(walk.next()).toEqual(root);
		walk.add(root, [...dirs(2), { id: 'root', name: 'loop', type: 'dir' }]);
		expect(walk.next()).toEqual({ id: 'd0', path: '/d0/' });
		walk.add({ id: 'd0', path: '/d0/' }, [{ id: 'd1', name: 'again', type: 'dir' }]);
		expect(walk.next()).toEqual({ id: 'd1', path: '/d1/' });
		expect(walk.next()).toBeUndefined();
	});

	it(`takes ${MAX_FOLDERS} folders, the starting one included, and no more`, () => {
		const walk = new FolderWalk('root');
		walk.add(root, dirs(MAX_FOLDERS - 1));
		expect(() => walk.add({ id: 'd0', path: '/d0/' }, dirs(1, 'e'))).toThrow(
			limit(`hold more than ${MAX_FOLDERS} folders`),
		);
	});

	it(`takes ${MAX_ENTRIES} entries over all folders, and no more`, () => {
		const walk = new FolderWalk('root');
		walk.add(root, files(MAX_ENTRIES - 1));
		walk.add(root, files(1));
		expect(walk.entries).toHaveLength(MAX_ENTRIES);
		expect(() => walk.add(root, files(1))).toThrow(limit(`hold more than ${MAX_ENTRIES} entries`));
	});

	it(`takes folder names of ${MAX_NAME_LENGTH} characters, and no longer`, () => {
		const walk = new FolderWalk('root');
		walk.add(root, [{ id: 'a', name: 'a'.repeat(MAX_NAME_LENGTH), type: 'dir' }]);
		expect(() =>
			walk.add(root, [{ id: 'b', name: 'b'.repeat(MAX_NAME_LENGTH + 1), type: 'dir' }]),
		).toThrow(limit(`hold a folder name longer than ${MAX_NAME_LENGTH} characters`));
	});

	it(`takes folder paths of ${MAX_PATH_LENGTH} characters, and no longer`, () => {
		const deep = { id: 'deep', path: `/${'a'.repeat(MAX_PATH_LENGTH - 4)}/` };
		const walk = new FolderWalk('root');
		walk.add(deep, [{ id: 'b', name: 'b', type: 'dir' }]);
		expect(walk.next()).toEqual(root);
		expect(walk.next()?.path).toHaveLength(MAX_PATH_LENGTH);
		expect(() => walk.add(deep, [{ id: 'c', name: 'cc', type: 'dir' }])).toThrow(
			limit(`are nested deeper than a path of ${MAX_PATH_LENGTH} characters`),
		);
	});
});
