import { createHmac } from 'node:crypto';

import type { INodeExecutionData } from 'n8n-workflow';

import { testApp } from '../../fixtures';
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
useSimulatorWithUser((session) => ({ sim, accessToken } = session));
beforeEach(() => {
	sim.clearUploads();
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const withFile = (bytes: Buffer, fileName: string, mimeType: string): INodeExecutionData[] => [
	{ json: {}, binary: { data: { data: bytes.toString('base64'), fileName, mimeType } } },
];
const upload = (
	parameters: Record<string, unknown>,
	inputItems = withFile(pdf, 'consent form.pdf', 'application/pdf'),
) =>
	runDocumentNode(
		sim,
		{ resource: 'document', operation: 'upload', accessToken, ...parameters } as never,
		{ inputItems },
	);

describe('document › upload', () => {
	it('uploads the binary with its path, type and hmac headers', async () => {
		const run = await upload({ folder: '/Documents' });
		expect(dataOf(run)).toEqual([
			expect.objectContaining({
				path: '/Documents/consent form.pdf',
				size: pdf.length,
				mime_type: 'application/pdf',
			}),
		]);
		const [request] = requestsTo(sim, '/file/upload');
		expect(request.headers).toMatchObject({
			'content-type': 'application/pdf',
			path: '/Documents/consent form.pdf',
			hmac: createHmac('sha256', testApp.clientSecret).update(pdf).digest('base64'),
			authorization: `Bearer ${accessToken}`,
		});
		expect(sim.uploads).toHaveLength(1);
	});

	it("answers a missing destination folder with DigiLocker's invalid_path, uploading nothing", async () => {
		const run = await upload({ folder: '/Nowhere' });
		expect(errorOf(run)).toMatchObject({ upstream: { error: 'invalid_path' } });
		expect(sim.uploads).toHaveLength(0);
	});

	it('is never sent twice, not even after a connection reset', async () => {
		sim.setFault('upload', { type: 'reset' });
		const run = await upload({ folder: '/' });
		expect(errorOf(run)).toMatchObject({ code: 'NETWORK_ERROR' });
		expect(requestsTo(sim, '/file/upload')).toHaveLength(1);
	});

	it('answers an OAuth error sent with HTTP 200 as that error, not as an upload', async () => {
		sim.setFault('upload', { type: 'json-200', body: { error: 'invalid_token' } });
		const run = await upload({ folder: '/' });
		expect(errorOf(run)).toMatchObject({
			code: 'INVALID_TOKEN',
			status: 200,
			upstream: { error: 'invalid_token' },
		});
		expect(requestsTo(sim, '/file/upload')).toHaveLength(1);
	});

	it.each([
		['no path and size', { status: 'ok' }],
		['a path but no size', { path: '/a.pdf' }],
		['a size but no path', { size: '12' }],
		['an empty path', { path: '', size: '12' }],
		['a size that is not a number', { path: '/a.pdf', size: 'twelve' }],
	])('answers an upload answer with %s as INVALID_RESPONSE', async (_case, body) => {
		sim.setFault('upload', { type: 'json-200', body });
		const run = await upload({ folder: '/' });
		expect(errorOf(run)).toEqual({
			code: 'INVALID_RESPONSE',
			message: 'The upload answer from DigiLocker has no "path" and "size"',
			status: 200,
		});
	});

	it('takes the OpenAPI spelling "Path" of the answer', async () => {
		sim.setFault('upload', { type: 'json-200', body: { Path: '/consent form.pdf', size: 41 } });
		const run = await upload({ folder: '/' });
		expect(dataOf(run)).toEqual([
			expect.objectContaining({
				path: '/consent form.pdf',
				size: 41,
				mime_type: 'application/pdf',
			}),
		]);
	});

	it.each([
		[
			'no binary field',
			{ binaryPropertyName: 'missing' },
			withFile(pdf, 'a.pdf', 'application/pdf'),
			'The input item has no binary field "missing"',
		],
		[
			'a GIF',
			{},
			withFile(Buffer.from('GIF89a....'), 'a.gif', 'image/gif'),
			'File Name must end in .pdf, .jpg, .jpeg or .png',
		],
		[
			'a GIF named .pdf',
			{},
			withFile(Buffer.from('GIF89a....'), 'a.pdf', 'application/pdf'),
			'DigiLocker accepts only PDF, JPEG and PNG files, and this file is none of them',
		],
		[
			'a forbidden character',
			{ fileName: 'a|b.pdf' },
			undefined,
			"File Name must not contain \\ / : * ? < > | ' ^ ~ or control characters",
		],
		[
			'a folder escape',
			{ folder: '/Documents/../..' },
			undefined,
			"Destination Folder must be a path like / or /Documents/KYC, without . or .. and \\ : * ? < > | ' ^ ~",
		],
		[
			'a file name outside ASCII (from the binary data)',
			{},
			withFile(pdf, 'दस्तावेज़.pdf', 'application/pdf'),
			'File Name must be plain ASCII: DigiLocker documents no way to send other characters',
		],
		[
			'a file name outside ASCII (from File Name)',
			{ fileName: 'café.pdf' },
			undefined,
			'File Name must be plain ASCII: DigiLocker documents no way to send other characters',
		],
		[
			'a destination folder outside ASCII',
			{ folder: '/दस्तावेज़' },
			undefined,
			'Destination Folder must be plain ASCII: DigiLocker documents no way to send other characters',
		],
		[
			'a file over 10 MB',
			{},
			withFile(Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), 'big.pdf', 'application/pdf'),
			"The file to upload is larger than DigiLocker's 10 MB limit",
		],
	])('refuses %s before sending anything', async (_case, parameters, items, message) => {
		const run = await upload(parameters, items);
		expect(errorOf(run)).toEqual({ code: 'VALIDATION_ERROR', message });
		expect(requestsTo(sim, '/file/upload')).toHaveLength(0);
	});
});
