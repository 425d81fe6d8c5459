import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	DEFAULT_CONCURRENCY,
	DEFAULT_MAX_TRIES,
	DEFAULT_TIMEOUT_MS,
	MAX_CONCURRENCY,
	MAX_TRIES,
} from './constants';
import { validationError } from './errors';

export interface RequestSettings {
	timeoutMs: number;
	/** Tries of an idempotent request, the first one included. */
	maxTries: number;
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

/** How many items run at once: one value for the whole node run, read from the first item. */
export function readConcurrency(this: IExecuteFunctions): number {
	const options = readOptions.call(this, 0);
	const concurrency = readWholeNumber(
		options.concurrency,
		DEFAULT_CONCURRENCY,
		1,
		MAX_CONCURRENCY,
		`Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`,
	);
	if (!Number.isInteger(concurrency))
		throw validationError(`Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`);
	return concurrency;
}
