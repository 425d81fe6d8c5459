import { cancelledError } from './failures';

/**
 * Requests in flight, at most `limit()` at once, granted in the order asked. A slot is taken before a request is
 * sent and given back when its answer (or failure) is recorded, so a retry after a cut waits its turn instead of
 * joining every other retry in one burst.
 */
export interface RequestSlots {
	/** Resolves once a slot is held; rejects (cancelled) when the execution is cancelled while waiting. */
	take(cancel?: AbortSignal): Promise<void>;
	/** Gives a held slot back and grants it to the next in line. */
	give(): void;
	/** Grants waiting requests whatever room the limit now leaves (call after the limit grew). */
	grant(): void;
	readonly inFlight: number;
}

interface Waiter {
	admit: () => void;
}

export function createRequestSlots(limit: () => number): RequestSlots {
	let inFlight = 0;
	const waiting: Waiter[] = [];
	const room = () => inFlight < Math.max(1, limit());

	const grant = () => {
		while (waiting.length > 0 && room()) waiting.shift()!.admit();
	};

	return {
		get inFlight() {
			return inFlight;
		},
		async take(cancel) {
			if (cancel?.aborted) throw cancelledError();
			if (waiting.length === 0 && room()) {
				inFlight++;
				return;
			}
			await new Promise<void>((resolve, reject) => {
				const onCancel = () => {
					const index = waiting.indexOf(waiter);
					if (index !== -1) waiting.splice(index, 1);
					reject(cancelledError());
				};
				const waiter: Waiter = {
					admit: () => {
						cancel?.removeEventListener('abort', onCancel);
						inFlight++;
						resolve();
					},
				};
				cancel?.addEventListener('abort', onCancel, { once: true });
				waiting.push(waiter);
			});
		},
		give() {
			inFlight = Math.max(0, inFlight - 1);
			grant();
		},
		grant,
	};
}
