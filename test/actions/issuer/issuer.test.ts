import {
	dataOf,
	errorOf,
	requestsTo,
	runDocumentNode,
	useSimulatorWithUser,
	type Simulator,
} from '../documentFlow';

let sim: Simulator;
useSimulatorWithUser((session) => ({ sim } = session));

const issuer = (operation: string, parameters: Record<string, unknown> = {}) =>
	runDocumentNode(sim, { resource: 'issuer', operation, ...parameters } as never);

describe('issuer', () => {
	it('getAll lists the issuers, one item each, with a signed form and no user token', async () => {
		const run = await issuer('getAll');
		expect(dataOf(run).map((entry) => entry.orgid)).toEqual(
			sim.issuers.map((entry: { orgid: string }) => entry.orgid),
		);
		const [request] = requestsTo(sim, '/pull/issuers');
		expect(Object.keys(request.form ?? {}).sort()).toEqual(['clientid', 'hmac', 'ts']);
		expect(request.headers.authorization).toBeUndefined();
	});

	it("getDocumentTypes lists one issuer's document types", async () => {
		const run = await issuer('getDocumentTypes', { orgid: '001891' });
		expect(
			dataOf(run)
				.map((entry) => entry.doctype)
				.sort(),
		).toEqual(['DRVLC', 'RVCER']);
	});

	it('getParameters lists the fields to pull a document type, or all in one item', async () => {
		const run = await issuer('getParameters', {
			orgid: '001891',
			doctype: 'RVCER',
			splitIntoItems: false,
		});
		expect(dataOf(run)).toEqual([
			{ orgid: '001891', doctype: 'RVCER', count: 2, items: expect.any(Array) },
		]);
		expect(
			(dataOf(run)[0].items as Array<{ paramname: string }>).map((entry) => entry.paramname).sort(),
		).toEqual(['chasis_no', 'reg_no']);
	});

	it("answers an unknown issuer with DigiLocker's invalid_parameter", async () => {
		const run = await issuer('getDocumentTypes', { orgid: '999999' });
		expect(errorOf(run)).toMatchObject({ upstream: { error: 'invalid_parameter' } });
	});

	it('refuses an orgid that is not one before sending anything', async () => {
		const run = await issuer('getDocumentTypes', { orgid: '00/1891' });
		expect(errorOf(run)).toEqual({
			code: 'VALIDATION_ERROR',
			message: 'Issuer Org ID must be an issuer "orgid" (letters, digits, . _ -)',
		});
		expect(sim.requests).toHaveLength(0);
	});
});
