import {
	dataOf,
	errorOf,
	runDocumentNode,
	useSimulatorWithUser,
	type Simulator,
} from '../documentFlow';

let sim: Simulator;
let accessToken: string;
useSimulatorWithUser((session) => ({ sim, accessToken } = session));

const listUploaded = (parameters: Record<string, unknown> = {}) =>
	runDocumentNode(sim, {
		resource: 'document',
		operation: 'listUploaded',
		accessToken,
		...parameters,
	} as never);

describe('document › listUploaded', () => {
	it('lists the root folder', async () => {
		const run = await listUploaded();
		expect(dataOf(run).map((entry) => [entry.name, entry.type, entry.path])).toEqual([
			['notes.pdf', 'file', '/'],
			['Documents', 'dir', '/'],
			['Photos', 'dir', '/'],
		]);
	});

	it('lists one folder by its ID', async () => {
		const run = await listUploaded({ folderId: '100102' });
		expect(dataOf(run).map((entry) => entry.name)).toEqual(['resume.pdf', 'Certificates']);
	});

	it('walks every sub-folder, giving each entry its folder path', async () => {
		const run = await listUploaded({ recursive: true });
		const files = dataOf(run)
			.filter((entry) => entry.type === 'file')
			.map((entry) => `${entry.path}${entry.name}`);
		expect(files.sort()).toEqual([
			'/Documents/Certificates/award.png',
			'/Documents/Certificates/degree.pdf',
			'/Documents/resume.pdf',
			'/Photos/passport-photo.png',
			'/notes.pdf',
		]);
	});

	it('answers an unknown folder with NOT_FOUND', async () => {
		const run = await listUploaded({ folderId: '999999' });
		expect(errorOf(run)).toMatchObject({
			code: 'NOT_FOUND',
			status: 404,
			upstream: { error: 'invalid_id' },
		});
	});

	it('refuses a folder ID that tries to leave its path segment', async () => {
		const run = await listUploaded({ folderId: '../user' });
		expect(errorOf(run)).toEqual({
			code: 'VALIDATION_ERROR',
			message: 'Folder ID must be a folder "id" from DigiLocker (letters, digits, . _ ~ -)',
		});
	});
});
