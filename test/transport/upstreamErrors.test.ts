import { tryParseJsonObject } from '../../nodes/DigiLocker/transport/jsonBody';
import { oauthErrorIn, upstreamError } from '../../nodes/DigiLocker/transport/upstreamErrors';

const answer = (body: unknown, status: number) =>
	upstreamError(
		status,
		tryParseJsonObject(typeof body === 'string' ? body : JSON.stringify(body)),
		'client',
	);

describe('upstreamError for the token endpoint', () => {
	it.each([
		[
			400,
			{ error: 'invalid_grant', error_description: 'The authorization code is invalid or expired' },
			'INVALID_GRANT',
			'DigiLocker rejected the authorization code or refresh token: The authorization code is invalid or expired (invalid_grant), HTTP 400',
		],
		[
			401,
			{ error: 'invalid_client', error_description: 'Client authentication failed' },
			'INVALID_CLIENT',
			'DigiLocker rejected the App Key or App Secret: Client authentication failed (invalid_client), HTTP 401',
		],
		[
			400,
			{ error: 'invalid_client' },
			'INVALID_CLIENT',
			'DigiLocker rejected the App Key or App Secret: (invalid_client), HTTP 400',
		],
		[
			401,
			'<html>Unauthorized</html>',
			'INVALID_CLIENT',
			'DigiLocker rejected the App Key or App Secret: HTTP 401',
		],
		[
			400,
			{ error: 'invalid_grant_type' },
			'UPSTREAM_ERROR',
			'DigiLocker could not handle the request: (invalid_grant_type), HTTP 400',
		],
		[429, '', 'RATE_LIMITED', 'DigiLocker is limiting the request rate: HTTP 429'],
		[
			500,
			{ error: 'unexpected_error', error_description: 'Internal server error' },
			'UPSTREAM_ERROR',
			'DigiLocker could not handle the request: Internal server error (unexpected_error), HTTP 500',
		],
		[530, 'garbage', 'UPSTREAM_ERROR', 'DigiLocker could not handle the request: HTTP 530'],
	])('maps HTTP %d %j to %s', (status, body, code, message) => {
		expect(answer(body, status)).toEqual(expect.objectContaining({ code, message, status }));
	});

	it("keeps DigiLocker's error and description as upstream", () => {
		expect(answer({ error: 'invalid_grant', error_description: 'Code used' }, 400)).toEqual(
			expect.objectContaining({
				upstream: { error: 'invalid_grant', error_description: 'Code used' },
			}),
		);
	});
});

describe('oauthErrorIn', () => {
	it.each([
		[{ error: 'invalid_token' }, true],
		[{ error: '' }, false],
		[{ error: { nested: true } }, false],
		[{ items: [] }, false],
		[['error'], false],
		[null, false],
	])('%j is an OAuth error: %s', (body, expected) => {
		expect(oauthErrorIn(body)).toBe(expected);
	});
});
