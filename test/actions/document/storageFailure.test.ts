import { useFailingFilesystemBinaryData } from '../../engine/failingBinaryStore';
import {
	errorOf,
	requestsTo,
	runDocumentNode,
	startWithUser,
	type Simulator,
} from '../documentFlow';

let sim: Simulator;
let accessToken: string;
let restoreBinaryData: () => void;
beforeAll(async () => {
	({ sim, accessToken } = await startWithUser());
	restoreBinaryData = useFailingFilesystemBinaryData();
});
afterAll(async () => {
	restoreBinaryData();
	await sim.stop();
});

describe('document › download when n8n cannot store the file', () => {
	it('is INTERNAL_ERROR naming the disk error, and is not sent again', async () => {
		const run = await runDocumentNode(sim, {
			resource: 'document',
			operation: 'download',
			accessToken,
			uri: 'in.gov.sim.pan-PANCR-SIMPV7898J',
		});
		expect(errorOf(run)).toEqual({
			code: 'INTERNAL_ERROR',
			message: 'n8n could not store the answer (ENOTDIR)',
		});
		expect(run.items![0].binary).toBeUndefined();
		expect(requestsTo(sim, '/oauth2/1/file/')).toHaveLength(1);
	});
});
