import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from './constants';
import { validationError } from './errors';

export interface RequestSettings {
	timeoutMs: number;
}

export function readRequestSettings(this: IExecuteFunctions, itemIndex: number): RequestSettings {
	const options = this.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject;
	const seconds = options.timeoutSeconds;
	if (seconds === undefined || seconds === null || seconds === '') return { timeoutMs: DEFAULT_TIMEOUT_MS };
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
		throw validationError('Timeout must be a number of seconds from 1 to 600');
	}
	return { timeoutMs: Math.round(seconds * 1000) };
}
