import type { IBinaryData, IDataObject } from 'n8n-workflow';

import { runDigiLockerNode } from '../engine/harness';
import { startHostileServer } from '../engine/hostileServer';
import { testApp } from '../fixtures';
import {
	credentialsFor,
	obtainTokens,
	refreshEach,
	startTestSimulator,
	tokenRequests,
	type Simulator,
} from './authorization/consentFlow';

let sim: Simulator;
beforeAll(async () => {
	sim = await startTestSimulator();
});
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.clearFaults();
	sim.clearRequests();
});

const refreshEachToken = async (
	tokens: string[],
	onError: 'stopWorkflow' | 'continueErrorOutput' = 'stopWorkflow',
) => await refreshEach(sim, tokens, { onError });

async function refreshTokens(count: number): Promise<string[]> {
	const tokens: string[] = [];
	for (let i = 0; i < count; i++)
		tokens.push((await obtainTokens(sim, 'basic')).refresh_token as string);
	sim.clearRequests();
	return tokens;
}

const revoked = 'f'.repeat(40);

describe('writes are never thrown away', () => {
	it('answers every item in place when one refresh of many fails, with a warning naming it', async () => {
		const tokens = await refreshTokens(4);
		const run = await refreshEachToken([tokens[0], tokens[1], revoked, tokens[2], tokens[3]]);

		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(5);
		expect(run.items!.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		expect(run.items!.map((item) => item.json.success)).toEqual([true, true, false, true, true]);
		expect((run.items![2].json.error as IDataObject).code).toBe('INVALID_GRANT');
		for (const index of [0, 1, 3, 4]) {
			expect((run.items![index].json.data as IDataObject).refresh_token).toEqual(
				expect.any(String),
			);
		}
		expect(run.hints).toEqual([
			expect.objectContaining({
				type: 'warning',
				message: expect.stringContaining('1 of 5 items failed: item 2 (INVALID_GRANT)'),
			}),
		]);
		expect(JSON.stringify(run.hints)).not.toContain(revoked);
		expect(tokenRequests(sim)).toHaveLength(5);
	});

	it('sends nothing when any item has bad input, and stops the workflow', async () => {
		const tokens = await refreshTokens(2);
		const run = await refreshEachToken([tokens[0], 'has spaces in it', tokens[1]]);

		expect(run.items).toBeUndefined();
		expect(run.error).toMatchObject({
			name: 'NodeOperationError',
			context: { code: 'VALIDATION_ERROR', itemIndex: 1 },
		});
		expect(tokenRequests(sim)).toHaveLength(0);
	});

	it('stops the workflow as before when every item failed, so nothing of worth is lost', async () => {
		const run = await refreshEachToken([revoked, 'e'.repeat(40)]);
		expect(run.items).toBeUndefined();
		expect(run.error).toMatchObject({ context: { code: 'INVALID_GRANT', itemIndex: 0 } });
		expect(tokenRequests(sim)).toHaveLength(2);
	});

	it("routes failed items to n8n's error output when the node uses it", async () => {
		const tokens = await refreshTokens(2);
		const run = await refreshEachToken([tokens[0], revoked, tokens[1]], 'continueErrorOutput');

		expect(run.items!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(run.items!.every((item) => item.json.success === true)).toBe(true);
		expect(run.errorItems).toHaveLength(1);
		expect(run.errorItems![0].pairedItem).toEqual({ item: 1 });
		expect(run.errorItems![0].json.error).toMatchObject({ code: 'INVALID_GRANT' });
	});

	it('keeps the tokens of a spent code whose answer has an out-of-range expires_in', async () => {
		const server = await startHostileServer((_, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(
				JSON.stringify({
					access_token: 'a'.repeat(40),
					refresh_token: 'b'.repeat(40),
					expires_in: 1e20,
				}),
			);
		});
		try {
			const run = await runDigiLockerNode({
				parameters: {
					resource: 'authorization',
					operation: 'exchangeCode',
					code: 'some-code',
					codeVerifier: 'v'.repeat(43),
				},
				credentials: { ...testApp, environment: 'custom', baseUrl: server.baseUrl },
			});
			expect(run.error).toBeUndefined();
			expect(run.items![0].json).toMatchObject({
				success: false,
				error: { code: 'INVALID_RESPONSE', message: expect.stringContaining('"expires_in"') },
				data: { access_token: 'a'.repeat(40), refresh_token: 'b'.repeat(40) },
			});
			expect(run.hints).toHaveLength(1);
		} finally {
			await server.close();
		}
	});
});

describe('reads stop at the first failure without continue-on-fail', () => {
	it('throws the failed read and starts no further item', async () => {
		const run = await runDigiLockerNode({
			parameters: { resource: 'user', operation: 'get', accessToken: '={{ $json.token }}' },
			credentials: credentialsFor(sim, 'basic'),
			input: [{ token: revoked }, { token: 'e'.repeat(40) }],
			onError: 'stopWorkflow',
		});
		expect(run.error).toMatchObject({ context: { code: 'INVALID_TOKEN', itemIndex: 0 } });
	});
});

describe('unexpected failures inside the node', () => {
	it('are INTERNAL_ERROR, not VALIDATION_ERROR, and send nothing', async () => {
		const brokenBinary = {
			mimeType: 'application/pdf',
			fileName: 'a.pdf',
		} as unknown as IBinaryData;
		const run = await runDigiLockerNode({
			parameters: { resource: 'document', operation: 'upload', accessToken: 'a'.repeat(40) },
			credentials: credentialsFor(sim, 'basic'),
			inputItems: [{ json: {}, binary: { data: brokenBinary } }],
			continueOnFail: true,
		});
		expect(run.items![0].json.error).toMatchObject({ code: 'INTERNAL_ERROR' });
		expect(sim.requests).toHaveLength(0);
	});
});
