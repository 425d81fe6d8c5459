import type { DigiLockerError } from '../helpers/errors';

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A Retry-After longer than this is not waited for: the item fails with RATE_LIMITED instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Whether an idempotent request that failed this way may be sent again; an integrity failure only once. */
export function isRetryable(error: DigiLockerError, integrityFailures = 1): boolean {
	switch (error.code) {
		case 'RATE_LIMITED':
		case 'TIMEOUT':
		case 'NETWORK_ERROR':
			return true;
		case 'INTEGRITY_ERROR':
			return integrityFailures <= 1;
		case 'UPSTREAM_ERROR':
			return error.status !== undefined && error.status >= 500;
		default:
			return false;
	}
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: unknown, nowMs: number): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * The wait before try number `nextTry` (2 for the first retry): exponential from 0.5 s, capped at 8 s, with jitter
 * (half to all of it), and never shorter than DigiLocker's Retry-After. Undefined means: do not retry.
 */
export function retryDelayMs(
	nextTry: number,
	retryAfterMs: number | undefined,
	random: number,
): number | undefined {
	if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) return undefined;
	const backoff = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (nextTry - 2));
	const jittered = Math.round(backoff * (0.5 + random / 2));
	return Math.max(jittered, retryAfterMs ?? 0);
}
