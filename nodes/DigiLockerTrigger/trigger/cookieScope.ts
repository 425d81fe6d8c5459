import type { DigiLockerApp } from '../../DigiLocker/helpers/appConfig';
import type { CookieScope } from './bindingCookie';

/** The binding cookie goes only to the registered callback: its path, Secure when it is https. */
export function cookieScopeOf(app: DigiLockerApp): CookieScope {
	const redirect = new URL(app.redirectUri);
	return { path: redirect.pathname, secure: redirect.protocol === 'https:' };
}
