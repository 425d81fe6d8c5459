import type { IDataObject } from 'n8n-workflow';

export const ERROR_CODES = [
	'VALIDATION_ERROR',
	'INVALID_STATE',
	'ACCESS_DENIED',
	'INVALID_CLIENT',
	'INVALID_GRANT',
	'INVALID_TOKEN',
	'INSUFFICIENT_SCOPE',
	'NOT_FOUND',
	'RATE_LIMITED',
	'UPSTREAM_ERROR',
	'NETWORK_ERROR',
	'TIMEOUT',
	'INVALID_RESPONSE',
	'INTEGRITY_ERROR',
	'LIMIT_EXCEEDED',
	'CANCELLED',
	'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface UpstreamError {
	error?: string;
	error_description?: string;
}

export interface DigiLockerErrorDetails {
	status?: number;
	upstream?: UpstreamError;
	hint?: string;
	/** How long DigiLocker asked us to wait before trying again (its Retry-After header). */
	retryAfterMs?: number;
	/** What DigiLocker's answer already gave and must not be lost (tokens of a spent code): the envelope's `data`. */
	keptData?: IDataObject;
	/** A refusal for load (429, 503) of a request sent with more in flight than the node run now allows. */
	slowedDown?: boolean;
}

/** The one error type every layer throws; the router turns it into an envelope or an n8n error. */
export class DigiLockerError extends Error {
	override name = 'DigiLockerError';

	readonly status?: number;

	readonly upstream?: UpstreamError;

	readonly hint?: string;

	readonly retryAfterMs?: number;

	readonly keptData?: IDataObject;

	readonly slowedDown?: boolean;

	constructor(
		readonly code: ErrorCode,
		message: string,
		details: DigiLockerErrorDetails = {},
	) {
		super(message);
		this.status = details.status;
		this.upstream = details.upstream;
		this.hint = details.hint;
		this.retryAfterMs = details.retryAfterMs;
		this.keptData = details.keptData;
		this.slowedDown = details.slowedDown;
	}
}

export const validationError = (message: string, hint?: string) =>
	new DigiLockerError('VALIDATION_ERROR', message, { hint });

export const invalidResponse = (message: string, status?: number) =>
	new DigiLockerError('INVALID_RESPONSE', message, { status });

export const limitExceeded = (message: string, hint?: string) =>
	new DigiLockerError('LIMIT_EXCEEDED', message, { hint });

/** Codes that describe the caller's input; everything else is DigiLocker or the network answering. */
export const isInputErrorCode = (code: ErrorCode) =>
	code === 'VALIDATION_ERROR' || code === 'INVALID_STATE';
