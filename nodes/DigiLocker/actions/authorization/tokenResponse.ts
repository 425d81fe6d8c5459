import type { IDataObject } from 'n8n-workflow';

import { invalidResponse } from '../../helpers/errors';
import { parseJsonObject, tryParseJsonObject } from '../../transport/jsonBody';
import { upstreamError } from '../../transport/upstreamErrors';

/** An HTTP answer as the transport hands it on; `body` is the text, a stream or bytes. */
export interface HttpResponse<B = string> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: B;
}

const fieldError = (field: string, rule: string, status: number) =>
	invalidResponse(`"${field}" in the token response ${rule}`, status);

function toWholeSeconds(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
	if (typeof value === 'string' && /^\d{1,12}$/.test(value.trim())) return Number(value.trim());
	return undefined;
}

function checkOptionalString(body: Record<string, unknown>, field: string, status: number) {
	if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string') {
		throw fieldError(field, 'must be a string', status);
	}
}

/**
 * Checks a token endpoint answer and returns DigiLocker's fields (unknown ones kept) with `expires_in` and
 * `consent_valid_till` as numbers, plus `id`, `created_at` and `expires_at`.
 */
export function processTokenResponse(response: HttpResponse, now: Date): IDataObject {
	const { statusCode: status, body: text } = response;
	if (status < 200 || status > 299) {
		throw upstreamError(status, tryParseJsonObject(text), 'client');
	}
	const body = parseJsonObject(text, status);
	if (typeof body.access_token !== 'string' || body.access_token.trim() === '') {
		throw fieldError('access_token', 'must be a non-empty string', status);
	}
	if (
		body.token_type !== undefined &&
		(typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer')
	) {
		throw fieldError('token_type', 'must be "Bearer"', status);
	}
	for (const field of ['refresh_token', 'scope', 'digilockerid'])
		checkOptionalString(body, field, status);

	const data: IDataObject = { ...(body as IDataObject) };
	if (body.expires_in !== undefined) {
		const expiresIn = toWholeSeconds(body.expires_in);
		if (expiresIn === undefined) {
			throw fieldError('expires_in', 'must be a whole number of seconds', status);
		}
		data.expires_in = expiresIn;
	}
	if (
		body.consent_valid_till !== undefined &&
		body.consent_valid_till !== null &&
		body.consent_valid_till !== ''
	) {
		const consentValidTill = toWholeSeconds(body.consent_valid_till);
		if (consentValidTill === undefined) {
			throw fieldError('consent_valid_till', 'must be a Unix time in seconds', status);
		}
		data.consent_valid_till = consentValidTill;
	}
	if (typeof body.digilockerid === 'string' && body.digilockerid !== '')
		data.id = body.digilockerid;
	data.created_at = now.toISOString();
	if (typeof data.expires_in === 'number') {
		data.expires_at = new Date(now.getTime() + data.expires_in * 1000).toISOString();
	}
	return data;
}
