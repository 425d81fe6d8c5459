import type { IDataObject } from 'n8n-workflow';

import { DigiLockerError } from '../../helpers/errors';

/** Longer than any access token DigiLocker issues (an hour): a bigger `expires_in` is not a real lifetime. */
const MAX_EXPIRES_IN_SECONDS = 10 * 365 * 24 * 3600;
/** 9999-12-31T23:59:59Z: the last instant an ISO date can name. */
const MAX_UNIX_SECONDS = 253_402_300_799;

function toWholeSeconds(value: unknown, max: number): number | undefined {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\d{1,15}$/.test(value.trim())
				? Number(value.trim())
				: Number.NaN;
	return Number.isInteger(number) && number >= 0 && number <= max ? number : undefined;
}

/**
 * The token answer's fields could not be read. The code or refresh token is spent by now, so the answer is kept in
 * the envelope's `data` (the tokens in it may still work) next to the INVALID_RESPONSE error.
 */
function fieldError(field: string, rule: string, status: number, body: Record<string, unknown>) {
	return new DigiLockerError('INVALID_RESPONSE', `"${field}" in the token response ${rule}`, {
		status,
		keptData: { ...(body as IDataObject) },
		hint: "DigiLocker's answer is kept in data as it came: store its tokens before retrying anything, the code or refresh token is spent.",
	});
}

function checkOptionalString(body: Record<string, unknown>, field: string, status: number) {
	if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string') {
		throw fieldError(field, 'must be a string', status, body);
	}
}

/**
 * Checks a token endpoint's 2xx JSON object and returns DigiLocker's fields (unknown ones kept) with `expires_in` and
 * `consent_valid_till` as numbers, plus `id`, `created_at` and `expires_at`.
 */
export function processTokenResponse(
	body: Record<string, unknown>,
	status: number,
	now: Date,
): IDataObject {
	if (typeof body.access_token !== 'string' || body.access_token.trim() === '') {
		throw fieldError('access_token', 'must be a non-empty string', status, body);
	}
	if (
		body.token_type !== undefined &&
		(typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer')
	) {
		throw fieldError('token_type', 'must be "Bearer"', status, body);
	}
	for (const field of ['refresh_token', 'scope', 'digilockerid']) {
		checkOptionalString(body, field, status);
	}

	const data: IDataObject = { ...(body as IDataObject) };
	if (body.expires_in !== undefined) {
		const expiresIn = toWholeSeconds(body.expires_in, MAX_EXPIRES_IN_SECONDS);
		if (expiresIn === undefined) {
			throw fieldError(
				'expires_in',
				'must be a whole number of seconds, at most ten years',
				status,
				body,
			);
		}
		data.expires_in = expiresIn;
	}
	const consent = body.consent_valid_till;
	if (consent !== undefined && consent !== null && consent !== '') {
		const consentValidTill = toWholeSeconds(consent, MAX_UNIX_SECONDS);
		if (consentValidTill === undefined) {
			throw fieldError('consent_valid_till', 'must be a Unix time in seconds', status, body);
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
