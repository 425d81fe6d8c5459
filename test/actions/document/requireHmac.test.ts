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

const fileOperations = [
	['download', 'file', '/oauth2/1/file/', { uri: 'in.gov.sim.pan-PANCR-SIMPV7898J' }],
	['getXml', 'xml', '/oauth2/1/xml/', { uri: 'in.gov.sim.transport-DRVLC-SM0120081885917' }],
	['getEAadhaar', 'eaadhaar', '/oauth2/3/xml/eaadhaar', {}],
] as const;

const fetchFile = (operation: string, parameters: Record<string, unknown>) =>
	runDocumentNode(sim, {
		resource: 'document',
		operation,
		accessToken,
		...parameters,
	} as never);

describe('Require Integrity Check', () => {
	it.each(fileOperations)(
		'%s: on, a file without an hmac header is INTEGRITY_ERROR after one more try, with no binary',
		async (operation, routeKey, path, parameters) => {
			sim.setFault(routeKey, { type: 'no-hmac' });
			const run = await fetchFile(operation, { ...parameters, requireHmac: true });
			expect(errorOf(run)).toEqual({
				code: 'INTEGRITY_ERROR',
				message:
					'DigiLocker sent the file without an hmac header, and Require Integrity Check is on, so it was not used',
			});
			expect(run.items![0].binary).toBeUndefined();
			expect(requestsTo(sim, path)).toHaveLength(2);
		},
	);

	it.each(fileOperations)(
		'%s: on, a second try that carries the header gives the verified file',
		async (operation, routeKey, path, parameters) => {
			sim.setFault(routeKey, { type: 'no-hmac', times: 1 });
			const run = await fetchFile(operation, { ...parameters, requireHmac: true });
			expect(dataOf(run)).toEqual([expect.objectContaining({ hmac_verified: true })]);
			expect(requestsTo(sim, path)).toHaveLength(2);
		},
	);

	it.each(fileOperations)(
		'%s: off (the default), a file without an hmac header is kept, marked unverified',
		async (operation, routeKey, path, parameters) => {
			sim.setFault(routeKey, { type: 'no-hmac' });
			const run = await fetchFile(operation, parameters);
			expect(dataOf(run)).toEqual([expect.objectContaining({ hmac_verified: false })]);
			expect(Object.keys(run.items![0].binary ?? {})).toHaveLength(1);
			expect(requestsTo(sim, path)).toHaveLength(1);
		},
	);

	it('must be true or false, checked before anything is sent', async () => {
		const run = await fetchFile('download', {
			uri: 'in.gov.sim.pan-PANCR-SIMPV7898J',
			requireHmac: '={{ "yes" }}',
		});
		expect(errorOf(run)).toEqual({
			code: 'VALIDATION_ERROR',
			message: 'Require Integrity Check must be true or false',
		});
		expect(sim.requests).toHaveLength(0);
	});
});
