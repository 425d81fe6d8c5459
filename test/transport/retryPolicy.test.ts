import { DigiLockerError, type ErrorCode } from '../../nodes/DigiLocker/helpers/errors';
import {
	isRetryable,
	parseRetryAfter,
	retryDelayMs,
} from '../../nodes/DigiLocker/transport/retryPolicy';

describe('isRetryable', () => {
	it.each<[ErrorCode, number | undefined, boolean]>([
		['RATE_LIMITED', 429, true],
		['TIMEOUT', undefined, true],
		['NETWORK_ERROR', undefined, true],
		['UPSTREAM_ERROR', 500, true],
		['UPSTREAM_ERROR', 503, true],
		['UPSTREAM_ERROR', 530, true],
		['UPSTREAM_ERROR', 400, false],
		['INVALID_TOKEN', 401, false],
		['INSUFFICIENT_SCOPE', 403, false],
		['NOT_FOUND', 404, false],
		['INVALID_RESPONSE', 200, false],
		['INTEGRITY_ERROR', undefined, true],
		['INTERNAL_ERROR', undefined, false],
		['CANCELLED', undefined, false],
		['LIMIT_EXCEEDED', 200, false],
		['VALIDATION_ERROR', undefined, false],
	])('%s with HTTP %s → %s', (code, status, expected) => {
		expect(isRetryable(new DigiLockerError(code, 'x', { status }))).toBe(expected);
	});
});

it('retries an integrity failure once, not twice', () => {
	const error = new DigiLockerError('INTEGRITY_ERROR', 'x');
	expect(isRetryable(error, 1)).toBe(true);
	expect(isRetryable(error, 2)).toBe(false);
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-11-27T10:00:00Z');
	it.each([
		['2', 2000],
		[' 0 ', 0],
		[['5'], 5000],
		['Fri, 27 Nov 2026 10:00:03 GMT', 3000],
		['Fri, 27 Nov 2026 09:00:00 GMT', 0],
		['soon', undefined],
		[undefined, undefined],
		[{}, undefined],
	])('reads %j as %j ms', (header, ms) => {
		expect(parseRetryAfter(header, now)).toBe(ms);
	});
});

describe('retryDelayMs', () => {
	it('doubles from 0.5 s and caps at 8 s, with jitter between half and all of it', () => {
		expect([2, 3, 4, 5, 6, 7, 8].map((tryNumber) => retryDelayMs(tryNumber, undefined, 1))).toEqual(
			[500, 1000, 2000, 4000, 8000, 8000, 8000],
		);
		expect(retryDelayMs(4, undefined, 0)).toBe(1000);
		expect(retryDelayMs(4, undefined, 0.5)).toBe(1500);
	});

	it('waits at least as long as Retry-After asks', () => {
		expect(retryDelayMs(2, 3000, 1)).toBe(3000);
		expect(retryDelayMs(6, 3000, 1)).toBe(8000);
	});

	it('does not wait for a Retry-After over a minute', () => {
		expect(retryDelayMs(2, 60_000, 1)).toBe(60_000);
		expect(retryDelayMs(2, 60_001, 1)).toBeUndefined();
	});
});
