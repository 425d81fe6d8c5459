import { sleep } from 'n8n-workflow';

import { AdaptiveLimit, type RequestSignal } from '../helpers/adaptiveLimit';
import type { DigiLockerError } from '../helpers/errors';
import type { Concurrency, RequestPacer } from '../helpers/requestSettings';
import { cancelledError } from './failures';

/** The answer statuses that mean "too much": DigiLocker's rate limit and overload. */
const OVERLOAD_STATUSES = new Set([429, 503]);

export function signalOfStatus(status: number): RequestSignal {
	if (status >= 200 && status <= 299) return 'clean';
	return OVERLOAD_STATUSES.has(status) ? 'overload' : 'neutral';
}

export function signalOfFailure(error: DigiLockerError): RequestSignal {
	return error.code === 'TIMEOUT' || error.code === 'NETWORK_ERROR' ? 'overload' : 'neutral';
}

/**
 * One node run's pacing, shared by all its items: how many items run at once (fixed, or adaptive), and the pause a
 * Retry-After asks for, which holds back every request of the run, not only the item that got it.
 */
export function createPacer(concurrency: Concurrency): RequestPacer & { limit: () => number } {
	const controller =
		concurrency === 'adaptive'
			? new AdaptiveLimit()
			: new AdaptiveLimit({ initial: concurrency, min: concurrency, max: concurrency });
	return {
		limit: () => controller.limit,
		async beforeSend(cancel) {
			for (let wait = controller.pauseMs(Date.now()); wait > 0; ) {
				try {
					await sleep(wait, cancel);
				} catch {
					throw cancelledError();
				}
				wait = controller.pauseMs(Date.now());
			}
			return Date.now();
		},
		record(sentAt, signal, retryAfterMs) {
			controller.record({ sentAt, answeredAt: Date.now(), signal, retryAfterMs });
		},
	};
}
