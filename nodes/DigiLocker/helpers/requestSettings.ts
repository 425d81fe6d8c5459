import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_TRIES, DEFAULT_TIMEOUT_MS, MAX_CONCURRENCY, MAX_TRIES } from './constants';
import type { RequestSignal } from './adaptiveLimit';
import { validationError } from './errors';

/** A number: that many items at once. 'adaptive': as many as DigiLocker answers quickly and cleanly (the default). */
export type Concurrency = number | 'adaptive';

/** A request's turn: when it was sent, and how many of the run's requests were in flight then, itself included. */
export interface SendTicket {
	sentAt: number;
	inFlight: number;
}

/** The node run's shared pacing, which the transport tells about every request (see transport/pacer.ts). */
export interface RequestPacer {
	/**
	 * Waits for the request's turn (fewer in flight than the limit) and out a Retry-After pause shared by the run;
	 * returns the request's ticket. Every call is followed by exactly one `record` with that ticket.
	 */
	beforeSend(cancel?: AbortSignal): Promise<SendTicket>;
	/** What came of a request: its answer's headers arrived, or it failed. */
	record(ticket: SendTicket, signal: RequestSignal, retryAfterMs?: number): void;
	/** Whether more requests were in flight when this one was sent than the run allows now (it has slowed down). */
	sentAboveLimit(ticket: SendTicket): boolean;
}

export interface RequestSettings {
	timeoutMs: number;
	/** Tries of an idempotent request, the first one included. */
	maxTries: number;
	pacer?: RequestPacer;
}

function readWholeNumber(
	raw: unknown,
	fallback: number,
	min: number,
	max: number,
	message: string,
): number {
	if (raw === undefined || raw === null || raw === '') return fallback;
	if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max)
		throw validationError(message);
	return raw;
}

function readOptions(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = this.getNodeParameter('requestOptions', itemIndex, {});
	return typeof options === 'object' && options !== null ? (options as IDataObject) : {};
}

export function readRequestSettings(this: IExecuteFunctions, itemIndex: number): RequestSettings {
	const options = readOptions.call(this, itemIndex);
	const seconds = readWholeNumber(
		options.timeoutSeconds,
		DEFAULT_TIMEOUT_MS / 1000,
		1,
		600,
		'Timeout must be a number of seconds from 1 to 600',
	);
	const maxTries = readWholeNumber(
		options.maxTries,
		DEFAULT_MAX_TRIES,
		1,
		MAX_TRIES,
		`Max Tries must be a whole number from 1 to ${MAX_TRIES}`,
	);
	if (!Number.isInteger(maxTries))
		throw validationError(`Max Tries must be a whole number from 1 to ${MAX_TRIES}`);
	return { timeoutMs: Math.round(seconds * 1000), maxTries };
}

/**
 * How many items run at once: one value for the whole node run, read from the first item. Without the (fixed)
 * Concurrency option, or with it empty, the node adapts.
 */
export function readConcurrency(this: IExecuteFunctions): Concurrency {
	const options = readOptions.call(this, 0);
	if (options.concurrency === undefined || options.concurrency === null) return 'adaptive';
	if (options.concurrency === '' || options.concurrency === 'adaptive') return 'adaptive';
	const concurrency = readWholeNumber(
		options.concurrency,
		1,
		1,
		MAX_CONCURRENCY,
		`Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`,
	);
	if (!Number.isInteger(concurrency))
		throw validationError(`Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`);
	return concurrency;
}
