import { applyClientAuthentication } from '../../credentials/digiLockerApi/clientAuthentication';

const credentials = { clientId: 'APPKEY', clientSecret: 's3cr:et', clientAuthentication: 'basic' };

const basicOf = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('applyClientAuthentication', () => {
	it('puts the form-encoded key and secret in a Basic header and leaves the form alone', () => {
		const form = new URLSearchParams({ grant_type: 'refresh_token' });
		const result = applyClientAuthentication(credentials, {
			url: '/t',
			headers: { Accept: 'application/json' },
			body: form,
		});
		expect(result.headers).toEqual({
			Accept: 'application/json',
			Authorization: basicOf('APPKEY', 's3cr%3Aet'),
		});
		expect(String(result.body)).toBe('grant_type=refresh_token');
	});

	it('form-encodes both Basic parts as RFC 6749 §2.3.1 asks (space as +, reserved characters as %XX)', () => {
		const result = applyClientAuthentication(
			{ clientId: 'app id:1', clientSecret: 'a+b/c=d:e%f g', clientAuthentication: 'basic' },
			{ url: '/t' },
		);
		expect(result.headers?.Authorization).toBe(basicOf('app+id%3A1', 'a%2Bb%2Fc%3Dd%3Ae%25f+g'));
	});

	it('adds client_id and client_secret to a URLSearchParams body without changing the original', () => {
		const form = new URLSearchParams({ grant_type: 'refresh_token' });
		const result = applyClientAuthentication(
			{ ...credentials, clientAuthentication: 'body' },
			{ url: '/t', body: form },
		);
		expect(String(result.body)).toBe(
			'grant_type=refresh_token&client_id=APPKEY&client_secret=s3cr%3Aet',
		);
		expect(String(form)).toBe('grant_type=refresh_token');
		expect(result.headers?.Authorization).toBeUndefined();
	});

	it('adds the fields to a plain object body, as the credential test sends it', () => {
		const result = applyClientAuthentication(
			{ ...credentials, clientAuthentication: 'body' },
			{ url: '/t', body: { code: 'x' } },
		);
		expect(result.body).toEqual({ code: 'x', client_id: 'APPKEY', client_secret: 's3cr:et' });
	});
});
