import { redactSecrets } from '../../nodes/DigiLocker/helpers/redact';

describe('redactSecrets', () => {
	it('replaces every occurrence of each secret, longest first', () => {
		expect(redactSecrets('code abcd1234 and abcd1234abcd', ['abcd1234', 'abcd1234abcd'])).toBe(
			'code [redacted] and [redacted]',
		);
	});

	it('ignores missing and very short values, which would shred ordinary words', () => {
		expect(redactSecrets('a bad request', [undefined, '', 'a', 'bad'])).toBe('a bad request');
	});
});
