import { DigiLockerError, type ErrorCode, type UpstreamError } from '../helpers/errors';

/**
 * Which kind of endpoint answered: a 401 means a bad client where the app authenticates (token, meta APIs) and a bad token elsewhere;
 * the revoke endpoint answers a bare 400 for a token it does not accept.
 */
export type EndpointKind = 'client' | 'revoke' | 'bearer';

const CODE_BY_OAUTH_ERROR: Record<string, ErrorCode> = {
	invalid_client: 'INVALID_CLIENT',
	invalid_client_id: 'INVALID_CLIENT',
	unauthorized_client: 'INVALID_CLIENT',
	invalid_grant: 'INVALID_GRANT',
	invalid_token: 'INVALID_TOKEN',
	'invalid token': 'INVALID_TOKEN',
	insufficient_scope: 'INSUFFICIENT_SCOPE',
};

const SUMMARY: Partial<Record<ErrorCode, string>> = {
	INVALID_CLIENT: 'DigiLocker rejected the App Key or App Secret',
	INVALID_GRANT: 'DigiLocker rejected the authorization code or refresh token',
	INVALID_TOKEN: 'DigiLocker rejected the token',
	INSUFFICIENT_SCOPE: 'The token does not carry the scope this request needs',
	NOT_FOUND: 'DigiLocker found nothing at this address',
	RATE_LIMITED: 'DigiLocker is limiting the request rate',
	UPSTREAM_ERROR: 'DigiLocker could not handle the request',
};

const HINT: Partial<Record<ErrorCode, string>> = {
	INVALID_CLIENT:
		'Check the App Key, App Secret and Client Authentication of the DigiLocker credential.',
	INVALID_GRANT:
		'Authorization codes work once and expire within minutes; refresh tokens work once, then the new one must be used.',
	INVALID_TOKEN:
		'The access token expired or was revoked: refresh it or ask the user for consent again.',
	INSUFFICIENT_SCOPE:
		'Request the needed scope in "Get Authorization URL" and ask the user for consent again.',
	RATE_LIMITED: 'Send fewer requests at once or wait before retrying.',
};

function codeFor(status: number, oauthError: string | undefined, kind: EndpointKind): ErrorCode {
	const known = oauthError ? CODE_BY_OAUTH_ERROR[oauthError] : undefined;
	if (known) return known;
	if (status === 401) return kind === 'bearer' ? 'INVALID_TOKEN' : 'INVALID_CLIENT';
	if (status === 400 && kind === 'revoke') return 'INVALID_TOKEN';
	if (status === 403) return 'INSUFFICIENT_SCOPE';
	if (status === 404) return 'NOT_FOUND';
	if (status === 429) return 'RATE_LIMITED';
	return 'UPSTREAM_ERROR';
}

function readUpstream(body: unknown): UpstreamError | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const { error, error_description: description } = body as Record<string, unknown>;
	const upstream: UpstreamError = {};
	if (typeof error === 'string' && error !== '') upstream.error = error;
	if (typeof description === 'string' && description !== '')
		upstream.error_description = description;
	return upstream.error || upstream.error_description ? upstream : undefined;
}

/**
 * Turns a non-2xx answer (its JSON body, or undefined when the body was not JSON) into a coded error, carrying
 * DigiLocker's Retry-After when it sent one.
 */
export function upstreamError(
	status: number,
	body: unknown,
	kind: EndpointKind,
	retryAfterMs?: number,
	slowedDown?: boolean,
): DigiLockerError {
	const upstream = readUpstream(body);
	const code = codeFor(status, upstream?.error, kind);
	const detail = [upstream?.error_description, upstream?.error && `(${upstream.error})`]
		.filter(Boolean)
		.join(' ');
	const message = `${SUMMARY[code]}: ${detail ? `${detail}, ` : ''}HTTP ${status}`;
	return new DigiLockerError(code, message, {
		status,
		upstream,
		hint: HINT[code],
		retryAfterMs,
		slowedDown,
	});
}

/** Whether a parsed answer is an OAuth error object (`{ "error": "…" }`), which is a refusal whatever the status. */
export function oauthErrorIn(parsed: unknown): boolean {
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
	const { error } = parsed as Record<string, unknown>;
	return typeof error === 'string' && error.trim() !== '';
}
