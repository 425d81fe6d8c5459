import { resolveBaseUrl, toAppConfig } from '../../nodes/DigiLocker/helpers/appConfig';

const complete = {
	clientId: ' APPKEY ',
	clientSecret: 'secret-value',
	redirectUri: 'https://n8n.example.com/webhook/cb',
	environment: 'production',
	clientAuthentication: 'body',
};

describe('resolveBaseUrl', () => {
	it.each([
		['production', 'https://digilocker.meripehchaan.gov.in/public'],
		['legacy', 'https://api.digitallocker.gov.in/public'],
		['sandbox', 'https://betaapi.digitallocker.gov.in/public'],
	])('maps %s to %s', (environment, url) => {
		expect(resolveBaseUrl(environment, undefined)).toBe(url);
	});

	it.each([
		['https://dl.example.com/public/', 'https://dl.example.com/public'],
		['http://localhost:8765/public', 'http://localhost:8765/public'],
		['http://127.0.0.1:8765/public', 'http://127.0.0.1:8765/public'],
		['http://127.1.2.3/public', 'http://127.1.2.3/public'],
		['http://[::1]:8765/public', 'http://[::1]:8765/public'],
	])('accepts the custom URL %s', (input, expected) => {
		expect(resolveBaseUrl('custom', input)).toBe(expected);
	});

	it.each([
		[
			'http://dl.example.com/public',
			'The custom Base URL must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)',
		],
		[
			'http://127.0.0.1.nip.io/public',
			'The custom Base URL must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)',
		],
		[
			'http://localhost.example.com/',
			'The custom Base URL must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)',
		],
		[
			'ftp://localhost/public',
			'The custom Base URL must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)',
		],
		['not a url', 'The custom Base URL of the DigiLocker credential is not a valid URL'],
		['', 'The custom Base URL of the DigiLocker credential is not a valid URL'],
		[
			'https://dl.example.com/public?x=1',
			'The custom Base URL must not contain a query, fragment or user info',
		],
		[
			'https://user:pw@dl.example.com/public',
			'The custom Base URL must not contain a query, fragment or user info',
		],
	])('rejects the custom URL %j', (input, message) => {
		expect(() => resolveBaseUrl('custom', input)).toThrow(message);
	});

	it('rejects an unknown environment', () => {
		expect(() => resolveBaseUrl('staging', undefined)).toThrow(
			'Unknown DigiLocker environment "staging"',
		);
	});
});

describe('toAppConfig', () => {
	it('trims the fields and resolves the base URL', () => {
		expect(toAppConfig(complete)).toEqual({
			clientId: 'APPKEY',
			clientSecret: 'secret-value',
			redirectUri: 'https://n8n.example.com/webhook/cb',
			baseUrl: 'https://digilocker.meripehchaan.gov.in/public',
			clientAuthentication: 'body',
		});
	});

	it('defaults to production and Basic client authentication', () => {
		const minimal = {
			clientId: complete.clientId,
			clientSecret: complete.clientSecret,
			redirectUri: complete.redirectUri,
		};
		expect(toAppConfig(minimal)).toMatchObject({
			baseUrl: 'https://digilocker.meripehchaan.gov.in/public',
			clientAuthentication: 'basic',
		});
	});

	it.each([
		'http://localhost:5678/webhook/cb',
		'http://127.0.0.1:5678/webhook/cb',
		'http://[::1]:5678/webhook/cb',
	])('accepts the loopback http Redirect URI %s', (redirectUri) => {
		expect(toAppConfig({ ...complete, redirectUri }).redirectUri).toBe(redirectUri);
	});

	it.each([
		[{ clientId: '' }, 'The App Key (Client ID) of the DigiLocker credential is empty'],
		[
			{ clientSecret: '   ' },
			'The App Secret (Client Secret) of the DigiLocker credential is empty',
		],
		[
			{ redirectUri: '/webhook/cb' },
			'The Redirect URI of the DigiLocker credential is not a valid URL',
		],
		[
			{ redirectUri: 'javascript:alert(1)' },
			'The Redirect URI must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)',
		],
		[
			{ redirectUri: 'http://n8n.example.com/webhook/cb' },
			'The Redirect URI must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)',
		],
		[
			{ redirectUri: 'http://127.0.0.1.nip.io/webhook/cb' },
			'The Redirect URI must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)',
		],
		[{ clientAuthentication: 'jwt' }, 'Unknown client authentication "jwt"'],
	])('rejects %j', (override, message) => {
		expect(() => toAppConfig({ ...complete, ...override })).toThrow(
			expect.objectContaining({ code: 'VALIDATION_ERROR', message }),
		);
	});
});
