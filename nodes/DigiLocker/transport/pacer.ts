import { sleep } from 'n8n-workflow';

import { AdaptiveLimit, type RequestSignal } from '../helpers/adaptiveLimit';
import type { DigiLockerError } from '../helpers/errors';
import type { Concurrency, RequestPacer } from '../helpers/requestSettings';
import { cancelledError } from './failures';
import { createRequestSlots } from './requestSlots';

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
 * One node run's pacing, shared by all its items: how many requests are in flight at once (fixed, or adaptive), and
 * the pause a Retry-After asks for, which holds back every request of the run, not only the item that got it. Retries
 * take their turn like first tries, so a cut limit holds for them too.
 */
export function createPacer(concurrency: Concurrency): RequestPacer & { limit: () => number } {
	const controller =
		concurrency === 'adaptive'
			? new AdaptiveLimit()
			: new AdaptiveLimit({ initial: concurrency, min: concurrency, max: concurrency });
	const slots = createRequestSlots(() => controller.limit);
	const waitOutPause = async (cancel?: AbortSignal) => {
		for (let wait = controller.pauseMs(Date.now()); wait > 0; ) {
			try {
				await sleep(wait, cancel);
			} catch {
				throw cancelledError();
			}
			wait = controller.pauseMs(Date.now());
		}
	};
	return {
		limit: () => controller.limit,
		async beforeSend(cancel) {
			for (;;) {
				await waitOutPause(cancel);
				await slots.take(cancel);
				if (controller.pauseMs(Date.now()) === 0)
					return { sentAt: Date.now(), inFlight: slots.inFlight };
				// a pause began while this request waited for its turn: give the turn back and wait the pause out
				slots.give();
			}
		},
		record({ sentAt, inFlight }, signal, retryAfterMs) {
			controller.record({ sentAt, inFlight, answeredAt: Date.now(), signal, retryAfterMs });
			slots.give();
		},
		sentAboveLimit: (ticket) => ticket.inFlight > controller.limit,
	};
}
