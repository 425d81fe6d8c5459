import type { IDataObject } from 'n8n-workflow';

import { obtainTokens, refreshEach, tokenRequests } from './authorization/consentFlow';
import { requestsTo, runDocumentNode, useSimulatorWithUser, type Simulator } from './documentFlow';
import { ADAPTIVE_DEFAULTS } from '../../nodes/DigiLocker/helpers/adaptiveLimit';

const ADAPTIVE_START = ADAPTIVE_DEFAULTS.initial;

let sim: Simulator;
let accessToken: string;
useSimulatorWithUser((session) => ({ sim, accessToken } = session));
beforeEach(() => {
	sim.setInFlightLimit(undefined);
	sim.resetStats();
});

const getUsers = (count: number, requestOptions: Record<string, number> = {}) =>
	runDocumentNode(
		sim,
		{ resource: 'user', operation: 'get', accessToken, requestOptions },
		{ input: Array.from({ length: count }, (_, i) => ({ i })), continueOnFail: true },
	);
const succeeded = (run: Awaited<ReturnType<typeof getUsers>>) =>
	(run.items ?? []).filter((item) => item.json.success === true).length;

describe('adaptive concurrency (the default) against a rate-limited DigiLocker', () => {
	it('gets every item through a limit of 20 in flight (429, Retry-After: 1) with default settings', async () => {
		sim.setFault('*', { type: 'latency', ms: 20 });
		sim.setInFlightLimit({ max: 20, retryAfter: 1 });
		const run = await getUsers(300);

		expect(run.items).toHaveLength(300);
		expect(succeeded(run)).toBe(300);
		expect(run.items!.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 300 }, (_, item) => ({ item })),
		);
		// it did not keep hammering: few requests were refused compared with the work
		expect(sim.stats.limited).toBeLessThan(60);
	}, 60_000);

	it('backs off from a limit below its start and honours the Retry-After for the whole run', async () => {
		sim.setFault('*', { type: 'latency', ms: 20 });
		sim.setInFlightLimit({ max: 8, retryAfter: 1 });
		const started = Date.now();
		const run = await getUsers(120);
		expect(succeeded(run)).toBe(120);
		expect(sim.stats.limited).toBeGreaterThan(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	}, 60_000);

	it('grows past its start on a fast, clean server', async () => {
		// a slow-ish server, so that a busy test machine's own delays do not look like rising latency
		sim.setFault('*', { type: 'latency', ms: 200 });
		const run = await getUsers(300);
		expect(succeeded(run)).toBe(300);
		expect(sim.stats.peakInFlight).toBeGreaterThan(ADAPTIVE_START);
	}, 60_000);

	it('backs off on 503 as on 429, and every read still succeeds', async () => {
		sim.setFault('*', { type: 'latency', ms: 10 });
		sim.setInFlightLimit({ max: 12, status: 503, retryAfter: 1 });
		const run = await getUsers(150);
		expect(succeeded(run)).toBe(150);
		expect(sim.stats.limited).toBeGreaterThan(0);
	}, 60_000);
});

describe('fixed concurrency (the option) keeps its number', () => {
	it('sends exactly that many at once, and a Retry-After still pauses the whole run', async () => {
		sim.setFault('*', { type: 'latency', ms: 20 });
		sim.setInFlightLimit({ max: 20, retryAfter: 1 });
		const run = await getUsers(60, { concurrency: 30, maxTries: 1 });
		// 30 at once against a limit of 20: the first ten over it fail (no retries), the rest wait out the pause
		expect(sim.stats.peakInFlight).toBeLessThanOrEqual(30);
		expect(succeeded(run)).toBeLessThan(60);
		expect(succeeded(run)).toBeGreaterThan(0);
	}, 60_000);
});

describe('the shared Retry-After pause', () => {
	it('holds back items that start during it, and their Timeout counts only from the send', async () => {
		sim.setFault('user', { type: 'status', status: 429, retryAfter: 3, times: 1 });
		const started = Date.now();
		const run = await getUsers(3, { concurrency: 2, timeoutSeconds: 1, maxTries: 1 });
		const codes = run.items!.map((item) =>
			item.json.success ? 'ok' : (item.json.error as IDataObject).code,
		);
		expect(codes.sort()).toEqual(['RATE_LIMITED', 'ok', 'ok']);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
		expect(requestsTo(sim, '/oauth2/1/user')).toHaveLength(3);
	}, 30_000);
});

describe('writes under a rate limit', () => {
	it('never sends a refresh twice, even when DigiLocker answers 429', async () => {
		const tokens: string[] = [];
		for (let i = 0; i < 30; i++)
			tokens.push((await obtainTokens(sim, 'basic')).refresh_token as string);
		sim.clearRequests();
		sim.setFault('*', { type: 'latency', ms: 20 });
		sim.setInFlightLimit({ max: 5, retryAfter: 1 });
		const run = await refreshEach(sim, tokens, { continueOnFail: true });
		expect(run.items).toHaveLength(30);
		expect(tokenRequests(sim)).toHaveLength(30);
		const codes = run.items!.map((item) =>
			item.json.success ? 'ok' : (item.json.error as IDataObject).code,
		);
		expect(codes).toContain('RATE_LIMITED');
		expect(requestsTo(sim, '/oauth2/1/user')).toHaveLength(0);
	}, 60_000);
});
