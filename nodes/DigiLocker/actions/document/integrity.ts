import { createHmac, timingSafeEqual, type Hmac } from 'node:crypto';

import { DigiLockerError } from '../../helpers/errors';

/** DigiLocker's `hmac`: Base64 of HMAC-SHA256 over the exact body bytes, keyed by the app's client secret. */
export function bodyHmac(body: Buffer, clientSecret: string): string {
	return createHmac('sha256', clientSecret).update(body).digest('base64');
}

export function startBodyHmac(clientSecret: string): Hmac {
	return createHmac('sha256', clientSecret);
}

export function readHmacHeader(headers: Record<string, unknown>): string | undefined {
	const value = headers.hmac ?? headers.Hmac ?? headers.HMAC;
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/** Compares DigiLocker's header with the HMAC we computed; throws INTEGRITY_ERROR on any difference. */
export function assertHmacMatches(expectedBase64: string, headerValue: string): void {
	const expected = Buffer.from(expectedBase64, 'base64');
	const given = Buffer.from(headerValue, 'base64');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		throw new DigiLockerError(
			'INTEGRITY_ERROR',
			'The file DigiLocker sent does not match its hmac header, so it was not used',
			{
				hint: 'The file was changed or cut short on the way, or the App Secret of the credential is not the one DigiLocker signs with.',
			},
		);
	}
}

/** The INTEGRITY_ERROR of a file that came without an `hmac` header while the node was told to require one. */
export function missingHmacError(): DigiLockerError {
	return new DigiLockerError(
		'INTEGRITY_ERROR',
		'DigiLocker sent the file without an hmac header, and Require Integrity Check is on, so it was not used',
		{
			hint: 'Turn Require Integrity Check off to accept files DigiLocker does not sign, or ask DigiLocker why the header is missing.',
		},
	);
}
