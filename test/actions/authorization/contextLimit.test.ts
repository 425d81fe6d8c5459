import type { IDataObject } from 'n8n-workflow';

import { runOperation, startTestSimulator, tokenRequests, type Simulator } from './consentFlow';

/** The longest binding: it changes nothing in the state's length, but rides along as it would in real use. */
const BINDING = 'b'.repeat(4096);

let sim: Simulator;

beforeAll(async () => {
	sim = await startTestSimulator();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const startConsent = (parameters: IDataObject) =>
	runOperation(sim, 'basic', { operation: 'getAuthorizationUrl', ...parameters });

async function consentAt(url: string) {
	const response = await fetch(`${url}&sim_auto=allow`, { redirect: 'manual' });
	expect(response.status).toBe(302);
	return new URL(response.headers.get('location') ?? '').searchParams;
}

describe('authorization › getAuthorizationUrl limits the context by its size in the state', () => {
	it.each([
		[
			'a lone surrogate',
			`customer-\uD800`,
			'Context is not well-formed text: it holds half of a surrogate pair',
		],
		[
			'512 lone surrogates',
			'\uDC00'.repeat(512),
			'Context is not well-formed text: it holds half of a surrogate pair',
		],
		[
			'400 three-byte characters',
			'ह'.repeat(400),
			'Context takes more than 1024 bytes in the state (UTF-8; " and \\ take two)',
		],
		['513 quote marks', '"'.repeat(513), 'Context is longer than 512 characters'],
	])('refuses %s with VALIDATION_ERROR', async (_case, context, message) => {
		const run = await startConsent({ context });
		expect(run.items![0].json).toEqual({
			success: false,
			error: { code: 'VALIDATION_ERROR', message },
		});
	});

	it.each([
		['512 ASCII characters', 'c'.repeat(512)],
		['512 backslashes (1024 bytes escaped)', '\\'.repeat(512)],
		['341 three-byte characters and one ASCII', `${'ह'.repeat(341)}x`],
		['256 emoji (surrogate pairs)', '😀'.repeat(256)],
	])('round-trips %s, bound, through consent and Get Access Token', async (_case, context) => {
		const started = await startConsent({ context, binding: BINDING });
		const { url, state } = started.items![0].json.data as Record<string, string>;
		const callback = await consentAt(url);
		expect(callback.get('state')).toBe(state);

		const run = await runOperation(sim, 'basic', {
			operation: 'exchangeCode',
			code: callback.get('code') ?? '',
			state,
			binding: BINDING,
		});
		expect(state.length).toBeLessThan(4096);
		expect(run.items![0].json).toMatchObject({ success: true, data: { context } });
		expect(tokenRequests(sim)).toHaveLength(1);
	});
});
