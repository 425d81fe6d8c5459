/**
 * How many items a node run keeps in flight when Concurrency is adaptive: an AIMD controller, pure (the caller passes
 * the clock), fed by the transport with the outcome of every request.
 *
 * - Starts at `initial`; until the first cut grows by `slowStartGrowth` per clean answer (2xx), so the limit triples
 *   per round trip; after it, by one per `limit` clean answers (one per round trip).
 * - Cuts multiplicatively: to half on 429, 503, a timeout or a failed connection; to `latencyCut` of itself when the
 *   smoothed latency rises above `latencyFactor` × the lowest seen plus `latencySlackMs`. At most one cut per round
 *   trip: answers to requests sent before the last cut do not cut again.
 * - Remembers a ceiling: below the fewest in flight at which a request was ever refused. The limit never exceeds it;
 *   after `probeRoundTrips` round trips of clean answers at the ceiling, the ceiling rises by one (a probe). So a
 *   server's hard limit costs a Retry-After pause about once, not every time additive growth reaches it again.
 * - A Retry-After pauses every new request of the run until it has passed (at most `maxPauseMs`).
 *
 * Latency is measured inside n8n, so it includes n8n's own work on every request in flight (about 1–2 ms each on a
 * small machine): hundreds in flight add hundreds of ms with no change at the server. The slack keeps that from
 * reading as a struggling server; a server that really struggles answers 429, 503 or not at all.
 */
export type RequestSignal = 'clean' | 'overload' | 'neutral';

export interface RequestOutcome {
	/** When the request was sent and when its answer (headers) came, in ms of the same clock as `now`. */
	sentAt: number;
	answeredAt: number;
	/** How many of the run's requests were in flight when it was sent, itself included (when known). */
	inFlight?: number;
	signal: RequestSignal;
	retryAfterMs?: number;
}

export interface AdaptiveLimitOptions {
	initial: number;
	slowStartGrowth: number;
	min: number;
	max: number;
	overloadCut: number;
	latencyCut: number;
	latencyFactor: number;
	latencySlackMs: number;
	/** Weight of a new latency in the smoothed one. */
	smoothing: number;
	maxPauseMs: number;
	probeRoundTrips: number;
}

export const ADAPTIVE_DEFAULTS: AdaptiveLimitOptions = {
	initial: 50,
	slowStartGrowth: 2,
	min: 1,
	max: 500,
	overloadCut: 0.5,
	latencyCut: 0.8,
	latencyFactor: 3,
	latencySlackMs: 250,
	smoothing: 0.2,
	maxPauseMs: 60_000,
	probeRoundTrips: 32,
};

export class AdaptiveLimit {
	private readonly options: AdaptiveLimitOptions;
	private value: number;
	private slowStart = true;
	private lastCutAt = -Infinity;
	private baselineMs = Infinity;
	private smoothedMs: number | undefined;
	private pausedUntil = -Infinity;
	private ceiling = Infinity;
	private cleanAtCeiling = 0;
	/** Cuts made so far (overload, latency), for reports and tests. */
	readonly cuts = { overload: 0, latency: 0 };

	constructor(options: Partial<AdaptiveLimitOptions> = {}) {
		this.options = { ...ADAPTIVE_DEFAULTS, ...options };
		this.value = this.clamp(this.options.initial);
	}

	/** How many items may be in flight now (a whole number from min to max). */
	get limit(): number {
		return Math.floor(this.value);
	}

	/** How long new requests must still wait for a Retry-After, in ms (0: none). */
	pauseMs(now: number): number {
		return Math.max(0, this.pausedUntil - now);
	}

	record(outcome: RequestOutcome): void {
		const { retryAfterMs, sentAt, answeredAt, signal, inFlight } = outcome;
		if (retryAfterMs !== undefined && retryAfterMs > 0) {
			const until = answeredAt + Math.min(retryAfterMs, this.options.maxPauseMs);
			this.pausedUntil = Math.max(this.pausedUntil, until);
		}
		const afterLastCut = sentAt >= this.lastCutAt;
		if (signal === 'overload') {
			// refused with `inFlight` at once: fewer than that is the most the server takes
			if (inFlight !== undefined) this.lowerCeiling(inFlight - 1);
			if (afterLastCut) this.cut(this.options.overloadCut, answeredAt, 'overload');
			else this.value = this.clamp(Math.min(this.value, this.ceiling));
			return;
		}
		if (signal !== 'clean') return;
		const latency = Math.max(0, answeredAt - sentAt);
		this.baselineMs = Math.min(this.baselineMs, latency);
		const { smoothing, latencyFactor, latencySlackMs } = this.options;
		this.smoothedMs =
			this.smoothedMs === undefined
				? latency
				: this.smoothedMs + smoothing * (latency - this.smoothedMs);
		if (this.smoothedMs > this.baselineMs * latencyFactor + latencySlackMs) {
			if (afterLastCut) this.cut(this.options.latencyCut, answeredAt, 'latency');
			return;
		}
		this.grow();
	}

	private grow(): void {
		if (this.slowStart) {
			this.value = this.clamp(this.value + this.options.slowStartGrowth);
			return;
		}
		const next = this.value + 1 / Math.max(1, this.value);
		if (next <= this.ceiling) {
			this.value = this.clamp(next);
			return;
		}
		this.value = this.clamp(this.ceiling);
		if (++this.cleanAtCeiling >= this.options.probeRoundTrips * this.ceiling) {
			this.ceiling++;
			this.cleanAtCeiling = 0;
		}
	}

	private lowerCeiling(ceiling: number): void {
		this.ceiling = Math.max(this.options.min, Math.min(this.ceiling, ceiling));
		this.cleanAtCeiling = 0;
	}

	private cut(factor: number, now: number, reason: 'overload' | 'latency'): void {
		this.value = this.clamp(Math.min(Math.floor(this.value * factor), this.ceiling));
		this.slowStart = false;
		this.lastCutAt = now;
		this.cuts[reason]++;
		// the latency that made the cut belongs to the old limit: start smoothing afresh
		this.smoothedMs = undefined;
	}

	private clamp(value: number): number {
		return Math.min(this.options.max, Math.max(this.options.min, value));
	}
}
