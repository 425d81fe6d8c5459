'use strict';

/** PKCE (RFC 7636) checks. Only the S256 method exists on DigiLocker. */

const crypto = require('crypto');

const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
/** BASE64URL without padding of a 32-byte digest is always 43 characters. */
const S256_CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** @param {unknown} verifier */
function isValidVerifier(verifier) {
	return typeof verifier === 'string' && VERIFIER_PATTERN.test(verifier);
}

/** @param {unknown} challenge */
function isValidS256Challenge(challenge) {
	return typeof challenge === 'string' && S256_CHALLENGE_PATTERN.test(challenge);
}

/**
 * BASE64URL(SHA256(ASCII(verifier))) without padding.
 * @param {string} verifier
 */
function s256Challenge(verifier) {
	return crypto.createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * @param {string} verifier
 * @param {string} challenge
 */
function verifierMatchesChallenge(verifier, challenge) {
	const expected = Buffer.from(s256Challenge(verifier));
	const actual = Buffer.from(challenge);
	return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

module.exports = { isValidVerifier, isValidS256Challenge, s256Challenge, verifierMatchesChallenge };
