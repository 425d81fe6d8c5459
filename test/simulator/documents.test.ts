import { otherApp, testApp } from '../fixtures';
import { bodyHmac } from './index';
import {
	accessToken,
	asArray,
	asRecord,
	getWith,
	request,
	startDocumentSimulator,
	str,
	type Simulator,
} from './test-client';

/** Issued and uploaded lists, Get File, certificate XML and e-Aadhaar against the default seed. */

let sim: Simulator;
let token: string;
let asha: string;
let rohan: string;
let kiran: string;

beforeAll(async () => {
	sim = await startDocumentSimulator();
	[asha, rohan, kiran] = sim.users.map((u) => u.digilockerid);
	token = await accessToken(sim, { userId: asha });
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.clearFaults();
	sim.clearRequests();
});

const url = (path: string) => `${sim.baseUrl}${path}`;
const fileUrl = (uri: string) => url(`/oauth2/1/file/${encodeURIComponent(uri)}`);
const xmlUrl = (uri: string) => url(`/oauth2/1/xml/${encodeURIComponent(uri)}`);

function issuedUri(userId: string, doctype: string): string {
	const doc = sim.documents(userId).issued.find((d) => d.doctype === doctype);
	if (!doc) throw new Error(`no ${doctype} for ${userId}`);
	return doc.uri;
}

function uploadedUri(userId: string, path: string): string {
	const item = sim.documents(userId).uploaded.find((d) => d.path === path);
	if (!item) throw new Error(`no ${path} for ${userId}`);
	return item.uri;
}

describe('the default seed', () => {
	it('gives every user issued PDFs, a PNG, XML for some, and Aadhaar only when linked', () => {
		for (const user of sim.users) {
			const { issued } = sim.documents(user.digilockerid);
			const doctypes = issued.map((d) => d.doctype);
			expect(doctypes).toEqual(expect.arrayContaining(['DRVLC', 'PANCR', 'HSCER', 'VACER']));
			expect(doctypes.includes('ADHAR')).toBe(user.eaadhaar === 'Y');
			expect(issued.some((d) => d.hasXml)).toBe(true);
			expect(issued.some((d) => d.fileType === 'image/png')).toBe(true);
		}
		expect(issuedUri(asha, 'DRVLC')).toBe('in.gov.sim.transport-DRVLC-SM0120081885917');
		expect(issuedUri(asha, 'HSCER')).toMatch(/^in\.gov\.sim\.board-HSCER-2008\/\d{7}$/);
	});

	it('gives every user an uploaded tree two folders deep with files at each level', () => {
		for (const user of sim.users) {
			const paths = sim.documents(user.digilockerid).uploaded.map((d) => d.path);
			expect(paths).toEqual([
				'/notes.pdf',
				'/Documents',
				'/Documents/resume.pdf',
				'/Documents/Certificates',
				'/Documents/Certificates/degree.pdf',
				'/Documents/Certificates/award.png',
				'/Photos',
				'/Photos/passport-photo.png',
			]);
		}
		expect(sim.documents(asha).rootId).toBe('100100');
		expect(uploadedUri(asha, '/notes.pdf')).toBe('in.gov.sim.uploaded-UPLOD-100101');
	});

	it('makes every seeded file a real PDF or PNG', () => {
		for (const user of sim.users) {
			const docs = sim.documents(user.digilockerid);
			const uris = [
				...docs.issued.map((d) => d.uri),
				...docs.uploaded.filter((d) => d.uri).map((d) => d.uri),
			];
			for (const uri of uris) {
				const file = sim.readFile(uri, user.digilockerid);
				if (!file) throw new Error(`unreadable ${uri}`);
				if (file.contentType === 'application/pdf') {
					expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
					expect(file.bytes.subarray(-6).toString('latin1')).toBe('%%EOF\n');
					const startxref = Number(
						/startxref\n(\d+)\n%%EOF\n$/.exec(file.bytes.toString('latin1'))?.[1],
					);
					expect(file.bytes.subarray(startxref, startxref + 4).toString('latin1')).toBe('xref');
				} else {
					expect(file.contentType).toBe('image/png');
					expect(file.bytes.subarray(0, 8)).toEqual(
						Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
					);
					expect(file.bytes.readUInt32BE(16)).toBe(16);
				}
			}
		}
	});
});

describe('GET /oauth2/2/files/issued', () => {
	it('lists the issued documents with mime as an array', async () => {
		const res = await getWith(token, url('/oauth2/2/files/issued'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect(res.json.resource).toBe('issued');
		const items = asArray(res.json.items);
		expect(items).toEqual(
			sim.documents(asha).issued.map((d) => ({
				name: d.name,
				type: 'file',
				size: '',
				date: d.date,
				parent: '',
				mime: d.mime,
				uri: d.uri,
				doctype: d.doctype,
				description: d.description,
				issuerid: d.issuerid,
				issuer: d.issuer,
			})),
		);
		expect(items[0].mime).toEqual(['application/pdf', 'application/xml']);
	});

	it("shows only the token user's documents", async () => {
		const res = await getWith(
			await accessToken(sim, { userId: rohan }),
			url('/oauth2/2/files/issued'),
		);
		const uris = asArray(res.json.items).map((i) => i.uri);
		expect(uris).toEqual(sim.documents(rohan).issued.map((d) => d.uri));
		expect(uris).not.toContain(issuedUri(asha, 'DRVLC'));
	});

	it('legacy /oauth2/1/files/issued gives mime as one string', async () => {
		const res = await getWith(token, url('/oauth2/1/files/issued'));
		expect(res.status).toBe(200);
		const items = asArray(res.json.items);
		expect(items.map((i) => i.mime)).toEqual(sim.documents(asha).issued.map((d) => d.mime[0]));
		expect(res.json.resource).toBe('issued');
	});

	it.each(['/oauth2/2/files/issued', '/oauth2/1/files/issued'])(
		'%s answers 401 invalid_token without a valid token and 403 without files.issueddocs',
		async (path) => {
			const none = await request(url(path));
			expect(none.status).toBe(401);
			expect(none.json).toEqual({
				error: 'invalid_token',
				error_description: 'The access token is invalid',
			});
			const narrow = await accessToken(sim, { scope: 'openid userdetails files.uploadeddocs' });
			const res = await getWith(narrow, url(path));
			expect(res.status).toBe(403);
			expect(res.json).toEqual({
				error: 'insufficient_scope',
				error_description:
					'The request requires higher privileges than provided by the access token',
			});
		},
	);
});

describe('GET /oauth2/1/files/ and /oauth2/1/files/{id}', () => {
	it('lists the root folder', async () => {
		const res = await getWith(token, url('/oauth2/1/files/'));
		expect(res.status).toBe(200);
		expect(res.json.directory).toBe('/');
		const items = asArray(res.json.items);
		expect(items.map((i) => [i.name, i.type])).toEqual([
			['notes.pdf', 'file'],
			['Documents', 'dir'],
			['Photos', 'dir'],
		]);
		const notes = sim.readFile(uploadedUri(asha, '/notes.pdf'), asha);
		expect(items[0]).toEqual({
			id: '100101',
			name: 'notes.pdf',
			type: 'file',
			size: String(notes?.bytes.length),
			date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
			parent: '100100',
			mime: 'application/pdf',
			uri: 'in.gov.sim.uploaded-UPLOD-100101',
			description: '',
			issuer: '',
		});
		expect(items[1]).toMatchObject({
			id: '100102',
			type: 'dir',
			mime: '',
			uri: '',
			issuer: '',
			parent: '100100',
		});
		expect(Number(items[1].size)).toBeGreaterThan(0);
	});

	it('walks two levels of sub-folders by id', async () => {
		const root = await getWith(token, url('/oauth2/1/files/'));
		const documents = asArray(root.json.items).find((i) => i.name === 'Documents');
		const level1 = await getWith(token, url(`/oauth2/1/files/${str(documents?.id)}`));
		expect(level1.status).toBe(200);
		expect(level1.json.directory).toBe('/Documents');
		const level1Items = asArray(level1.json.items);
		expect(level1Items.map((i) => i.name)).toEqual(['resume.pdf', 'Certificates']);
		expect(level1Items.every((i) => i.parent === documents?.id)).toBe(true);

		const certificates = level1Items.find((i) => i.type === 'dir');
		const level2 = await getWith(token, url(`/oauth2/1/files/${str(certificates?.id)}`));
		expect(level2.json.directory).toBe('/Documents/Certificates');
		const level2Items = asArray(level2.json.items);
		expect(level2Items.map((i) => [i.name, i.mime])).toEqual([
			['degree.pdf', 'application/pdf'],
			['award.png', 'image/png'],
		]);
	});

	it('lists the root by its own id too', async () => {
		const res = await getWith(token, url(`/oauth2/1/files/${sim.documents(asha).rootId}`));
		expect(res.json.directory).toBe('/');
	});

	it.each([
		['an unknown id', '999999'],
		["another user's folder", 'OTHER'],
		['a non-numeric id', 'abc%20def'],
	])('answers 404 invalid_id for %s', async (_label, id) => {
		const folderId =
			id === 'OTHER' ? str(sim.documents(rohan).uploaded.find((d) => d.type === 'dir')?.id) : id;
		const res = await getWith(token, url(`/oauth2/1/files/${folderId}`));
		expect(res.status).toBe(404);
		expect(res.json).toEqual({
			error: 'invalid_id',
			error_description: 'The folder does not exist',
		});
	});

	it('answers 401 and 403 like the other resource routes', async () => {
		expect((await request(url('/oauth2/1/files/'))).status).toBe(401);
		const narrow = await accessToken(sim, { scope: 'openid files.issueddocs' });
		const res = await getWith(narrow, url('/oauth2/1/files/100102'));
		expect(res.status).toBe(403);
		expect(res.json.error).toBe('insufficient_scope');
	});

	it('does not serve /oauth2/1/files without the trailing slash', async () => {
		const res = await getWith(token, url('/oauth2/1/files'));
		expect(res.status).toBe(404);
		expect(res.json.error).toBe('not_found');
	});
});

describe('GET /oauth2/1/file/{uri}', () => {
	it('sends an issued PDF with Content-Type, Content-Length, Content-Disposition and hmac', async () => {
		const uri = issuedUri(asha, 'DRVLC');
		const res = await getWith(token, fileUrl(uri));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-length')).toBe(String(res.bytes.length));
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${uri}.pdf"`);
		expect(res.bytes).toEqual(sim.readFile(uri)?.bytes);
		expect(res.headers.get('hmac')).toBe(bodyHmac(testApp.clientSecret, res.bytes));
		expect(res.text).toContain(sim.users[0].name);
	});

	it('decodes a URL-encoded URI that contains a slash', async () => {
		const uri = issuedUri(asha, 'HSCER');
		const res = await getWith(token, fileUrl(uri));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toBe(
			`attachment; filename="${uri.replace('/', '_')}.pdf"`,
		);
		const raw = await getWith(token, url(`/oauth2/1/file/${uri}`));
		expect(raw.status).toBe(404);
	});

	it('sends an issued PNG as image/png', async () => {
		const uri = issuedUri(asha, 'VACER');
		const res = await getWith(token, fileUrl(uri));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(res.headers.get('hmac')).toBe(bodyHmac(testApp.clientSecret, res.bytes));
	});

	it.each(['/notes.pdf', '/Documents/Certificates/award.png'])(
		'sends the uploaded file %s',
		async (path) => {
			const uri = uploadedUri(asha, path);
			const res = await getWith(token, fileUrl(uri));
			expect(res.status).toBe(200);
			const stored = sim.readFile(uri, asha);
			expect(res.headers.get('content-type')).toBe(stored?.contentType);
			expect(res.bytes).toEqual(stored?.bytes);
			expect(res.headers.get('content-disposition')).toBe(
				`attachment; filename="${path.split('/').pop()}"`,
			);
			expect(res.headers.get('hmac')).toBe(bodyHmac(testApp.clientSecret, res.bytes));
		},
	);

	it("keys the hmac with the requesting app's client secret", async () => {
		const other = await accessToken(sim, { app: otherApp });
		const uri = issuedUri(asha, 'PANCR');
		const mine = await getWith(token, fileUrl(uri));
		const theirs = await getWith(other, fileUrl(uri));
		expect(theirs.bytes).toEqual(mine.bytes);
		expect(theirs.headers.get('hmac')).toBe(bodyHmac(otherApp.clientSecret, theirs.bytes));
		expect(theirs.headers.get('hmac')).not.toBe(mine.headers.get('hmac'));
	});

	it.each([
		['an unknown URI', () => 'in.gov.sim.pan-PANCR-NOPE0000N'],
		["another user's issued URI", () => issuedUri(rohan, 'PANCR')],
		["another user's uploaded URI", () => uploadedUri(kiran, '/notes.pdf')],
	])('answers 404 invalid_uri for %s', async (_label, uri) => {
		const res = await getWith(token, fileUrl(uri()));
		expect(res.status).toBe(404);
		expect(res.json).toEqual({
			error: 'invalid_uri',
			error_description: 'No file found for given URI',
		});
		expect(res.headers.get('hmac')).toBeNull();
	});

	it('answers 400 uri_missing for an empty URI', async () => {
		const res = await getWith(token, url('/oauth2/1/file/'));
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ error: 'uri_missing', error_description: 'URI parameter missing' });
	});

	it('answers 401 without a valid token', async () => {
		const res = await request(fileUrl(issuedUri(asha, 'DRVLC')));
		expect(res.status).toBe(401);
		expect(res.json.error).toBe('invalid_token');
	});

	it('needs files.issueddocs for issued and files.uploadeddocs for uploaded documents', async () => {
		const uploadedOnly = await accessToken(sim, { scope: 'openid files.uploadeddocs' });
		expect((await getWith(uploadedOnly, fileUrl(issuedUri(asha, 'DRVLC')))).json.error).toBe(
			'insufficient_scope',
		);
		expect((await getWith(uploadedOnly, fileUrl(uploadedUri(asha, '/notes.pdf')))).status).toBe(
			200,
		);
		const issuedOnly = await accessToken(sim, { scope: 'openid files.issueddocs' });
		expect((await getWith(issuedOnly, fileUrl(uploadedUri(asha, '/notes.pdf')))).status).toBe(403);
		expect((await getWith(issuedOnly, fileUrl(issuedUri(asha, 'DRVLC')))).status).toBe(200);
		const neither = await accessToken(sim, { scope: 'openid userdetails' });
		const res = await getWith(neither, fileUrl(issuedUri(asha, 'DRVLC')));
		expect(res.status).toBe(403);
		expect(res.json.error_description).toBe(
			'The request requires higher privileges than provided by the access token',
		);
	});
});

describe('GET /oauth2/1/xml/{uri}', () => {
	it('sends the certificate XML of an issued document that offers application/xml', async () => {
		const uri = issuedUri(asha, 'DRVLC');
		const res = await getWith(token, xmlUrl(uri));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/xml');
		expect(res.headers.get('content-length')).toBe(String(res.bytes.length));
		expect(res.headers.get('hmac')).toBe(bodyHmac(testApp.clientSecret, res.bytes));
		expect(res.bytes).toEqual(sim.readXml(uri));
		expect(res.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"/);
		expect(res.text).toContain('<Certificate ');
		expect(res.text).toContain('<CertificateData>');
		expect(res.text).toMatch(
			/<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">.*<SignatureValue>[A-Za-z0-9+/=]+<\/SignatureValue>/,
		);
		expect(res.text).toContain(`name="${sim.users[0].name.toUpperCase()}"`);
		expect(res.text.trim().endsWith('</Certificate>')).toBe(true);
	});

	it.each([
		['an image issued document', () => issuedUri(asha, 'VACER')],
		['an uploaded document', () => uploadedUri(asha, '/notes.pdf')],
		["another user's XML document", () => issuedUri(kiran, 'DRVLC')],
		['an unknown URI', () => 'nothing-here'],
	])('answers 404 invalid_uri for %s', async (_label, uri) => {
		const res = await getWith(token, xmlUrl(uri()));
		expect(res.status).toBe(404);
		expect(res.json).toEqual({
			error: 'invalid_uri',
			error_description: 'No file found for given URI',
		});
	});

	it('answers 400 uri_missing, 401 and 403', async () => {
		expect((await getWith(token, url('/oauth2/1/xml/'))).json.error).toBe('uri_missing');
		expect((await request(xmlUrl(issuedUri(asha, 'DRVLC')))).status).toBe(401);
		const narrow = await accessToken(sim, { scope: 'openid files.uploadeddocs' });
		expect((await getWith(narrow, xmlUrl(issuedUri(asha, 'DRVLC')))).status).toBe(403);
	});
});

describe('GET /oauth2/3/xml/eaadhaar', () => {
	it.each(['/oauth2/3/xml/eaadhaar', '/oauth2/2/xml/eaadhaar'])(
		'%s sends the Certificate-wrapped KycRes XML with an hmac',
		async (path) => {
			const res = await getWith(token, url(path));
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('application/xml');
			expect(res.headers.get('hmac')).toBe(bodyHmac(testApp.clientSecret, res.bytes));
			const xml = res.text;
			expect(xml).toMatch(/^<\?xml [^>]*\?>\n<Certificate><CertificateData><KycRes /);
			const kycRes = /<KycRes ([^>]*)>/.exec(xml)?.[1] ?? '';
			for (const attr of ['ret="Y"', 'code="', 'txn="', 'ts="', 'ttl="'])
				expect(kycRes).toContain(attr);
			expect(xml).toMatch(/<UidData [^>]*uid="x{8}\d{4}"/);
			expect(xml).toContain('<Poi dob="05-03-1990" gender="F" name="Asha Simulated Verma"/>');
			expect(xml).toMatch(/<Poa [^>]*pc="\d{6}"/);
			expect(xml).toMatch(/<Poa [^>]*state="Karnataka"/);
			expect(xml).toMatch(/<LData [^>]*lang="07"/);
			expect(xml).not.toMatch(/<Rar>|<Prn /);
			const photo = Buffer.from(str(/<Pht>([^<]+)<\/Pht>/.exec(xml)?.[1]), 'base64');
			expect([...photo.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
			expect(xml).toMatch(
				/<\/CertificateData><Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">/,
			);
			expect(xml.trim().endsWith('</Certificate>')).toBe(true);
		},
	);

	it('answers 404 aadhaar_not_linked for a user with eaadhaar N', async () => {
		const rohanToken = await accessToken(sim, { userId: rohan });
		const res = await getWith(rohanToken, url('/oauth2/3/xml/eaadhaar'));
		expect(res.status).toBe(404);
		expect(res.json).toEqual({
			error: 'aadhaar_not_linked',
			error_description: 'Aadhaar is not linked to the account',
		});
	});

	it('answers 401 and 403, and /oauth2/1/xml/eaadhaar is just an unknown URI', async () => {
		expect((await request(url('/oauth2/3/xml/eaadhaar'))).status).toBe(401);
		const narrow = await accessToken(sim, { scope: 'openid userdetails' });
		expect((await getWith(narrow, url('/oauth2/3/xml/eaadhaar'))).status).toBe(403);
		expect((await getWith(token, url('/oauth2/1/xml/eaadhaar'))).json.error).toBe('invalid_uri');
	});
});

describe('routing of the document paths', () => {
	it('answers 405 for a wrong method and treats GET /file/upload as a URI', async () => {
		const post = await request(fileUrl('x'), { method: 'POST' });
		expect(post.status).toBe(405);
		expect(post.headers.get('allow')).toBe('GET');
		const get = await getWith(token, url('/oauth2/1/file/upload'));
		expect(get.status).toBe(404);
		expect(get.json.error).toBe('invalid_uri');
		const put = await request(url('/oauth2/1/file/upload'), { method: 'PUT' });
		expect(put.status).toBe(405);
		expect(put.headers.get('allow')).toBe('POST, GET');
	});

	it('records requests to document routes', async () => {
		await getWith(token, fileUrl(issuedUri(asha, 'HSCER')));
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0].path).toBe(
			`/public/oauth2/1/file/${encodeURIComponent(issuedUri(asha, 'HSCER'))}`,
		);
		expect(sim.requests[0].bodySize).toBe(0);
		expect(asRecord(sim.requests[0].headers).authorization).toBe(`Bearer ${token}`);
	});
});

describe('seeded documents', () => {
	const meera = () => ({
		...sim.users[0],
		digilockerid: '0f3c2a9e-5b1d-4c8e-9a7f-2d6b8e4c1a30',
		name: 'Meera Example Shah',
		dob: '12081992',
	});

	it('lets a seeded user bring its own issued and uploaded documents and address', async () => {
		const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
		const custom = await startDocumentSimulator({
			users: [
				{
					...meera(),
					issued: [
						{
							uri: 'in.gov.sim.board-SSCER-2008/7777777',
							name: 'Class X Marksheet',
							doctype: 'SSCER',
							issuerid: 'in.gov.sim.board',
							issuer: 'Simulated School Board',
							mime: ['application/pdf', 'application/xml'],
							fixture: 'sample.pdf',
							fields: { roll_no: '7777777' },
						},
						{
							uri: 'in.gov.sim.photo-PHOTO-1',
							name: 'Photo',
							doctype: 'PHOTO',
							issuerid: 'in.gov.sim.photo',
							issuer: 'Simulated Photo Office',
							mime: ['image/jpeg'],
							contentBase64: jpeg.toString('base64'),
						},
					],
					uploaded: [
						{
							type: 'dir',
							name: 'Only',
							children: [{ type: 'file', name: 'a.png', mime: 'image/png' }],
						},
					],
					address: { state: 'Goa', pc: '403001' },
				},
			],
		});
		try {
			const customToken = await accessToken(custom);
			const docs = custom.documents();
			expect(docs.issued.map((d) => [d.uri, d.fileType, d.hasXml])).toEqual([
				['in.gov.sim.board-SSCER-2008/7777777', 'application/pdf', true],
				['in.gov.sim.photo-PHOTO-1', 'image/jpeg', false],
			]);
			expect(docs.uploaded.map((d) => d.path)).toEqual(['/Only', '/Only/a.png']);
			const fixture = await getWith(
				customToken,
				`${custom.baseUrl}/oauth2/1/file/${encodeURIComponent(docs.issued[0].uri)}`,
			);
			expect(fixture.text).toContain('Sample fixture PDF');
			const photo = await getWith(
				customToken,
				`${custom.baseUrl}/oauth2/1/file/in.gov.sim.photo-PHOTO-1`,
			);
			expect(photo.headers.get('content-type')).toBe('image/jpeg');
			expect(photo.bytes).toEqual(jpeg);
			const xml = await getWith(
				customToken,
				`${custom.baseUrl}/oauth2/1/xml/${encodeURIComponent(docs.issued[0].uri)}`,
			);
			expect(xml.text).toContain('<Field name="roll_no" value="7777777"/>');
			const kyc = await getWith(customToken, `${custom.baseUrl}/oauth2/3/xml/eaadhaar`);
			expect(kyc.text).toMatch(/<Poa [^>]*pc="403001"[^>]*state="Goa"/);
			expect(custom.serverErrors).toEqual([]);
		} finally {
			await custom.stop();
		}
	});

	it.each([
		['an issued document without uri', { issued: [{ name: 'x' }] }],
		['a JPEG without content', { uploaded: [{ type: 'file', name: 'a.jpg', mime: 'image/jpeg' }] }],
		[
			'duplicate uploaded names',
			{
				uploaded: [
					{ type: 'dir', name: 'A' },
					{ type: 'dir', name: 'A' },
				],
			},
		],
	])('rejects %s', async (_label, extra) => {
		await expect(
			startDocumentSimulator({ users: [{ ...meera(), ...extra } as ReturnType<typeof meera>] }),
		).rejects.toThrow(/simulator: /);
	});
});

it('never needed a 500 for its own bugs', () => {
	expect(sim.serverErrors).toEqual([]);
});
