import {
	codeChallengeS256,
	isValidCodeVerifier,
} from '../../../nodes/DigiLocker/actions/authorization/pkce';

describe('pkce', () => {
	it('derives the RFC 7636 Appendix B challenge from its verifier', () => {
		expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
		);
	});

	it.each([
		['42 characters', 'a'.repeat(42), false],
		['43 characters', 'a'.repeat(43), true],
		['128 characters', 'a'.repeat(128), true],
		['129 characters', 'a'.repeat(129), false],
		['every unreserved character', `AZaz09-._~${'x'.repeat(33)}`, true],
		['a space', `${'a'.repeat(42)} `, false],
		['a plus sign', `${'a'.repeat(42)}+`, false],
		['non-ASCII letters', `${'a'.repeat(42)}é`, false],
	])('accepts a verifier with %s: %s', (_case, verifier, valid) => {
		expect(isValidCodeVerifier(verifier)).toBe(valid);
	});
});
