// Drives the two example workflows like a browser: the start webhook redirects to the simulator's consent page,
// sim_auto=allow|deny answers it without a person, and the simulator redirects to n8n's callback webhook.
import { request, withQuery } from './http.mjs';

function expectRedirect(step, res) {
	if (res.status !== 302 || !res.location) {
		throw new Error(
			`${step}: expected a 302 redirect, got HTTP ${res.status} ${res.text.slice(0, 300)}`,
		);
	}
	return res.location;
}

/** GET <n8n>/webhook/digilocker/start?customer=… -> the consent URL it redirects to. */
export async function openStart(n8nBaseUrl, { customer } = {}) {
	const url = withQuery(
		`${n8nBaseUrl}/webhook/digilocker/start`,
		customer === undefined ? {} : { customer },
	);
	return expectRedirect('start webhook', await request(url));
}

/** The consent page, answered non-interactively -> the callback URL (with code and state, or error=access_denied). */
export async function giveConsent(consentUrl, decision = 'allow') {
	return expectRedirect(
		`simulator consent (${decision})`,
		await request(withQuery(consentUrl, { sim_auto: decision })),
	);
}

/** Start webhook + consent -> { consentUrl, callbackUrl, code, state, error }. */
export async function consentRound(n8nBaseUrl, { customer, decision = 'allow' } = {}) {
	const consentUrl = await openStart(n8nBaseUrl, { customer });
	const callbackUrl = await giveConsent(consentUrl, decision);
	const query = new URL(callbackUrl).searchParams;
	return {
		consentUrl,
		callbackUrl,
		code: query.get('code'),
		state: query.get('state'),
		error: query.get('error'),
	};
}
