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
const getUser = (requestOptions: Record<string, number> = {}) =>
	runDocumentNode(sim, { resource: 'user', operation: 'get', accessToken, requestOptions });
const download = (requestOptions: Record<string, number> = {}) =>
	runDocumentNode(sim, {
		resource: 'document',
		operation: 'download',
		accessToken,
		uri: PAN,
		requestOptions,
	});

describe('reads recover from passing faults', () => {
	it.each([
		['429 with Retry-After', { type: 'status', status: 429, retryAfter: 1, times: 1 }, 2],
		['503 twice', { type: 'status', status: 503, times: 2 }, 3],
		['530', { type: 'status', status: 530, times: 1 }, 2],
		['a connection reset', { type: 'reset', times: 1 }, 2],
		['a truncated body', { type: 'truncated', times: 1 }, 2],
	] as const)('user › get after %s', async (_case, fault, requests) => {
		sim.setFault('user', fault);
		const run = await getUser();
		expect(run.items![0].json).toMatchObject({ success: true, data: { digilockerid: userId } });
		expect(requestsTo(sim, '/oauth2/1/user')).toHaveLength(requests);
	});

	it('download after a body cut short, emitting the whole file once', async () => {
		sim.setFault('file', { type: 'truncated', times: 1 });
		const run = await download();
		expect(
			Buffer.from(run.items![0].binary!.data.data, 'base64').equals(
				sim.readFile(PAN, userId)!.bytes,
			),
		).toBe(true);
		expect(requestsTo(sim, '/oauth2/1/file/')).toHaveLength(2);
	});

	it('download after a timeout', async () => {
		sim.setFault('file', { type: 'latency', ms: 2500, times: 1 });
		const run = await download({ timeoutSeconds: 1 });
		expect(run.items![0].json.success).toBe(true);
		expect(requestsTo(sim, '/oauth2/1/file/')).toHaveLength(2);
	});
});

describe('reads report lasting faults', () => {
	it('gives up after Max Tries with the last error', async () => {
		sim.setFault('user', { type: 'status', status: 503 });
		const run = await getUser({ maxTries: 2 });
		expect(errorOf(run)).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503 });
		expect(requestsTo(sim, '/oauth2/1/user')).toHaveLength(2);
	});

	it('does not wait for a Retry-After over a minute', async () => {
		sim.setFault('user', { type: 'status', status: 429, retryAfter: 120 });
		const run = await getUser();
		expect(errorOf(run)).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
		expect(requestsTo(sim, '/oauth2/1/user')).toHaveLength(1);
	});

	it('does not retry a malformed body', async () => {
		sim.setFault('user', { type: 'malformed-json' });
		const run = await getUser();
		expect(errorOf(run)).toMatchObject({ code: 'INVALID_RESPONSE' });
		expect(requestsTo(sim, '/oauth2/1/user')).toHaveLength(1);
	});

	it('does not retry a rejected token', async () => {
		const run = await runDocumentNode(sim, {
			resource: 'user',
			operation: 'get',
			accessToken: 'd'.repeat(40),
		});
		expect(errorOf(run)).toMatchObject({ code: 'INVALID_TOKEN' });
		expect(requestsTo(sim, '/oauth2/1/user')).toHaveLength(1);
	});
});

describe('many items through faults', () => {
	it('loses nothing: every item answers, in order, with its own pairing', async () => {
		sim.setFault('file', { type: 'status', status: 503, times: 3 });
		const input = Array.from({ length: 12 }, () => ({ uri: PAN }));
		const run = await runDocumentNode(
			sim,
			{
				resource: 'document',
				operation: 'download',
				accessToken,
				uri: '={{ $json.uri }}',
				requestOptions: { concurrency: 4 },
			},
			{ input },
		);
		expect(run.items).toHaveLength(12);
		expect(run.items!.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(dataOf(run).every((data) => data.uri === PAN)).toBe(true);
		expect(requestsTo(sim, '/oauth2/1/file/')).toHaveLength(15);
	});

	it('stops starting items after the first failure when not continuing on fail', async () => {
		const input = [
			{ token: accessToken },
			{ token: 'bad'.repeat(10) },
			...Array.from({ length: 8 }, () => ({ token: accessToken })),
		];
		const run = await runDocumentNode(
			sim,
			{
				resource: 'user',
				operation: 'get',
				accessToken: '={{ $json.token }}',
				requestOptions: { concurrency: 1 },
			},
			{ input, continueOnFail: false },
		);
		expect(run.error).toMatchObject({ context: { code: 'INVALID_TOKEN', itemIndex: 1 } });
		expect(requestsTo(sim, '/oauth2/1/user')).toHaveLength(2);
	});
});
