import { createHash } from 'crypto';

import { otherApp, testApp } from '../fixtures';
import { metaHmac } from './meta-hmac';
import {
	accessToken,
	asArray,
	bearer,
	getWith,
	postForm,
	startDocumentSimulator,
	str,
	type Simulator,
} from './test-client';

/** The meta APIs (issuers, doctype, parameters) and Pull Document. */

let sim: Simulator;
let clock = Date.now();

beforeAll(async () => {
	sim = await startDocumentSimulator({ now: () => clock });
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	clock = Date.now();
	sim.clearFaults();
	sim.clearRequests();
});

const url = (path: string) => `${sim.baseUrl}${path}`;
const nowTs = () => String(Math.floor(clock / 1000));

describe('metaHmac()', () => {
	it('is the lower-case hex SHA-256 of secret + clientid + orgid + doctype + ts', () => {
		const expected = createHash('sha256')
			.update(`${testApp.clientSecret}${testApp.clientId}001891DRVLC1700000000`)
			.digest('hex');
		expect(
			metaHmac({
				clientSecret: testApp.clientSecret,
				clientId: testApp.clientId,
				orgid: '001891',
				doctype: 'DRVLC',
				ts: 1700000000,
			}),
		).toBe(expected);
		expect(
			metaHmac({
				clientSecret: testApp.clientSecret,
				clientId: testApp.clientId,
				ts: '1700000000',
			}),
		).toBe(
			createHash('sha256')
				.update(`${testApp.clientSecret}${testApp.clientId}1700000000`)
				.digest('hex'),
		);
	});
});

function metaForm(
	extra: { orgid?: string; doctype?: string } = {},
	app = testApp,
): Record<string, string> {
	const ts = nowTs();
	return {
		clientid: app.clientId,
		...extra,
		ts,
		hmac: metaHmac({ clientSecret: app.clientSecret, clientId: app.clientId, ...extra, ts }),
	};
}

describe('POST /oauth2/1/pull/issuers', () => {
	it('lists the issuers', async () => {
		const res = await postForm(url('/oauth2/1/pull/issuers'), metaForm());
		expect(res.status).toBe(200);
		const issuers = asArray(res.json.issuers);
		expect(issuers).toEqual(
			sim.issuers.map((i) => ({
				orgid: i.orgid,
				issuerid: i.issuerid,
				name: i.name,
				description: i.description,
				categories: i.categories,
			})),
		);
		expect(issuers.map((i) => i.orgid)).toEqual(['001891', '002345', '003456']);
	});

	it('works for any registered app with its own secret', async () => {
		expect((await postForm(url('/oauth2/1/pull/issuers'), metaForm({}, otherApp))).status).toBe(
			200,
		);
	});
});

describe('POST /oauth2/1/pull/doctype', () => {
	it("lists an issuer's document types", async () => {
		const res = await postForm(url('/oauth2/1/pull/doctype'), metaForm({ orgid: '001891' }));
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			documents: [
				{ doctype: 'DRVLC', description: 'Driving Licence' },
				{ doctype: 'RVCER', description: 'Registration of Vehicles' },
			],
		});
	});

	it('answers 400 invalid_parameter for an unknown orgid', async () => {
		const res = await postForm(url('/oauth2/1/pull/doctype'), metaForm({ orgid: '999999' }));
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'invalid_parameter',
			error_description: 'The orgid parameter is missing or invalid',
		});
	});

	it('rejects the 3-part hmac (without orgid)', async () => {
		const ts = nowTs();
		const res = await postForm(url('/oauth2/1/pull/doctype'), {
			clientid: testApp.clientId,
			orgid: '001891',
			ts,
			hmac: metaHmac({ clientSecret: testApp.clientSecret, clientId: testApp.clientId, ts }),
		});
		expect(res.status).toBe(400);
		expect(res.json.error_description).toBe('HMAC parameter is missing or invalid');
	});
});

describe('POST /oauth2/1/pull/parameters', () => {
	it('lists the search parameters of a document type', async () => {
		const res = await postForm(
			url('/oauth2/1/pull/parameters'),
			metaForm({ orgid: '003456', doctype: 'SSCER' }),
		);
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			parameters: [
				{ label: 'Roll Number', paramname: 'rroll', example: '1234567', valuelist: null },
				{
					label: 'Year of Passing',
					paramname: 'year',
					example: '2006',
					valuelist: '2004,2005,2006,2007,2008,2009,2010',
				},
			],
		});
	});

	it.each([
		[
			'an unknown doctype',
			{ orgid: '003456', doctype: 'NOPE1' },
			'The doctype parameter is missing or invalid',
		],
		[
			'a doctype of another issuer',
			{ orgid: '003456', doctype: 'DRVLC' },
			'The doctype parameter is missing or invalid',
		],
		[
			'an unknown orgid',
			{ orgid: '000000', doctype: 'SSCER' },
			'The orgid parameter is missing or invalid',
		],
	])('answers 400 invalid_parameter for %s', async (_label, extra, description) => {
		const res = await postForm(url('/oauth2/1/pull/parameters'), metaForm(extra));
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ error: 'invalid_parameter', error_description: description });
	});
});

describe('meta API authentication', () => {
	it.each([
		['an unknown clientid', { clientid: 'NOPE' }],
		['no clientid', { clientid: '' }],
	])('answers 401 invalid_client_id for %s', async (_label, override) => {
		const res = await postForm(url('/oauth2/1/pull/issuers'), { ...metaForm(), ...override });
		expect(res.status).toBe(401);
		expect(res.json).toEqual({
			error: 'invalid_client_id',
			error_description: 'The client_id parameter is invalid',
		});
	});

	it('answers 405 to GET and 401 to a JSON body (no form fields)', async () => {
		const res = await getWith('x', url('/oauth2/1/pull/issuers'));
		expect(res.status).toBe(405);
		const json = await fetch(url('/oauth2/1/pull/issuers'), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(metaForm()),
		});
		expect(json.status).toBe(401);
	});

	it.each([
		['a missing ts', (f: Record<string, string>) => ({ ...f, ts: '' }), 'Timestamp'],
		['a non-numeric ts', (f: Record<string, string>) => ({ ...f, ts: 'yesterday' }), 'Timestamp'],
		['a missing hmac', (f: Record<string, string>) => ({ ...f, hmac: '' }), 'HMAC'],
		['a wrong hmac', (f: Record<string, string>) => ({ ...f, hmac: '0'.repeat(64) }), 'HMAC'],
		[
			'an upper-case hex hmac',
			(f: Record<string, string>) => ({ ...f, hmac: f.hmac.toUpperCase() }),
			'HMAC',
		],
		[
			'a keyed HMAC instead of the plain hash',
			(f: Record<string, string>) => ({
				...f,
				hmac: createHash('sha256').update(f.hmac).digest('hex'),
			}),
			'HMAC',
		],
	])('answers 400 invalid_parameter for %s', async (_label, change, word) => {
		const res = await postForm(url('/oauth2/1/pull/issuers'), change(metaForm()));
		expect(res.status).toBe(400);
		expect(res.json.error).toBe('invalid_parameter');
		expect(str(res.json.error_description)).toContain(word);
	});

	it('accepts ts up to 30 minutes old and rejects older', async () => {
		const form = metaForm();
		clock += 30 * 60 * 1000;
		expect((await postForm(url('/oauth2/1/pull/issuers'), form)).status).toBe(200);
		clock += 2000;
		const res = await postForm(url('/oauth2/1/pull/issuers'), form);
		expect(res.status).toBe(400);
		expect(res.json.error_description).toBe('Timestamp parameter is missing or invalid');
	});

	it('names every missing or invalid field', async () => {
		const res = await postForm(url('/oauth2/1/pull/parameters'), { clientid: testApp.clientId });
		expect(res.status).toBe(400);
		expect(res.json.error_description).toBe(
			'The orgid parameter is missing or invalid; The doctype parameter is missing or invalid; ' +
				'Timestamp parameter is missing or invalid; HMAC parameter is missing or invalid',
		);
	});
});

describe('POST /oauth2/1/pull/pulldocument', () => {
	const pullUrl = () => url('/oauth2/1/pull/pulldocument');
	const rvcer = {
		orgid: '001891',
		doctype: 'RVCER',
		consent: 'Y',
		reg_no: 'SM01AB1234',
		chasis_no: '56789',
	};

	async function issuedUris(token: string): Promise<unknown[]> {
		const res = await getWith(token, url('/oauth2/2/files/issued'));
		return asArray(res.json.items).map((i) => i.uri);
	}

	it('saves a found document to Issued Documents, then says uri_exists', async () => {
		const userId = sim.users[0].digilockerid;
		const token = await accessToken(sim, { userId });
		const res = await postForm(pullUrl(), rvcer, bearer(token));
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ uri: 'in.gov.sim.transport-RVCER-SM01AB1234' });
		expect(await issuedUris(token)).toContain('in.gov.sim.transport-RVCER-SM01AB1234');
		const pulled = sim.documents(userId).issued.find((d) => d.doctype === 'RVCER');
		expect(pulled).toMatchObject({
			name: 'Registration of Vehicles',
			issuer: 'Simulated Transport Department',
			issuerid: 'in.gov.sim.transport',
			mime: ['application/pdf', 'application/xml'],
		});
		const file = await getWith(
			token,
			url(`/oauth2/1/file/${encodeURIComponent(str(res.json.uri))}`),
		);
		expect(file.status).toBe(200);
		expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const xml = await getWith(token, url(`/oauth2/1/xml/${encodeURIComponent(str(res.json.uri))}`));
		expect(xml.text).toContain('SM01AB1234');

		const again = await postForm(pullUrl(), rvcer, bearer(token));
		expect(again.status).toBe(400);
		expect(again.json).toEqual({
			error: 'uri_exists',
			error_description: 'This document already exists in your Issued Documents.',
		});
	});

	it('matches values trimmed and case-insensitively, per user', async () => {
		const token = await accessToken(sim, { userId: sim.users[2].digilockerid });
		const res = await postForm(pullUrl(), { ...rvcer, reg_no: ' sm01ab1234 ' }, bearer(token));
		expect(res.status).toBe(200);
		expect(res.json.uri).toBe('in.gov.sim.transport-RVCER-SM01AB1234');
	});

	it("says uri_exists for the user's own seeded licence", async () => {
		const user = sim.users[1];
		const record = sim.pullRecords.find(
			(r) => r.doctype === 'DRVLC' && r.values.dob === '17-11-1985',
		);
		expect(record).toBeDefined();
		const token = await accessToken(sim, { userId: user.digilockerid });
		const res = await postForm(
			pullUrl(),
			{ orgid: '001891', doctype: 'DRVLC', consent: 'Y', ...record?.values },
			bearer(token),
		);
		expect(res.status).toBe(400);
		expect(res.json.error).toBe('uri_exists');
	});

	it.each([
		[
			'an unknown orgid',
			{ orgid: '999999' },
			400,
			'invalid_orgid',
			'The orgid parameter is missing or invalid.',
		],
		[
			'a missing orgid',
			{ orgid: '' },
			400,
			'invalid_orgid',
			'The orgid parameter is missing or invalid.',
		],
		[
			'an unknown doctype',
			{ doctype: 'XXXXX' },
			400,
			'invalid_doctype',
			'The doctype parameter is missing or invalid.',
		],
		[
			'consent=N',
			{ consent: 'N' },
			400,
			'invalid_parameter',
			'The consent parameter is missing or invalid',
		],
		[
			'no consent',
			{ consent: '' },
			400,
			'invalid_parameter',
			'The consent parameter is missing or invalid',
		],
		[
			'a missing search parameter',
			{ chasis_no: '' },
			400,
			'invalid_parameter',
			'The chasis_no parameter is missing or invalid',
		],
		[
			'values that match no record',
			{ chasis_no: '00000' },
			404,
			'record_not_found',
			'No record found in issuer database for given criteria. Please check the details and try again. If problem persists, see the FAQ section for possible causes.',
		],
	])('answers %s with %i %s', async (_label, override, status, error, description) => {
		const token = await accessToken(sim, { userId: sim.users[1].digilockerid });
		const res = await postForm(pullUrl(), { ...rvcer, ...override }, bearer(token));
		expect(res.status).toBe(status);
		expect(res.json).toEqual({ error, error_description: description });
	});

	it('answers pull_response_pending for a record the issuer must check by hand', async () => {
		const token = await accessToken(sim);
		const res = await postForm(
			pullUrl(),
			{ ...rvcer, reg_no: 'SM02CD5678', chasis_no: '24680' },
			bearer(token),
		);
		expect(res.status).toBe(400);
		expect(res.json.error).toBe('pull_response_pending');
	});

	it('answers aadhaar_not_linked for a board document and a user without e-Aadhaar', async () => {
		const sscer = {
			orgid: '003456',
			doctype: 'SSCER',
			consent: 'Y',
			rroll: '1234567',
			year: '2006',
		};
		const rohan = await accessToken(sim, { userId: sim.users[1].digilockerid });
		const res = await postForm(pullUrl(), sscer, bearer(rohan));
		expect(res.status).toBe(400);
		expect(res.json.error).toBe('aadhaar_not_linked');
		const kiran = await accessToken(sim, { userId: sim.users[2].digilockerid });
		const ok = await postForm(pullUrl(), sscer, bearer(kiran));
		expect(ok.json).toEqual({ uri: 'in.gov.sim.board-SSCER-2006/1234567' });
	});

	it('answers 401 without a token and 403 without files.issueddocs', async () => {
		expect((await postForm(pullUrl(), rvcer)).status).toBe(401);
		const narrow = await accessToken(sim, { scope: 'openid files.uploadeddocs' });
		const res = await postForm(pullUrl(), rvcer, bearer(narrow));
		expect(res.status).toBe(403);
		expect(res.json.error).toBe('insufficient_scope');
	});
});

it('never needed a 500 for its own bugs', () => {
	expect(sim.serverErrors).toEqual([]);
});
