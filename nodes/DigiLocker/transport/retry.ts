import { sleep, type IExecuteFunctions } from 'n8n-workflow';

import { DigiLockerError } from '../helpers/errors';
import type { RequestSettings } from '../helpers/requestSettings';
import { isRetryable, retryDelayMs } from './retryPolicy';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: DigiLockerError };

async function settle<T>(attempt: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await attempt() };
	} catch (caught) {
		const error =
			caught instanceof DigiLockerError
				? caught
				: new DigiLockerError('NETWORK_ERROR', 'The request to DigiLocker failed');
		return { ok: false, error };
	}
}

/**
 * Runs an idempotent request up to `maxTries` times, waiting between tries (backoff with jitter, Retry-After
 * honoured). Only retryable coded failures are tried again; the last failure is what the caller sees.
 */
export async function withRetries<T>(
	context: IExecuteFunctions,
	settings: RequestSettings,
	attempt: () => Promise<T>,
): Promise<T> {
	for (let tryNumber = 1; ; tryNumber++) {
		const outcome = await settle(attempt);
		if (outcome.ok) return outcome.value;
		const delay =
			isRetryable(outcome.error) && tryNumber < settings.maxTries
				? retryDelayMs(tryNumber + 1, outcome.error.retryAfterMs, Math.random())
				: undefined;
		if (delay === undefined) throw outcome.error;
		await sleep(delay, context.getExecutionCancelSignal?.());
	}
}
