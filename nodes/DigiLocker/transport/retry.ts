import { sleep, type IExecuteFunctions } from 'n8n-workflow';

import { DigiLockerError } from '../helpers/errors';
import type { RequestSettings } from '../helpers/requestSettings';
import { cancelledError } from './failures';
import { isRetryable, retryDelayMs } from './retryPolicy';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: DigiLockerError };

async function settle<T>(attempt: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await attempt() };
	} catch (caught) {
		const error =
			caught instanceof DigiLockerError
				? caught
				: new DigiLockerError('INTERNAL_ERROR', 'The request to DigiLocker failed unexpectedly');
		return { ok: false, error };
	}
}

/** Refusals for load that the run answered by slowing down, tried again without using up a try (per item). */
export const MAX_SLOWED_DOWN_REFUSALS = 3;

/**
 * Runs an idempotent request up to `maxTries` times, waiting between tries (backoff with jitter, Retry-After
 * honoured). Only retryable coded failures are tried again, an integrity failure once; the last failure is what the
 * caller sees. A cancelled execution is not tried again. Unless Max Tries is 1, a 429 or 503 the run has already
 * slowed down for does not use up a try (up to MAX_SLOWED_DOWN_REFUSALS): it came from the run's own probing, and
 * the next try is paced lower.
 */
export async function withRetries<T>(
	context: IExecuteFunctions,
	settings: RequestSettings,
	attempt: () => Promise<T>,
): Promise<T> {
	const cancel = context.getExecutionCancelSignal?.();
	let triesUsed = 0;
	let integrityFailures = 0;
	let slowedDownRefusals = 0;
	for (;;) {
		const outcome = await settle(attempt);
		if (outcome.ok) return outcome.value;
		const { error } = outcome;
		if (error.code === 'INTEGRITY_ERROR') integrityFailures++;
		const uncounted =
			settings.maxTries > 1 &&
			error.slowedDown === true &&
			slowedDownRefusals < MAX_SLOWED_DOWN_REFUSALS;
		if (uncounted) slowedDownRefusals++;
		else triesUsed++;
		const delay =
			isRetryable(error, integrityFailures) && triesUsed < settings.maxTries && !cancel?.aborted
				? retryDelayMs(triesUsed + 1, error.retryAfterMs, Math.random())
				: undefined;
		if (delay === undefined) throw error;
		try {
			await sleep(delay, cancel);
		} catch {
			throw cancelledError();
		}
	}
}
