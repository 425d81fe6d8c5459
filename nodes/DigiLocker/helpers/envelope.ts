import type { IDataObject } from 'n8n-workflow';

import type { DigiLockerError } from './errors';
import { redactSecrets } from './redact';

export function successEnvelope(data: IDataObject): IDataObject {
	return { success: true, data };
}

/** The error as users see it: fixed code, message, status and DigiLocker's own words, secrets removed. */
export function errorBody(error: DigiLockerError, secrets: string[]): IDataObject {
	const body: IDataObject = { code: error.code, message: redactSecrets(error.message, secrets) };
	if (error.status !== undefined) body.status = error.status;
	if (error.upstream) {
		const upstream: IDataObject = {};
		if (error.upstream.error) upstream.error = redactSecrets(error.upstream.error, secrets);
		if (error.upstream.error_description) {
			upstream.error_description = redactSecrets(error.upstream.error_description, secrets);
		}
		body.upstream = upstream;
	}
	return body;
}

/** A failed item's envelope; what DigiLocker's answer already gave (tokens of a spent code) stays in `data`. */
export function failureEnvelope(error: DigiLockerError, secrets: string[]): IDataObject {
	return {
		success: false,
		error: errorBody(error, secrets),
		...(error.keptData ? { data: error.keptData } : {}),
	};
}
