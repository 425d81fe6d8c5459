import { randomBytes } from 'node:crypto';

/** One cookie per flow, named after its state, so two consents started in one browser do not overwrite each other. */
const COOKIE_PREFIX = 'dl_consent_';
const NAME_CHARACTERS_FROM_NONCE = 16;

export interface CookieScope {
	/** The callback's path: the browser sends the cookie there and nowhere else. */
	path: string;
	secure: boolean;
}

export const bindingCookieName = (nonce: string) =>
	`${COOKIE_PREFIX}${nonce.slice(0, NAME_CHARACTERS_FROM_NONCE)}`;

/** A value only this browser gets: 256 random bits. */
export const newBindingValue = () => randomBytes(32).toString('base64url');

function attributes(scope: CookieScope, maxAgeSeconds: number): string {
	return [
		`Path=${scope.path}`,
		`Max-Age=${maxAgeSeconds}`,
		'HttpOnly',
		'SameSite=Lax',
		...(scope.secure ? ['Secure'] : []),
	].join('; ');
}

export const setBindingCookie = (
	name: string,
	value: string,
	scope: CookieScope,
	maxAgeSeconds: number,
) => `${name}=${value}; ${attributes(scope, maxAgeSeconds)}`;

export const clearBindingCookie = (name: string, scope: CookieScope) =>
	`${name}=; ${attributes(scope, 0)}`;

/** The value of the cookie `name` in a Cookie header; '' when it is absent or sent twice with different values. */
export function readCookie(header: string | string[] | undefined, name: string): string {
	const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
	const values = new Set<string>();
	for (const pair of text.split(';')) {
		const at = pair.indexOf('=');
		if (at !== -1 && pair.slice(0, at).trim() === name) values.add(pair.slice(at + 1).trim());
	}
	return values.size === 1 ? [...values][0] : '';
}
