export const CREDENTIAL_TYPE = 'digiLockerApi';

export const ENVIRONMENT_BASE_URLS = {
	production: 'https://digilocker.meripehchaan.gov.in/public',
	legacy: 'https://api.digitallocker.gov.in/public',
	sandbox: 'https://betaapi.digitallocker.gov.in/public',
} as const;

export type NamedEnvironment = keyof typeof ENVIRONMENT_BASE_URLS;

export const PATHS = {
	consentPage: '/oauth2/1/authorize',
	token: '/oauth2/1/token',
	revoke: '/oauth2/1/revoke',
	user: '/oauth2/1/user',
	issuedFiles: '/oauth2/2/files/issued',
	uploadedFolder: '/oauth2/1/files/',
	file: '/oauth2/1/file/',
	xml: '/oauth2/1/xml/',
	eAadhaar: '/oauth2/3/xml/eaadhaar',
	pullDocument: '/oauth2/1/pull/pulldocument',
	upload: '/oauth2/1/file/upload',
	issuers: '/oauth2/1/pull/issuers',
	documentTypes: '/oauth2/1/pull/doctype',
	issuerParameters: '/oauth2/1/pull/parameters',
} as const;

export const DEFAULT_STATE_LIFETIME_MINUTES = 30;
export const MAX_STATE_LIFETIME_MINUTES = 24 * 60;
export const STATE_CLOCK_SKEW_SECONDS = 60;
export const MAX_CONTEXT_LENGTH = 512;
export const MAX_CONTEXT_BYTES = 1024;
export const MIN_BINDING_LENGTH = 8;
export const MAX_BINDING_LENGTH = 4096;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_CONCURRENCY = 100;
export const DEFAULT_MAX_TRIES = 3;
export const MAX_TRIES = 10;
