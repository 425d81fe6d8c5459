import { obtainTokens } from '../authorization/consentFlow';
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

const listIssued = (
	parameters: Record<string, unknown> = {},
	input?: Array<Record<string, string>>,
) =>
	runDocumentNode(
		sim,
		{ resource: 'document', operation: 'listIssued', accessToken, ...parameters } as never,
		{ input },
	);

describe('document › listIssued', () => {
	it('gives one item per issued document, mime always a list, all paired with the input', async () => {
		const run = await listIssued();
		const expected = sim.documents(sim.users[0].digilockerid).issued;
		expect(run.items).toHaveLength(expected.length);
		expect(
			run.items!.every(
				(item) => item.json.success === true && JSON.stringify(item.pairedItem) === '{"item":0}',
			),
		).toBe(true);
		expect(dataOf(run).map((document) => document.uri)).toEqual(
			expected.map((document: { uri: string }) => document.uri),
		);
		for (const document of dataOf(run)) expect(Array.isArray(document.mime)).toBe(true);
		expect(requestsTo(sim, '/oauth2/2/files/issued')).toHaveLength(1);
	});

	it('gives one item with the whole list when not splitting', async () => {
		const run = await listIssued({ splitIntoItems: false });
		expect(run.items).toHaveLength(1);
		expect(dataOf(run)[0]).toMatchObject({
			count: sim.documents(sim.users[0].digilockerid).issued.length,
			items: expect.any(Array),
		});
	});

	it('pairs each document with the item whose token listed it', async () => {
		const run = await listIssued({ accessToken: '={{ $json.token }}', splitIntoItems: false }, [
			{ token: accessToken },
			{ token: 'e'.repeat(40) },
			{ token: accessToken },
		]);
		expect(run.items!.map((item) => [item.pairedItem, item.json.success])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, false],
			[{ item: 2 }, true],
		]);
		expect(errorOf(run, 1)).toMatchObject({ code: 'INVALID_TOKEN' });
	});

	it('answers a token without files.issueddocs with INSUFFICIENT_SCOPE', async () => {
		const narrow = await obtainTokens(sim, 'basic', 'openid userdetails');
		const run = await listIssued({ accessToken: narrow.access_token });
		expect(errorOf(run)).toMatchObject({ code: 'INSUFFICIENT_SCOPE', status: 403 });
	});

	it('answers a body that is not JSON with INVALID_RESPONSE', async () => {
		sim.setFault('issued', { type: 'malformed-json' });
		const run = await listIssued();
		expect(errorOf(run)).toEqual({
			code: 'INVALID_RESPONSE',
			message: 'DigiLocker returned a body that is not valid JSON (HTTP 200)',
			status: 200,
		});
	});
});
