import { AdaptiveLimit, ADAPTIVE_DEFAULTS } from '../../nodes/DigiLocker/helpers/adaptiveLimit';

/** A clean answer that took `ms`, sent at `at`. */
const clean = (at: number, ms = 20) => ({
	sentAt: at,
	answeredAt: at + ms,
	signal: 'clean' as const,
});
const overload = (at: number, retryAfterMs?: number) => ({
	sentAt: at,
	answeredAt: at + 5,
	signal: 'overload' as const,
	retryAfterMs,
});

describe('AdaptiveLimit', () => {
	it('starts moderate and triples per round trip while answers are fast and clean (slow start)', () => {
		const limit = new AdaptiveLimit();
		expect(limit.limit).toBe(50);
		// one round trip: an answer for each of the 50 in flight
		for (let i = 0; i < 50; i++) limit.record(clean(0));
		expect(limit.limit).toBe(150);
		for (let i = 0; i < 150; i++) limit.record(clean(20));
		expect(limit.limit).toBe(450);
		for (let i = 0; i < 450; i++) limit.record(clean(40));
		expect(limit.limit).toBe(ADAPTIVE_DEFAULTS.max);
		expect(ADAPTIVE_DEFAULTS.max).toBe(500);
	});

	it('never grows past max nor cuts below min', () => {
		const limit = new AdaptiveLimit({ initial: 4, min: 2, max: 6 });
		for (let i = 0; i < 50; i++) limit.record(clean(i));
		expect(limit.limit).toBe(6);
		for (let t = 100; t < 1000; t += 100) limit.record(overload(t));
		expect(limit.limit).toBe(2);
	});

	it('halves on 429 or 503, once per round trip, then grows by one per round trip', () => {
		const limit = new AdaptiveLimit({ initial: 20 });
		limit.record(overload(100));
		expect(limit.limit).toBe(10);
		// answers to requests sent before the cut do not cut again
		limit.record(overload(90));
		limit.record(overload(104));
		expect(limit.limit).toBe(10);
		expect(limit.cuts.overload).toBe(1);
		// after the cut: additive increase, about one per `limit` clean answers
		for (let i = 0; i < 10; i++) limit.record(clean(200 + i));
		expect(limit.limit).toBe(10);
		limit.record(clean(220));
		expect(limit.limit).toBe(11);
		// a new overload, sent after the cut, cuts again
		limit.record(overload(300));
		expect(limit.limit).toBe(5);
	});

	it('on a refusal, cuts below the number that was in flight when it was sent, if that is lower than half', () => {
		const limit = new AdaptiveLimit();
		limit.record({ ...overload(100), inFlight: 9 });
		expect(limit.limit).toBe(8);
		const other = new AdaptiveLimit();
		other.record({ ...overload(100), inFlight: 40 });
		expect(other.limit).toBe(25);
	});

	it('holds below the fewest in flight ever refused, and probes one higher only after 32 clean round trips', () => {
		const limit = new AdaptiveLimit({ initial: 40 });
		limit.record({ ...overload(100), inFlight: 30 });
		expect(limit.limit).toBe(20);
		// a refusal sent before the cut does not cut again, but a lower count still lowers the ceiling
		limit.record({ ...overload(90), inFlight: 19 });
		expect(limit.limit).toBe(18);
		expect(limit.cuts.overload).toBe(1);
		// additive growth stops at the ceiling ...
		let t = 200;
		for (let i = 0; i < 18 * 32; i++) limit.record(clean(t++));
		expect(limit.limit).toBe(18);
		// ... until 32 round trips of clean answers at it: then it grows one more, in one round trip
		for (let i = 0; i < 19; i++) limit.record(clean(t++));
		expect(limit.limit).toBe(19);
		// a refusal at the probe lowers the ceiling again, and halves
		limit.record({ ...overload(t), inFlight: 19 });
		expect(limit.limit).toBe(9);
		for (let i = 0; i < 200; i++) limit.record(clean(t + 10 + i));
		expect(limit.limit).toBe(18);
	});

	it('cuts when latency rises well above the lowest seen, not on small rises', () => {
		const limit = new AdaptiveLimit({
			initial: 40,
			slowStartGrowth: 1,
			latencyFactor: 2,
			latencySlackMs: 50,
		});
		for (let i = 0; i < 10; i++) limit.record(clean(i, 20));
		expect(limit.limit).toBe(50);
		// 20 ms baseline: up to 2 × 20 + 50 = 90 ms smoothed is fine
		for (let i = 0; i < 10; i++) limit.record(clean(100 + i, 60));
		expect(limit.cuts.latency).toBe(0);
		for (let i = 0; i < 20; i++) limit.record(clean(200 + i, 400));
		expect(limit.cuts.latency).toBe(1);
		expect(limit.limit).toBe(Math.floor(60 * 0.8));
	});

	it("by default tolerates the latency n8n's own work adds with hundreds in flight, not a tenfold server", () => {
		const limit = new AdaptiveLimit();
		for (let i = 0; i < 50; i++) limit.record(clean(i, 20));
		// 20 ms baseline: up to 3 × 20 + 250 = 310 ms smoothed reads as n8n's own queue, not the server
		for (let i = 0; i < 100; i++) limit.record(clean(100 + i, 300));
		expect(limit.cuts.latency).toBe(0);
		expect(limit.limit).toBe(350);
		for (let i = 0; i < 20; i++) limit.record(clean(1000 + i, 1000));
		expect(limit.cuts.latency).toBe(1);
		expect(limit.limit).toBeLessThan(350);
	});

	it('honours Retry-After: a pause from the answer on, for every request; the longest wins', () => {
		const limit = new AdaptiveLimit();
		expect(limit.pauseMs(0)).toBe(0);
		limit.record(overload(1000, 1000)); // answered at 1005
		expect(limit.pauseMs(1005)).toBe(1000);
		expect(limit.pauseMs(1500)).toBe(505);
		limit.record(overload(1010, 200)); // a shorter one does not shorten the pause
		expect(limit.pauseMs(1500)).toBe(505);
		expect(limit.pauseMs(2005)).toBe(0);
	});

	it('caps a pause at maxPauseMs (a longer Retry-After fails the item instead)', () => {
		const limit = new AdaptiveLimit();
		limit.record(overload(0, 3_600_000));
		expect(limit.pauseMs(5)).toBe(ADAPTIVE_DEFAULTS.maxPauseMs);
	});

	it('is fixed when min = max, yet still honours Retry-After', () => {
		const limit = new AdaptiveLimit({ initial: 10, min: 10, max: 10 });
		for (let i = 0; i < 30; i++) limit.record(clean(i));
		limit.record(overload(100, 2000));
		expect(limit.limit).toBe(10);
		expect(limit.pauseMs(105)).toBe(2000);
	});

	it('ignores neutral outcomes (other errors say nothing about load)', () => {
		const limit = new AdaptiveLimit();
		for (let i = 0; i < 10; i++) limit.record({ sentAt: i, answeredAt: i + 1, signal: 'neutral' });
		expect(limit.limit).toBe(ADAPTIVE_DEFAULTS.initial);
	});
});
