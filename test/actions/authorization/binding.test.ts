import type { IDataObject } from 'n8n-workflow';

import {
	runOperation,
	serialized,
	startTestSimulator,
	tokenRequests,
	type Simulator,
} from './consentFlow';

const SESSION = 'browser-session-7f3a9c21';
const OTHER_SESSION = 'browser-session-0b44e1d8';

let sim: Simulator;

beforeAll(async () => {
	sim = await startTestSimulator();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

/** Get Authorization URL with this binding, then the simulator's user allows: the callback's code and state. */
async function consentBoundTo(binding?: string) {
	const started = await runOperation(sim, 'basic', {
		operation: 'getAuthorizationUrl',
		context: 'customer-1',
		...(binding === undefined ? {} : { binding }),
	});
	const data = started.items![0].json.data as IDataObject;
	const response = await fetch(`${data.url as string}&sim_auto=allow`, { redirect: 'manual' });
	const callback = new URL(response.headers.get('location') ?? '').searchParams;
	sim.clearRequests();
	return { started, code: callback.get('code') ?? '', state: callback.get('state') ?? '' };
}

const exchange = (parameters: IDataObject, continueOnFail = true) =>
	runOperation(sim, 'basic', { operation: 'exchangeCode', ...parameters }, { continueOnFail });

const invalidState = (reason: string) => ({
	success: false,
	error: { code: 'INVALID_STATE', message: `The state is not valid: ${reason}` },
});

describe('authorization › binding a state to the browser that started the flow', () => {
	it('accepts the same binding and sends the code once', async () => {
		const { code, state } = await consentBoundTo(SESSION);
		const run = await exchange({ code, state, binding: SESSION });
		expect(run.items![0].json).toMatchObject({ success: true, data: { context: 'customer-1' } });
		expect(tokenRequests(sim)).toHaveLength(1);
	});

	it('keeps the binding out of the state and the output of Get Authorization URL', async () => {
		const { started, state } = await consentBoundTo(SESSION);
		const [, payload] = state.split('.');
		expect(Buffer.from(payload, 'base64url').toString('utf8')).toMatch(
			/^\{"n":"[\w-]{22}","iat":\d+,"exp":\d+,"ctx":"customer-1","bnd":"[\w-]{43}"\}$/,
		);
		expect(serialized(started)).not.toContain(SESSION);
		expect(JSON.stringify(started.items)).not.toContain('bnd');
	});

	it.each([
		['another binding', { binding: OTHER_SESSION }, 'it is bound to another session'],
		['no binding', {}, 'it is bound to a session, and no Binding was given'],
	])(
		'answers %s with INVALID_STATE, sends nothing, and leaves the code usable',
		async (_case, given, reason) => {
			const { code, state } = await consentBoundTo(SESSION);
			const run = await exchange({ code, state, ...given });
			expect(run.items![0].json).toEqual(invalidState(reason));
			expect(tokenRequests(sim)).toHaveLength(0);
			expect(serialized(run)).not.toContain(SESSION);
			expect(serialized(run)).not.toContain(OTHER_SESSION);

			const rightOne = await exchange({ code, state, binding: SESSION });
			expect(rightOne.items![0].json.success).toBe(true);
		},
	);

	it('answers an unbound state with INVALID_STATE when a binding is given', async () => {
		const { code, state } = await consentBoundTo();
		const run = await exchange({ code, state, binding: SESSION });
		expect(run.items![0].json).toEqual(
			invalidState('it is not bound to a session, but a Binding was given'),
		);
		expect(tokenRequests(sim)).toHaveLength(0);
	});

	it('accepts an unbound state without a binding, as before', async () => {
		const { code, state } = await consentBoundTo();
		const run = await exchange({ code, state });
		expect(run.items![0].json.success).toBe(true);
		expect(tokenRequests(sim)).toHaveLength(1);
	});

	it('refuses a binding with only a Code Verifier, as there is no state to check it against', async () => {
		const { code } = await consentBoundTo(SESSION);
		const run = await exchange({ code, codeVerifier: 'v'.repeat(43), binding: SESSION });
		expect(run.items![0].json).toEqual({
			success: false,
			error: {
				code: 'VALIDATION_ERROR',
				message: 'Binding is checked against the State: set State too',
			},
		});
		expect(tokenRequests(sim)).toHaveLength(0);
	});

	it('does not name the binding when the node stops on the error', async () => {
		const { code, state } = await consentBoundTo(SESSION);
		const run = await exchange({ code, state, binding: OTHER_SESSION }, false);
		expect(run.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'The state is not valid: it is bound to another session',
			context: { code: 'INVALID_STATE' },
		});
		expect(serialized(run)).not.toContain(OTHER_SESSION);
	});

	it.each([
		['getAuthorizationUrl', { binding: 'short' }],
		['exchangeCode', { code: 'abc', state: 'v1.a.b', binding: 'short' }],
	])('%s refuses a binding shorter than 8 characters', async (operation, parameters) => {
		const run = await runOperation(sim, 'basic', { operation, ...parameters });
		expect(run.items![0].json).toEqual({
			success: false,
			error: {
				code: 'VALIDATION_ERROR',
				message: 'Binding must be at least 8 characters: a session ID or cookie value',
			},
		});
		expect(tokenRequests(sim)).toHaveLength(0);
	});

	it('refuses a binding with a line break', async () => {
		const run = await runOperation(sim, 'basic', {
			operation: 'getAuthorizationUrl',
			binding: `${SESSION}\r\nSet-Cookie: x`,
		});
		expect(run.items![0].json.error).toEqual({
			code: 'VALIDATION_ERROR',
			message: 'Binding contains control characters (such as a line break)',
		});
	});
});
