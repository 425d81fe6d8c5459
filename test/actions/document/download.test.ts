import type { IBinaryData } from 'n8n-workflow';

import {
	dataOf,
	errorOf,
	requestsTo,
	runDocumentNode,
	useSimulatorWithUser,
	type Simulator,
} from '../documentFlow';

let sim: Simulator;
let accessToken: string;
let userId: string;
useSimulatorWithUser((session) => ({ sim, accessToken, digilockerid: userId } = session));

const PAN = 'in.gov.sim.pan-PANCR-SIMPV7898J';
const VACCINE_PNG = 'in.gov.sim.health-VACER-2975693825';
const bytesOf = (binary: IBinaryData | undefined) => Buffer.from(binary?.data ?? '', 'base64');
const download = (
	parameters: Record<string, unknown> = {},
	options: Parameters<typeof runDocumentNode>[2] = {},
) =>
	runDocumentNode(
		sim,
		{ resource: 'document', operation: 'download', accessToken, uri: PAN, ...parameters } as never,
		options,
	);

describe('document › download', () => {
	it('emits the file as binary data with its name, type and a verified hmac', async () => {
		const run = await download();
		const expected = sim.readFile(PAN, userId)!;
		const [item] = run.items!;
		expect(item.json).toEqual({
			success: true,
			data: {
				uri: PAN,
				file_name: expected.filename,
				mime_type: 'application/pdf',
				size: expected.bytes.length,
				binary_property: 'data',
				hmac_verified: true,
			},
		});
		expect(item.binary?.data).toMatchObject({
			fileName: expected.filename,
			mimeType: 'application/pdf',
		});
		expect(bytesOf(item.binary?.data).equals(expected.bytes)).toBe(true);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it("writes to the chosen field and keeps the item's other binaries", async () => {
		const other = {
			data: Buffer.from('keep me').toString('base64'),
			mimeType: 'text/plain',
			fileName: 'note.txt',
		};
		const run = await download(
			{ uri: VACCINE_PNG, binaryPropertyName: 'certificate' },
			{ inputItems: [{ json: {}, binary: { note: other } }] },
		);
		const binary = run.items![0].binary!;
		expect(Object.keys(binary).sort()).toEqual(['certificate', 'note']);
		expect(binary.note.data).toBe(other.data);
		expect(binary.certificate.mimeType).toBe('image/png');
		expect(bytesOf(binary.certificate).equals(sim.readFile(VACCINE_PNG, userId)!.bytes)).toBe(true);
	});

	it('refuses a file whose hmac does not match, after one more try, emitting no binary', async () => {
		sim.setFault('file', { type: 'wrong-hmac' });
		const run = await download();
		expect(run.items![0].binary).toBeUndefined();
		expect(errorOf(run)).toEqual({
			code: 'INTEGRITY_ERROR',
			message: 'The file DigiLocker sent does not match its hmac header, so it was not used',
		});
		expect(requestsTo(sim, '/oauth2/1/file/')).toHaveLength(2);
	});

	it('takes the file when a second try after an integrity failure matches', async () => {
		sim.setFault('file', { type: 'wrong-hmac', times: 1 });
		const run = await download();
		expect(run.items![0].json).toMatchObject({ success: true, data: { hmac_verified: true } });
		expect(requestsTo(sim, '/oauth2/1/file/')).toHaveLength(2);
	});

	it('answers an unknown URI with NOT_FOUND', async () => {
		const run = await download({ uri: 'in.gov.sim.nothing-XXXXX-1' });
		expect(errorOf(run)).toMatchObject({
			code: 'NOT_FOUND',
			status: 404,
			upstream: { error: 'invalid_uri' },
		});
	});

	it('downloads many items, in order, each paired, a bounded number at once', async () => {
		const uris = sim
			.documents(userId)
			.issued.map((document: { uri: string }) => document.uri)
			.filter((uri: string) => !uri.includes('/'));
		const run = await download(
			{ uri: '={{ $json.uri }}', requestOptions: { concurrency: 2 } },
			{ input: uris.map((uri: string) => ({ uri })) },
		);
		expect(dataOf(run).map((data) => data.uri)).toEqual(uris);
		expect(run.items!.map((item) => item.pairedItem)).toEqual(
			uris.map((_: string, item: number) => ({ item })),
		);
	});
});
