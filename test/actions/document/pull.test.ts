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

const fields = (pairs: Record<string, string>) => ({
	field: Object.entries(pairs).map(([name, value]) => ({ name, value })),
});
const pull = (orgid: string, doctype: string, issuerFields: Record<string, string>) =>
	runDocumentNode(sim, {
		resource: 'document',
		operation: 'pull',
		accessToken,
		orgid,
		doctype,
		issuerFields: fields(issuerFields),
	});

describe('document › pull', () => {
	it('pulls a document into Issued Documents, sending consent=Y and the issuer fields as a form', async () => {
		const run = await pull('001891', 'RVCER', { reg_no: 'SM01AB1234', chasis_no: '56789' });
		expect(dataOf(run)).toEqual([
			{ uri: 'in.gov.sim.transport-RVCER-SM01AB1234', orgid: '001891', doctype: 'RVCER' },
		]);
		const [request] = requestsTo(sim, '/pull/pulldocument');
		expect(request.form).toEqual({
			orgid: '001891',
			doctype: 'RVCER',
			consent: 'Y',
			reg_no: 'SM01AB1234',
			chasis_no: '56789',
		});
	});

	it.each([
		[
			'a document already pulled',
			'001891',
			'RVCER',
			{ reg_no: 'SM01AB1234', chasis_no: '56789' },
			'uri_exists',
		],
		['an unknown issuer', '999999', 'RVCER', { reg_no: 'x' }, 'invalid_orgid'],
		['an unknown document type', '001891', 'XXXXX', { reg_no: 'x' }, 'invalid_doctype'],
		[
			'a request the issuer must check by hand',
			'001891',
			'RVCER',
			{ reg_no: 'SM02CD5678', chasis_no: '24680' },
			'pull_response_pending',
		],
	])(
		"answers %s with DigiLocker's error code, sent once",
		async (_case, orgid, doctype, issuerFields, upstreamCode) => {
			if (upstreamCode === 'uri_exists') await pull(orgid, doctype, issuerFields);
			sim.clearRequests();
			const run = await pull(orgid, doctype, issuerFields);
			expect(errorOf(run)).toMatchObject({
				code: 'UPSTREAM_ERROR',
				status: 400,
				upstream: { error: upstreamCode },
			});
			expect(requestsTo(sim, '/pull/pulldocument')).toHaveLength(1);
		},
	);

	it('answers a record the issuer does not have with NOT_FOUND', async () => {
		const run = await pull('001891', 'RVCER', { reg_no: 'NOPE', chasis_no: '0' });
		expect(errorOf(run)).toMatchObject({
			code: 'NOT_FOUND',
			upstream: { error: 'record_not_found' },
		});
	});

	it('is never sent twice, not even after a 503', async () => {
		sim.setFault('pull', { type: 'status', status: 503 });
		const run = await pull('001891', 'RVCER', { reg_no: 'SM01AB1234', chasis_no: '56789' });
		expect(errorOf(run)).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503 });
		expect(requestsTo(sim, '/pull/pulldocument')).toHaveLength(1);
	});

	it.each([
		['a reserved field name', { consent: 'N' }, 'Issuer field "consent" is set by the node itself'],
		[
			'a field name with symbols',
			{ 'reg-no': 'x' },
			'Issuer field 1 name must be a parameter name (letters, digits, _)',
		],
		['an empty value', { reg_no: ' ' }, 'Issuer field "reg_no" is required'],
		[
			'a value with a line break',
			{ reg_no: 'a\r\nb' },
			'Issuer field "reg_no" contains control characters (such as a line break)',
		],
	])('refuses %s before sending anything', async (_case, issuerFields, message) => {
		const run = await pull('001891', 'RVCER', issuerFields);
		expect(errorOf(run)).toEqual({ code: 'VALIDATION_ERROR', message });
		expect(requestsTo(sim, '/pull/pulldocument')).toHaveLength(0);
	});
});
