import { DigiLockerError } from '../helpers/errors';
import type { RequestSignals } from './deadline';

const TIMEOUT_CODES = new Set([
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'UND_ERR_HEADERS_TIMEOUT',
]);
/** Errors of n8n's own storage (the binary data store), not of the network. */
const STORAGE_CODES = new Set([
	'ENOSPC',
	'EDQUOT',
	'EACCES',
	'EPERM',
	'EROFS',
	'EMFILE',
	'ENFILE',
	'EISDIR',
	'ENOTDIR',
	'EEXIST',
	'EIO',
]);

function findErrorCode(error: unknown): string | undefined {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
		current = cause;
	}
	return undefined;
}

function isTimeout(error: unknown, code: string | undefined): boolean {
	if (code && TIMEOUT_CODES.has(code)) return true;
	const message = (error as { message?: unknown })?.message;
	return typeof message === 'string' && /timeout of \d+ms exceeded/i.test(message);
}

export const cancelledError = () =>
	new DigiLockerError('CANCELLED', 'The execution was cancelled while DigiLocker was answering');

/**
 * A request that got no (complete) HTTP answer, or whose answer could not be stored: the message names the host and
 * the error code, never the request.
 */
export function transportFailure(
	error: unknown,
	baseUrl: string,
	signals?: RequestSignals,
): DigiLockerError {
	if (error instanceof DigiLockerError) return error;
	if (signals?.cancel?.aborted) return cancelledError();
	const code = findErrorCode(error);
	const host = new URL(baseUrl).host;
	if (signals?.deadline.aborted || isTimeout(error, code)) {
		return new DigiLockerError('TIMEOUT', `DigiLocker at ${host} did not answer in time`, {
			hint: 'The timeout covers the whole answer, its body included: raise it for large files, or try again later.',
		});
	}
	if (code && STORAGE_CODES.has(code)) {
		return new DigiLockerError('INTERNAL_ERROR', `n8n could not store the answer (${code})`, {
			hint: "Check the disk and the binary data settings of the n8n host; DigiLocker's answer itself arrived.",
		});
	}
	return new DigiLockerError(
		'NETWORK_ERROR',
		`Could not reach DigiLocker at ${host}${code ? ` (${code})` : ''}`,
		{
			hint: 'Check the environment or base URL of the credential and the network of the n8n host.',
		},
	);
}
