import { createHash } from 'crypto';

import { testApp } from '../fixtures';
import { bodyHmac } from './index';
import {
	accessToken,
	asArray,
	bearer,
	getWith,
	request,
	startDocumentSimulator,
	type HttpResult,
	type Simulator,
} from './test-client';

/** POST /oauth2/1/file/upload: success, every documented error, and sim.uploads. */

let sim: Simulator;
let token: string;

beforeAll(async () => {
	sim = await startDocumentSimulator();
	token = await accessToken(sim);
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.clearFaults();
	sim.clearRequests();
	sim.clearUploads();
});

const uploadUrl = () => `${sim.baseUrl}/oauth2/1/file/upload`;

function pdfBytes(text: string): Buffer {
	return Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1');
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

function upload(
	body: Buffer,
	headers: Record<string, string | undefined>,
	auth: string | null = token,
): Promise<HttpResult> {
	const sent: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent[name] = value;
	if (auth !== null) Object.assign(sent, bearer(auth));
	return request(uploadUrl(), { method: 'POST', headers: sent, body });
}

function goodHeaders(body: Buffer, path: string, type = 'application/pdf'): Record<string, string> {
	return { 'Content-Type': type, path, hmac: bodyHmac(testApp.clientSecret, body) };
}

async function folderItems(id: string): Promise<Record<string, unknown>[]> {
	return asArray((await getWith(token, `${sim.baseUrl}/oauth2/1/files/${id}`)).json.items);
}

const documentsId = () => {
	const dir = sim.documents().uploaded.find((d) => d.path === '/Documents');
	if (!dir) throw new Error('no /Documents');
	return dir.id;
};

describe('successful uploads', () => {
	it('stores the file, lists it, serves it back and records it in sim.uploads', async () => {
		const body = pdfBytes('contract');
		const res = await upload(body, goodHeaders(body, '/Documents/contract.pdf'));
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ path: '/Documents/contract.pdf', size: String(body.length) });
		expect(sim.uploads).toEqual([
			{
				path: '/Documents/contract.pdf',
				size: body.length,
				sha256: createHash('sha256').update(body).digest('hex'),
				contentType: 'application/pdf',
				userId: sim.users[0].digilockerid,
				clientId: testApp.clientId,
			},
		]);
		const listed = (await folderItems(documentsId())).find((i) => i.name === 'contract.pdf');
		expect(listed).toMatchObject({
			type: 'file',
			size: String(body.length),
			mime: 'application/pdf',
			parent: documentsId(),
		});
		const file = await getWith(
			token,
			`${sim.baseUrl}/oauth2/1/file/${encodeURIComponent(String(listed?.uri))}`,
		);
		expect(file.status).toBe(200);
		expect(file.bytes).toEqual(body);
		expect(file.headers.get('hmac')).toBe(bodyHmac(testApp.clientSecret, body));
	});

	it('takes a path without a leading slash as relative to the root', async () => {
		const res = await upload(PNG, goodHeaders(PNG, 'photo.png', 'image/png'));
		expect(res.status).toBe(200);
		expect(res.json.path).toBe('/photo.png');
		expect((await folderItems('')).map((i) => i.name)).toContain('photo.png');
	});

	it.each(['image/jpeg', 'image/jpg', 'IMAGE/JPEG; charset=binary'])(
		'accepts a JPEG sent as %s',
		async (type) => {
			const res = await upload(JPEG, goodHeaders(JPEG, '/Photos/selfie.jpg', type));
			expect(res.status).toBe(200);
		},
	);

	it('replaces a file uploaded twice to the same path and records both uploads', async () => {
		const first = pdfBytes('v1');
		const second = pdfBytes('version two');
		await upload(first, goodHeaders(first, '/Documents/Certificates/twice.pdf'));
		await upload(second, goodHeaders(second, '/Documents/Certificates/twice.pdf'));
		expect(sim.uploads.filter((u) => u.path === '/Documents/Certificates/twice.pdf')).toHaveLength(
			2,
		);
		const listed = sim
			.documents()
			.uploaded.filter((d) => d.path === '/Documents/Certificates/twice.pdf');
		expect(listed).toHaveLength(1);
		expect(sim.readFile(listed[0].uri)?.bytes).toEqual(second);
	});

	it('accepts exactly 10 MB', async () => {
		const body = Buffer.alloc(10 * 1024 * 1024, 0x20);
		pdfBytes('big').copy(body);
		const res = await upload(body, goodHeaders(body, '/big.pdf'));
		expect(res.status).toBe(200);
		expect(res.json.size).toBe(String(10 * 1024 * 1024));
		expect(sim.requests[0].rawBody).toBe('');
		expect(sim.requests[0].bodySize).toBe(10 * 1024 * 1024);
	});
});

describe('upload errors', () => {
	const body = pdfBytes('x');
	const ok = () => goodHeaders(body, '/Documents/x.pdf');

	it.each([
		['path_missing', 'Path parameter is missing', () => ({ ...ok(), path: undefined }), body],
		[
			'contenttype_missing',
			'Content-Type parameter is missing',
			() => ({ ...ok(), 'Content-Type': undefined }),
			body,
		],
		['hmac_missing', 'HMAC parameter is missing', () => ({ ...ok(), hmac: undefined }), body],
		[
			'filename_missing',
			'Filename is missing in path parameter',
			() => ({ ...ok(), path: '/Documents/' }),
			body,
		],
		[
			'hmac_mismatch',
			'HMAC does not match',
			() => ({ ...ok(), hmac: bodyHmac('another-key', body) }),
			body,
		],
		[
			'invalid_filetype',
			'The file type is not allowed',
			() => ({ ...ok(), 'Content-Type': 'text/plain' }),
			body,
		],
		[
			'invalid_filetype',
			'The file type is not allowed',
			() => ({ ...ok(), 'Content-Type': 'image/pdf' }),
			body,
		],
		[
			'invalid_path',
			'The destination folder does not exist',
			() => ({ ...ok(), path: '/Nope/x.pdf' }),
			body,
		],
		[
			'invalid_path',
			'The destination folder does not exist',
			() => ({ ...ok(), path: '/notes.pdf/x.pdf' }),
			body,
		],
		[
			'file_data_missing',
			'Missing file content in the request',
			() => goodHeaders(Buffer.alloc(0), '/x.pdf'),
			Buffer.alloc(0),
		],
		[
			'mimetype_mismatch',
			'The mimetype provided in Content-Type parameter does not match with the mimetype of the file',
			() => goodHeaders(PNG, '/x.pdf', 'application/pdf'),
			PNG,
		],
		[
			'mimetype_mismatch',
			'The mimetype provided in Content-Type parameter does not match with the mimetype of the file',
			() => goodHeaders(body, '/x.png', 'image/png'),
			body,
		],
	])('answers 400 %s (%s)', async (error, description, headers, sent) => {
		const res = await upload(sent, headers());
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ error, error_description: description });
		expect(sim.uploads).toEqual([]);
	});

	it.each(['\\', ':', '*', '?', '<', '>', '|', "'", '^', '~'])(
		'answers 400 invalid_filename for %s in the file name',
		async (char) => {
			const res = await upload(body, { ...ok(), path: `/Documents/bad${char}name.pdf` });
			expect(res.status).toBe(400);
			expect(res.json).toEqual({
				error: 'invalid_filename',
				error_description: 'Restricted characters are not allowed in file name',
			});
		},
	);

	it('answers 400 invalid_filesize over 10 MB', async () => {
		const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
		pdfBytes('too big').copy(big);
		const res = await upload(big, goodHeaders(big, '/too-big.pdf'));
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'invalid_filesize',
			error_description: 'The file size exceeds maximum allowed file size of 10MB',
		});
		expect(sim.requests[0].bodySize).toBe(big.length);
	});

	it('answers 401 without a token and 403 without files.uploadeddocs', async () => {
		expect((await upload(body, ok(), null)).status).toBe(401);
		const narrow = await accessToken(sim, { scope: 'openid files.issueddocs' });
		const res = await upload(body, ok(), narrow);
		expect(res.status).toBe(403);
		expect(res.json.error).toBe('insufficient_scope');
		expect(sim.uploads).toEqual([]);
	});

	it('refuses to replace a folder with a file', async () => {
		const res = await upload(body, goodHeaders(body, '/Documents'));
		expect(res.status).toBe(400);
		expect(res.json.error).toBe('invalid_filename');
	});
});

it('never needed a 500 for its own bugs', () => {
	expect(sim.serverErrors).toEqual([]);
});
