import type { IWebhookFunctions } from 'n8n-workflow';

import { redeemCode } from '../../DigiLocker/actions/authorization/codeExchange';
import {
	checkStateBinding,
	checkStateLifetime,
	deriveCodeVerifier,
	InvalidStateError,
	openState,
	type OpenedState,
} from '../../DigiLocker/actions/authorization/state';
import type { DigiLockerApp } from '../../DigiLocker/helpers/appConfig';
import { DEFAULT_TIMEOUT_MS } from '../../DigiLocker/helpers/constants';
import { failureEnvelope } from '../../DigiLocker/helpers/envelope';
import { DigiLockerError } from '../../DigiLocker/helpers/errors';
import { secretForms } from '../../DigiLocker/helpers/redact';
import { bindingCookieName, readCookie } from './bindingCookie';
import type { CallbackQuery } from './callbackQuery';
import type { CallbackResult, Outcome } from './outcomes';
import { claimState } from './replayGuard';

export interface CallbackRequest {
	query: CallbackQuery;
	cookieHeader: string | string[] | undefined;
}

export interface ResolvedCallback {
	result: CallbackResult;
	/** The binding cookie this callback used up, to be cleared in the browser. */
	usedCookie?: string;
}

const BROWSER_HINT =
	'Open the start link and return from DigiLocker in the same browser; each consent link works once.';

function failure(outcome: Outcome, error: DigiLockerError, secrets: string[], context?: string) {
	const item = {
		outcome,
		...failureEnvelope(error, secrets),
		...(context !== undefined ? { context } : {}),
	};
	return { outcome, item, context };
}

function bindingProblem(cookie: string): DigiLockerError {
	return new DigiLockerError(
		'INVALID_STATE',
		cookie
			? 'The state belongs to another browser: its consent cookie does not match'
			: 'The browser that returned did not start this consent: its consent cookie is missing',
		{ hint: BROWSER_HINT },
	);
}

async function exchange(
	this: IWebhookFunctions,
	app: DigiLockerApp,
	state: string,
	code: string,
	now: Date,
): Promise<{ token?: Record<string, unknown>; error?: DigiLockerError; secrets: string[] }> {
	const codeVerifier = deriveCodeVerifier(state, app);
	const secrets = secretForms([code, codeVerifier], app);
	try {
		const settings = { timeoutMs: DEFAULT_TIMEOUT_MS, maxTries: 1 };
		const token = await redeemCode.call(this, app, { code, codeVerifier }, settings, now);
		return { token, secrets };
	} catch (caught) {
		const error =
			caught instanceof DigiLockerError
				? caught
				: new DigiLockerError('INTERNAL_ERROR', 'The code exchange failed unexpectedly');
		return { error, secrets };
	}
}

/**
 * Decides what one return from the consent page means: the state is checked (signature, binding cookie, lifetime,
 * first use) before anything is sent, then the code is exchanged with the verifier the state gives.
 */
export async function resolveCallback(
	this: IWebhookFunctions,
	app: DigiLockerApp,
	{ query, cookieHeader }: CallbackRequest,
	now: Date,
): Promise<ResolvedCallback> {
	const nowSeconds = Math.floor(now.getTime() / 1000);
	const baseSecrets = secretForms([query.code], app);
	if (!query.state) {
		const error = new DigiLockerError('INVALID_STATE', 'The callback carries no state', {
			hint: BROWSER_HINT,
		});
		return { result: failure('invalid', error, baseSecrets) };
	}
	let opened: OpenedState;
	try {
		opened = openState(query.state, app);
	} catch (caught) {
		return { result: failure('invalid', caught as DigiLockerError, baseSecrets) };
	}

	const usedCookie =
		opened.boundTo === undefined ? undefined : bindingCookieName(opened.claims.nonce);
	const binding = usedCookie ? readCookie(cookieHeader, usedCookie) : '';
	const secrets = [...baseSecrets, ...secretForms([binding])];
	try {
		checkStateBinding(opened, app, binding);
	} catch {
		return { result: failure('invalid', bindingProblem(binding), secrets), usedCookie };
	}
	const { context } = opened.claims;
	try {
		checkStateLifetime(opened, nowSeconds);
	} catch (caught) {
		const expired = caught instanceof InvalidStateError && caught.problem === 'expired';
		const result = expired
			? failure('expired', caught, secrets, context)
			: failure('invalid', caught as DigiLockerError, secrets);
		return { result, usedCookie };
	}
	if (!claimState(opened.claims.nonce, opened.claims.expiresAt, nowSeconds)) {
		const error = new DigiLockerError(
			'INVALID_STATE',
			'The state was already used: each consent link works once',
			{ hint: BROWSER_HINT },
		);
		return { result: failure('invalid', error, secrets), usedCookie };
	}

	if (query.error !== undefined) {
		const error =
			query.error === 'access_denied'
				? new DigiLockerError('ACCESS_DENIED', 'The user declined consent on DigiLocker', {
						upstream: { error: query.error },
					})
				: new DigiLockerError('UPSTREAM_ERROR', `DigiLocker returned the error "${query.error}"`, {
						upstream: { error: query.error },
					});
		const outcome = error.code === 'ACCESS_DENIED' ? 'denied' : 'failed';
		return { result: failure(outcome, error, secrets, context), usedCookie };
	}

	const exchanged = await exchange.call(this, app, query.state, query.code ?? '', now);
	const allSecrets = [...secrets, ...exchanged.secrets];
	if (!exchanged.token) {
		const error = exchanged.error as DigiLockerError;
		return { result: failure('failed', error, allSecrets, context), usedCookie };
	}
	const data = context !== undefined ? { ...exchanged.token, context } : exchanged.token;
	return {
		result: {
			outcome: 'granted',
			item: {
				outcome: 'granted',
				success: true,
				data,
				...(context !== undefined ? { context } : {}),
			},
			context,
		},
		usedCookie,
	};
}
