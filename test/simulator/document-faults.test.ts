import { testApp } from '../fixtures';
import { bodyHmac, startSimulator } from './index';
import { metaHmac } from './meta-hmac';
import {
	accessToken,
	asArray,
	bearer,
	getWith,
	postForm,
	request,
	startDocumentSimulator,
	type Simulator,
} from './test-client';

/** Fault injection on the document routes, and the largeFiles option. */

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
});

const url = (path: string) => `${sim.baseUrl}${path}`;
const firstUri = (doctype: string) => {
	const doc = sim.documents().issued.find((d) => d.doctype === doctype);
	if (!doc) throw new Error(`no ${doctype}`);
	return doc.uri;
};
const fileUrl = (uri: string) => url(`/oauth2/1/file/${encodeURIComponent(uri)}`);

function metaForm(): Record<string, string> {
	const ts = String(Math.floor(Date.now() / 1000));
	return {
		clientid: testApp.clientId,
		ts,
		hmac: metaHmac({ clientSecret: testApp.clientSecret, clientId: testApp.clientId, ts }),
	};
}

describe('route keys', () => {
	it.each(['issued', 'uploaded', 'file', 'xml', 'eaadhaar', 'pull', 'meta', 'upload'])(
		"accepts faults on '%s' and answers its routes with them",
		(key) => {
			expect(() => sim.setFault(key, { type: 'status', status: 503 })).not.toThrow();
		},
	);

	it.each([
		['issued', () => getWith(token, url('/oauth2/2/files/issued'))],
		['issued', () => getWith(token, url('/oauth2/1/files/issued'))],
		['uploaded', () => getWith(token, url('/oauth2/1/files/'))],
		['uploaded', () => getWith(token, url('/oauth2/1/files/100102'))],
		['file', () => getWith(token, fileUrl(firstUri('DRVLC')))],
		['xml', () => getWith(token, url(`/oauth2/1/xml/${encodeURIComponent(firstUri('DRVLC'))}`))],
		['eaadhaar', () => getWith(token, url('/oauth2/3/xml/eaadhaar'))],
		['eaadhaar', () => getWith(token, url('/oauth2/2/xml/eaadhaar'))],
		['pull', () => postForm(url('/oauth2/1/pull/pulldocument'), { orgid: '1' }, bearer(token))],
		['meta', () => postForm(url('/oauth2/1/pull/issuers'), metaForm())],
		['meta', () => postForm(url('/oauth2/1/pull/doctype'), metaForm())],
		['meta', () => postForm(url('/oauth2/1/pull/parameters'), metaForm())],
		[
			'upload',
			() =>
				request(url('/oauth2/1/file/upload'), {
					method: 'POST',
					headers: bearer(token),
					body: 'x',
				}),
		],
	])("a status fault on '%s' covers its route", async (key, call) => {
		sim.setFault(key, {
			type: 'status',
			status: 503,
			body: { error: 'repository_service_inactive', error_description: 'Internal server error' },
			times: 1,
		});
		const res = await call();
		expect(res.status).toBe(503);
		expect(res.json.error).toBe('repository_service_inactive');
		expect((await call()).status).not.toBe(503);
	});

	it("'*' covers the document routes too", async () => {
		sim.setFault('*', { type: 'status', status: 530 });
		expect((await getWith(token, fileUrl(firstUri('DRVLC')))).status).toBe(530);
		expect((await getWith(token, url('/oauth2/2/files/issued'))).status).toBe(530);
	});

	it('rejects malformed wrong-hmac faults like any other', () => {
		expect(() => sim.setFault('file', { type: 'wrong-hmac', times: 0 })).toThrow();
	});
});

describe('wrong-hmac', () => {
	it.each([
		['file', () => fileUrl(firstUri('DRVLC'))],
		['xml', () => url(`/oauth2/1/xml/${encodeURIComponent(firstUri('DRVLC'))}`)],
		['eaadhaar', () => url('/oauth2/3/xml/eaadhaar')],
	])(
		"on '%s' sends the right body with a wrong hmac, for `times` requests",
		async (key, target) => {
			sim.setFault(key, { type: 'wrong-hmac', times: 1 });
			const bad = await getWith(token, target());
			expect(bad.status).toBe(200);
			const hmac = bad.headers.get('hmac');
			expect(hmac).toMatch(/^[A-Za-z0-9+/]{43}=$/);
			expect(hmac).not.toBe(bodyHmac(testApp.clientSecret, bad.bytes));
			const good = await getWith(token, target());
			expect(good.headers.get('hmac')).toBe(bodyHmac(testApp.clientSecret, good.bytes));
			if (key === 'file') expect(good.bytes).toEqual(bad.bytes);
		},
	);

	it('leaves JSON routes alone', async () => {
		sim.setFault('*', { type: 'wrong-hmac' });
		const res = await getWith(token, url('/oauth2/2/files/issued'));
		expect(res.status).toBe(200);
		expect(asArray(res.json.items).length).toBeGreaterThan(0);
	});
});

describe('no-hmac', () => {
	it.each([
		['file', () => fileUrl(firstUri('DRVLC'))],
		['xml', () => url(`/oauth2/1/xml/${encodeURIComponent(firstUri('DRVLC'))}`)],
		['eaadhaar', () => url('/oauth2/3/xml/eaadhaar')],
	])(
		"on '%s' sends the right body without an hmac header, for `times` requests",
		async (key, target) => {
			sim.setFault(key, { type: 'no-hmac', times: 1 });
			const bare = await getWith(token, target());
			expect(bare.status).toBe(200);
			expect(bare.headers.get('hmac')).toBeNull();
			const good = await getWith(token, target());
			expect(good.headers.get('hmac')).toBe(bodyHmac(testApp.clientSecret, good.bytes));
			if (key === 'file') expect(good.bytes).toEqual(bare.bytes);
		},
	);
});

describe('json-200', () => {
	it('answers HTTP 200 with the given body, on any route', async () => {
		sim.setFault('user', { type: 'json-200', body: { error: 'invalid_token' }, times: 1 });
		const res = await getWith(token, url('/oauth2/1/user'));
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ error: 'invalid_token' });
	});

	it('needs a body', () => {
		expect(() => sim.setFault('user', { type: 'json-200' } as never)).toThrow(
			'simulator: json-200 fault needs a body object',
		);
	});
});

describe('truncated on binary routes', () => {
	it('sends the real headers and half the bytes, then closes', async () => {
		sim.setFault('file', { type: 'truncated', times: 1 });
		const uri = firstUri('DRVLC');
		const size = sim.readFile(uri)?.bytes.length;
		const res = await fetch(fileUrl(uri), { headers: bearer(token) });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-length')).toBe(String(size));
		expect(res.headers.get('hmac')).toBeTruthy();
		await expect(res.arrayBuffer()).rejects.toThrow();
		const after = await getWith(token, fileUrl(uri));
		expect(after.bytes.length).toBe(size);
	});

	it('truncates an error response the same way', async () => {
		sim.setFault('file', { type: 'truncated' });
		const res = await fetch(fileUrl('nope'), { headers: bearer(token) });
		expect(res.status).toBe(404);
		await expect(res.text()).rejects.toThrow();
	});

	it('still sends the old truncated JSON on JSON routes', async () => {
		sim.setFault('issued', { type: 'truncated' });
		const res = await fetch(url('/oauth2/2/files/issued'), { headers: bearer(token) });
		expect(res.status).toBe(200);
		await expect(res.text()).rejects.toThrow();
	});
});

describe('latency, reset and the other old faults on document routes', () => {
	it('latency delays a file, then sends it whole', async () => {
		sim.setFault('file', { type: 'latency', ms: 250, times: 1 });
		const started = Date.now();
		const res = await getWith(token, fileUrl(firstUri('PANCR')));
		expect(Date.now() - started).toBeGreaterThanOrEqual(230);
		expect(res.status).toBe(200);
		expect(res.headers.get('hmac')).toBe(bodyHmac(testApp.clientSecret, res.bytes));
	});

	it('reset kills an upload without a response', async () => {
		sim.setFault('upload', { type: 'reset', times: 1 });
		await expect(
			fetch(url('/oauth2/1/file/upload'), { method: 'POST', headers: bearer(token), body: 'x' }),
		).rejects.toThrow();
	});

	it('html answers a file request with a maintenance page', async () => {
		sim.setFault('file', { type: 'html', times: 1 });
		const res = await getWith(token, fileUrl(firstUri('PANCR')));
		expect(res.headers.get('content-type')).toContain('text/html');
	});
});

describe('largeFiles', () => {
	it('seeds generated PDFs of the exact size, streamed with a correct hmac', async () => {
		const size = 2 * 1024 * 1024 + 123;
		const big = await startSimulator({ largeFiles: { count: 3, sizeBytes: size } });
		try {
			const app = big.apps[0];
			const bigToken = await accessToken(big, {
				app: {
					clientId: app.clientId,
					clientSecret: app.clientSecret,
					redirectUri: app.redirectUris[0],
				},
			});
			const bulk = big.documents().issued.filter((d) => d.doctype === 'BLKPD');
			expect(bulk.map((d) => d.uri)).toEqual([
				'in.gov.sim.bulk-BLKPD-000001',
				'in.gov.sim.bulk-BLKPD-000002',
				'in.gov.sim.bulk-BLKPD-000003',
			]);
			expect(bulk.every((d) => d.size === size)).toBe(true);
			const bodies: Buffer[] = [];
			for (const doc of bulk.slice(0, 2)) {
				const res = await getWith(
					bigToken,
					`${big.baseUrl}/oauth2/1/file/${encodeURIComponent(doc.uri)}`,
				);
				expect(res.status).toBe(200);
				expect(res.headers.get('content-length')).toBe(String(size));
				expect(res.bytes.length).toBe(size);
				expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
				expect(res.bytes.subarray(-6).toString('latin1')).toBe('%%EOF\n');
				expect(res.headers.get('hmac')).toBe(bodyHmac(app.clientSecret, res.bytes));
				expect(res.bytes.equals(big.readFile(doc.uri)?.bytes ?? Buffer.alloc(0))).toBe(true);
				bodies.push(res.bytes);
			}
			expect(bodies[0].equals(bodies[1])).toBe(false);

			big.setFault('file', { type: 'truncated', times: 1 });
			const cut = await fetch(`${big.baseUrl}/oauth2/1/file/${encodeURIComponent(bulk[2].uri)}`, {
				headers: bearer(bigToken),
			});
			expect(cut.headers.get('content-length')).toBe(String(size));
			await expect(cut.arrayBuffer()).rejects.toThrow();
			expect(big.serverErrors).toEqual([]);
		} finally {
			await big.stop();
		}
	});

	it('can put them in the uploaded folder /Bulk of a chosen user, with hmacs computed up front', async () => {
		const userId = '8cd3ebc4-e08b-44fd-bf9c-0c269a47134c';
		const big = await startSimulator({
			largeFiles: { count: 2, sizeBytes: 4096, userId, target: 'uploaded', precomputeHmac: true },
		});
		try {
			const paths = big.documents(userId).uploaded.filter((d) => d.path.startsWith('/Bulk'));
			expect(paths.map((d) => [d.path, d.size])).toEqual([
				['/Bulk', 8192],
				['/Bulk/bulk-000001.pdf', 4096],
				['/Bulk/bulk-000002.pdf', 4096],
			]);
			expect(big.documents().uploaded.some((d) => d.path === '/Bulk')).toBe(false);
		} finally {
			await big.stop();
		}
	});

	it('takes one size per file', async () => {
		const big = await startSimulator({ largeFiles: { count: 2, sizeBytes: [4096, 5000] } });
		try {
			const bulk = big.documents().issued.filter((d) => d.doctype === 'BLKPD');
			expect(bulk.map((d) => d.size)).toEqual([4096, 5000]);
			expect(big.readFile(bulk[1].uri)?.bytes.length).toBe(5000);
		} finally {
			await big.stop();
		}
	});

	it.each([
		[{ count: 2, sizeBytes: [4096] }],
		[{ count: 1, sizeBytes: [0] }],
		[{ count: -1, sizeBytes: 1000 }],
		[{ count: 1.5, sizeBytes: 1000 }],
		[{ count: 1, sizeBytes: 0 }],
		[{ count: 1, sizeBytes: 100 }],
		[{ count: 1, sizeBytes: 1000, userId: '00000000-0000-0000-0000-000000000000' }],
	])('rejects %j', async (largeFiles) => {
		await expect(startSimulator({ largeFiles })).rejects.toThrow(/simulator: /);
	});
});

it('never needed a 500 for its own bugs', () => {
	expect(sim.serverErrors).toEqual([]);
});
