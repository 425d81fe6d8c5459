import {
	giveConsent,
	runOperation,
	startTestSimulator,
	tokenRequests,
	type Simulator,
} from './consentFlow';

let sim: Simulator;

beforeAll(async () => {
	sim = await startTestSimulator();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const exchange = (code: string, state: string) =>
	runOperation(sim, 'basic', { operation: 'exchangeCode', code, state });

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The same 32 bytes, spelled with other padding bits in the last character. */
function sameBytesOtherSpelling(signature: string): string {
	const last = BASE64URL.indexOf(signature.slice(-1));
	return signature.slice(0, -1) + BASE64URL[last ^ 1];
}

function withSignature(state: string, change: (signature: string) => string): string {
	const [version, payload, signature] = state.split('.');
	return [version, payload, change(signature)].join('.');
}

describe('authorization › exchangeCode refuses a state whose signature is not canonical', () => {
	it.each([
		['junk appended', (signature: string) => `${signature}!`],
		['junk inserted', (signature: string) => `${signature.slice(0, 20)}*${signature.slice(20)}`],
		['a space inserted', (signature: string) => `${signature.slice(0, 20)} ${signature.slice(20)}`],
		['padding appended', (signature: string) => `${signature}=`],
		['other padding bits', sameBytesOtherSpelling],
	])('%s: INVALID_STATE, nothing sent, the code still usable', async (_case, change) => {
		const consent = await giveConsent(sim, 'basic');
		const tampered = withSignature(consent.state, change);
		expect(tampered).not.toBe(consent.state);
		sim.clearRequests();

		const run = await exchange(consent.code, tampered);
		expect(run.items![0].json).toEqual({
			success: false,
			error: {
				code: 'INVALID_STATE',
				message: 'The state is not valid: its signature does not match this credential',
			},
		});
		expect(tokenRequests(sim)).toHaveLength(0);

		const untouched = await exchange(consent.code, consent.state);
		expect(untouched.items![0].json.success).toBe(true);
	});
});
