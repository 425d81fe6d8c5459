import { DigiLockerError } from '../helpers/errors';

const TIMEOUT_CODES = new Set([
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'UND_ERR_HEADERS_TIMEOUT',
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

/** A request that got no (complete) HTTP answer: the message names the host and the socket error, never the request. */
export function transportFailure(error: unknown, baseUrl: string): DigiLockerError {
	if (error instanceof DigiLockerError) return error;
	const code = findErrorCode(error);
	const host = new URL(baseUrl).host;
	if (isTimeout(error, code)) {
		return new DigiLockerError('TIMEOUT', `DigiLocker at ${host} did not answer in time`, {
			hint: 'DigiLocker may be slow or unreachable; try again later or raise the timeout.',
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
