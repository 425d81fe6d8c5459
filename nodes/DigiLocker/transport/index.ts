import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { DigiLockerApp } from '../helpers/appConfig';
import { CREDENTIAL_TYPE } from '../helpers/constants';
import { DigiLockerError } from '../helpers/errors';
import type { RequestSettings } from '../helpers/requestSettings';
import type { RawResponse } from '../helpers/tokenResponse';

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT']);

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

/** A request that got no HTTP answer: the message names the host and the socket error, never the request. */
function transportFailure(error: unknown, app: DigiLockerApp): DigiLockerError {
	const code = findErrorCode(error);
	const host = new URL(app.baseUrl).host;
	if (isTimeout(error, code)) {
		return new DigiLockerError('TIMEOUT', `DigiLocker at ${host} did not answer in time`, {
			hint: 'DigiLocker may be slow or unreachable; try again later or raise the timeout.',
		});
	}
	return new DigiLockerError('NETWORK_ERROR', `Could not reach DigiLocker at ${host}${code ? ` (${code})` : ''}`, {
		hint: 'Check the environment or base URL of the credential and the network of the n8n host.',
	});
}

/**
 * POSTs a form to a client-authenticated endpoint (token, revoke). n8n adds the client authentication from the
 * credential. HTTP error statuses come back as responses, so n8n never re-sends the request on a 401.
 */
export async function postClientForm(
	this: IExecuteFunctions,
	app: DigiLockerApp,
	path: string,
	form: URLSearchParams,
	settings: RequestSettings,
): Promise<RawResponse> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${app.baseUrl}${path}`,
		headers: { Accept: 'application/json' },
		body: form,
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: settings.timeoutMs,
	};
	let response: { statusCode: number; headers: Record<string, unknown>; body: unknown };
	try {
		response = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options);
	} catch (error) {
		throw transportFailure(error, app);
	}
	const body = typeof response.body === 'string' ? response.body : String(response.body ?? '');
	return { statusCode: response.statusCode, headers: response.headers ?? {}, body };
}
