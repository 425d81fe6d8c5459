import type { CallbackResult, Outcome } from './outcomes';
import { pageTextFor } from './pageTexts';
import { sendPage, sendRedirect, type BrowserResponse } from './respond';
import type { TriggerSettings } from './settings';

const PAGE_STATUS: Record<Outcome, number> = {
	granted: 200,
	denied: 200,
	expired: 400,
	failed: 502,
	invalid: 400,
};

function redirectTarget(settings: TriggerSettings, result: CallbackResult): string {
	const base = result.outcome === 'granted' ? settings.successUrl : settings.failureUrl;
	const url = new URL((base as URL).href);
	url.searchParams.set('outcome', result.outcome);
	if (settings.appendContext && result.context !== undefined) {
		url.searchParams.set('context', result.context);
	}
	return url.href;
}

/** Answers the browser with the outcome: the built-in page or a redirect; never a token, code or verifier. */
export function answerBrowser(
	res: BrowserResponse,
	settings: TriggerSettings,
	result: CallbackResult,
	cookies: string[],
): void {
	if (settings.responseMode === 'redirect') {
		sendRedirect(res, 303, redirectTarget(settings, result), cookies);
		return;
	}
	const texts = settings.responseMode === 'page' ? settings.pageTexts : {};
	sendPage(
		res,
		PAGE_STATUS[result.outcome],
		{
			kind: result.outcome,
			text: pageTextFor(result.outcome, texts),
			good: result.outcome === 'granted',
		},
		cookies,
	);
}
