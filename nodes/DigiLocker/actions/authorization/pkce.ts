import { createHash } from 'node:crypto';

const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))), no padding. */
export function codeChallengeS256(codeVerifier: string): string {
	return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

/** RFC 7636 §4.1: 43 to 128 characters from the unreserved set. */
export function isValidCodeVerifier(value: string): boolean {
	return VERIFIER_PATTERN.test(value);
}
