import {
	credentialsFor,
	readPage,
	startTriggerSimulator,
	TestBrowser,
	type Simulator,
} from './consentBrowser';
import { startTriggerServer, type TriggerServer } from './triggerServer';

describe('DigiLocker Trigger: requests DigiLocker would not send', () => {
	let sim: Simulator;
	let server: TriggerServer;
	beforeAll(async () => {
		sim = await startTriggerSimulator();
		// even with every outcome chosen, these start nothing
		server = await startTriggerServer({
			parameters: {
				path: 'digilocker',
				outcomes: ['granted', 'denied', 'expired', 'failed', 'invalid'],
			},
			credentials: credentialsFor(sim),
		});
	});
	afterAll(async () => {
		await server.stop();
		await sim.stop();
	});

	const callback = (query: string) => `${server.origin}/webhook/digilocker/callback${query}`;

	it.each([
		['no query at all', ''],
		['neither code nor error', '?state=abc'],
		['both code and error', '?code=abc&error=access_denied&state=abc'],
		['a repeated code', '?code=a&code=b&state=abc'],
		['a repeated state', '?code=a&state=a&state=b'],
		['a code with a space', '?code=a%20b&state=abc'],
		['an error that is not an OAuth error code', '?error=%3Cscript%3E&state=abc'],
		['a query over 8 KiB', `?code=a&state=abc&pad=${'z'.repeat(9000)}`],
	])('%s: a neutral 400 page, nothing sent, nothing started', async (_label, query) => {
		const requests = sim.requests.length;
		const answer = await new TestBrowser().get(callback(query));
		expect(answer.status).toBe(400);
		expect(readPage(answer.text)).toEqual({
			outcome: 'malformed',
			title: 'This request could not be read',
			message: 'Please go back and start again from the page that sent you here.',
		});
		expect(sim.requests.length).toBe(requests);
		expect(server.started(server.calls.at(-1))).toBeUndefined();
	});

	it('a POST: 405 with Allow: GET, nothing started', async () => {
		const answer = await new TestBrowser().get(callback('?code=a&state=b'), { method: 'POST' });
		expect(answer.status).toBe(405);
		expect(answer.headers.get('allow')).toBe('GET');
		expect(readPage(answer.text).outcome).toBe('malformed');
		expect(server.started(server.calls.at(-1))).toBeUndefined();
	});

	it('never echoes what was sent', async () => {
		const marker = 'reflected-marker-7731';
		const answer = await new TestBrowser().get(callback(`?code=${marker}&code=2&state=${marker}`));
		expect(answer.text).not.toContain(marker);
	});
});
