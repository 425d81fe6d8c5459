import { runDocumentNode, type Simulator } from '../documentFlow';
import { startWithUploads } from './seededLocker';

let sim: Simulator;
let accessToken: string;
let userId: string;
beforeAll(async () => {
	({ sim, accessToken, userId } = await startWithUploads([
		{ type: 'file', name: 'invoice\u202Efdp.exe', mime: 'application/pdf' },
		{ type: 'file', name: '..', mime: 'application/pdf' },
	]));
});
afterAll(async () => await sim.stop());

const uriOf = (name: string) =>
	sim.documents(userId).uploaded.find((entry: { name: string }) => entry.name === name)!.uri;
const download = (uri: string) =>
	runDocumentNode(sim, { resource: 'document', operation: 'download', accessToken, uri });

describe('document › download names files safely', () => {
	it('strips a right-to-left override from the Content-Disposition name', async () => {
		const run = await download(uriOf('invoice\u202Efdp.exe'));
		expect(run.items![0].json.data).toMatchObject({ file_name: 'invoicefdp.exe' });
		expect(run.items![0].binary?.data.fileName).toBe('invoicefdp.exe');
	});

	it('names a file sent as ".." after its URI', async () => {
		const uri = uriOf('..');
		const run = await download(uri);
		expect(run.items![0].json.data).toMatchObject({ file_name: `${uri}.pdf` });
		expect(run.items![0].binary?.data.fileName).toBe(`${uri}.pdf`);
	});
});
