import type { SeedUploadedEntry } from '../../simulator/documents-seed';
import { errorOf, requestsTo, runDocumentNode, type Simulator } from '../documentFlow';
import { startWithUploads } from './seededLocker';

const longName = (letter: string, length = 255) => letter.repeat(length);
const nested = (depth: number): SeedUploadedEntry[] =>
	depth === 0 ? [] : [{ type: 'dir', name: longName('n'), children: nested(depth - 1) }];

let sim: Simulator;
let accessToken: string;
let userId: string;
beforeAll(async () => {
	({ sim, accessToken, userId } = await startWithUploads([
		{
			type: 'dir',
			name: 'Wide',
			children: Array.from({ length: 500 }, (_, index) => ({ type: 'dir', name: `w${index}` })),
		},
		{ type: 'dir', name: 'Deep', children: nested(4) },
		{ type: 'dir', name: 'LongName', children: [{ type: 'dir', name: longName('x', 256) }] },
	]));
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const folderId = (path: string) =>
	sim.documents(userId).uploaded.find((entry: { path: string }) => entry.path === path)!.id;
const walkFrom = (path: string) =>
	runDocumentNode(sim, {
		resource: 'document',
		operation: 'listUploaded',
		accessToken,
		folderId: folderId(path),
		recursive: true,
	});

describe('document › listUploaded › Include Sub-Folders stays within its bounds', () => {
	it.each([
		['too wide (over 500 folders)', '/Wide', 'hold more than 500 folders', 1],
		[
			'too deep (a path over 1024 characters)',
			'/Deep',
			'are nested deeper than a path of 1024 characters',
			4,
		],
		[
			'named too long (a folder name over 255 characters)',
			'/LongName',
			'hold a folder name longer than 255 characters',
			1,
		],
	])('a tree %s is LIMIT_EXCEEDED, after sending', async (_case, path, message, requests) => {
		const run = await walkFrom(path);
		expect(run.items).toHaveLength(1);
		expect(errorOf(run)).toEqual({
			code: 'LIMIT_EXCEEDED',
			message: `The uploaded documents ${message}`,
		});
		expect(requestsTo(sim, '/oauth2/1/files/')).toHaveLength(requests);
	});
});
