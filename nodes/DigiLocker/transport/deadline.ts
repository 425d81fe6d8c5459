/**
 * The signals of one request: its own deadline (Timeout, covering the whole body) and the execution's cancel
 * signal. `signal` aborts on either; the two tell afterwards which one fired.
 */
export interface RequestSignals {
	signal: AbortSignal;
	deadline: AbortSignal;
	cancel?: AbortSignal;
}

export function requestSignals(timeoutMs: number, cancel: AbortSignal | undefined): RequestSignals {
	const deadline = AbortSignal.timeout(timeoutMs);
	return { signal: cancel ? AbortSignal.any([deadline, cancel]) : deadline, deadline, cancel };
}

/**
 * Settles with `promise`, or rejects as soon as the signal aborts; a value that arrives too late goes to `onLate` (to
 * close its body). Needed because n8n's authenticated HTTP helper replaces a request's own abort signal.
 */
export async function untilAborted<T>(
	promise: Promise<T>,
	signal: AbortSignal,
	onLate: (value: T) => void,
): Promise<T> {
	return await new Promise<T>((resolve, reject) => {
		const onAbort = () => {
			reject(signal.reason);
			promise.then(onLate, () => undefined);
		};
		if (signal.aborted) return onAbort();
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});
}

/** Closes `body` when the signal aborts, until `release()` is called: the deadline covers reading the body too. */
export function closeOnAbort(body: unknown, signal: AbortSignal): () => void {
	const stream = body as { destroy?: (error?: Error) => void };
	if (typeof stream?.destroy !== 'function') return () => undefined;
	const onAbort = () => stream.destroy?.(new Error('The request deadline passed'));
	if (signal.aborted) onAbort();
	signal.addEventListener('abort', onAbort, { once: true });
	return () => signal.removeEventListener('abort', onAbort);
}
