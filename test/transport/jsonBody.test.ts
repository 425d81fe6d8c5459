import { parseJson } from '../../nodes/DigiLocker/transport/jsonBody';

describe('parseJson', () => {
	it.each([
		['an empty body', '', 'DigiLocker returned an empty body where JSON was expected (HTTP 200)'],
		['HTML', '<html><body>Maintenance</body></html>', 'not valid JSON (HTTP 200)'],
		['truncated JSON', '{"access_token": "abc"', 'not valid JSON (HTTP 200)'],
	])('refuses %s as INVALID_RESPONSE', (_case, text, message) => {
		expect(() => parseJson(text, 200)).toThrow(
			expect.objectContaining({
				code: 'INVALID_RESPONSE',
				status: 200,
				message: expect.stringContaining(message),
			}),
		);
	});
});
