import { randomBytes } from 'node:crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { buildConsentRequest } from '../../DigiLocker/actions/authorization/consentUrl';
import { checkContext } from '../../DigiLocker/actions/authorization/context';
import type { DigiLockerApp } from '../../DigiLocker/helpers/appConfig';
import { MAX_CONTEXT_LENGTH } from '../../DigiLocker/helpers/constants';
import { checkText } from '../../DigiLocker/helpers/parameters';
import { bindingCookieName, newBindingValue, setBindingCookie } from './bindingCookie';
import { MAX_QUERY_LENGTH } from './callbackQuery';
import { cookieScopeOf } from './cookieScope';
import { NEUTRAL_PAGES, sendPage, sendRedirect, type BrowserResponse } from './respond';

/**
 * The cookie outlives the state by an hour, so a user who comes back late is told the link expired rather than that
 * another browser started it.
 */
const COOKIE_GRACE_SECONDS = 3600;

/** The start URL's `context`, '' when absent; undefined when the query is not one a start link has. */
function readStartContext(rawUrl: string): string | undefined {
	const mark = rawUrl.indexOf('?');
	const rawQuery = mark === -1 ? '' : rawUrl.slice(mark + 1);
	if (rawQuery.length > MAX_QUERY_LENGTH) return undefined;
	const values = new URLSearchParams(rawQuery).getAll('context');
	if (values.length > 1) return undefined;
	try {
		return checkContext(
			checkText(values[0] ?? '', { label: 'Context', maxLength: MAX_CONTEXT_LENGTH }),
		);
	} catch {
		return undefined;
	}
}

/**
 * GET <path>/start: sends the browser to DigiLocker's consent page with a fresh state, bound to a cookie only this
 * browser gets. Starts no workflow.
 */
export function handleStart(
	this: IWebhookFunctions,
	res: BrowserResponse,
	rawUrl: string,
	app: DigiLockerApp,
	now: Date,
): void {
	if (this.getNodeParameter('serveStart', true) !== true) {
		sendPage(res, 404, { kind: 'not-found', text: NEUTRAL_PAGES.notFound, good: false });
		return;
	}
	const context = readStartContext(rawUrl);
	if (context === undefined) {
		sendPage(res, 400, { kind: 'bad-start', text: NEUTRAL_PAGES.badContext, good: false });
		return;
	}
	const nonce = randomBytes(16).toString('base64url');
	const binding = newBindingValue();
	const options = this.getNodeParameter('consentOptions', {}) as IDataObject;
	const consent = buildConsentRequest(app, { now, options, context, binding, nonce });
	const cookie = setBindingCookie(
		bindingCookieName(nonce),
		binding,
		cookieScopeOf(app),
		consent.lifetimeSeconds + COOKIE_GRACE_SECONDS,
	);
	sendRedirect(res, 302, consent.url, [cookie]);
}
