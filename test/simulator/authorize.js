'use strict';

/**
 * GET /oauth2/1/authorize (validation + consent page or sim_auto redirect) and
 * GET /oauth2/1/authorize/decision (what the Allow / Deny buttons submit).
 */

const {
	OAuthError,
	paramsToObject,
	rejectRepeated,
	param,
	redirect,
	sendHtml,
} = require('./http-util');
const { isValidS256Challenge } = require('./pkce');
const { renderConsentPage } = require('./consent-page');

const DEFAULT_SCOPE = 'openid userdetails files.issueddocs files.uploadeddocs';
const KNOWN_SCOPES = [
	'openid',
	'userdetails',
	'files.issueddocs',
	'files.uploadeddocs',
	'email',
	'address',
	'picture',
	'avs',
	'age_verification',
];
const PARTNER_SCOPE_PATTERN = /^partners\.[A-Za-z0-9]{2,16}$/;
const DECISION_SUFFIX = '/decision';
const MOBILE_PATTERN = /^[6-9][0-9]{9}$/;
const YES_NO_PARAMETERS = ['pla', 'plsignup', 'ulsignup'];

/**
 * @typedef {import('./store').AuthorizeRequest} AuthorizeRequest
 * @typedef {import('./seed').SimApp} SimApp
 * @typedef {import('./seed').SimUser} SimUser
 * @typedef {{ apps: Map<string, SimApp>, users: Map<string, SimUser>, store: ReturnType<typeof import('./store').createStore>, now: () => number, basePath: string }} SimState
 */

/**
 * @param {string} scope
 * @param {SimApp} app
 */
function checkScope(scope, app) {
	for (const s of scope.split(' ').filter(Boolean)) {
		const known = KNOWN_SCOPES.includes(s) || PARTNER_SCOPE_PATTERN.test(s);
		const allowed = app.allowedScopes ? app.allowedScopes.includes(s) : known;
		if (!allowed) throw new OAuthError(400, 'invalid_scope', 'The requested scope is invalid');
	}
}

/** @param {string} description */
const invalidRequest = (description) => new OAuthError(400, 'invalid_request', description);

/**
 * The parameters specification v2.4 adds: service_name with purpose, prompt / login_hint, the Y/N flags and
 * verified_mobile (sign-up only).
 * @param {Record<string, string>} values
 */
function checkV24Parameters(values) {
	if (param(values, 'purpose') !== undefined && param(values, 'service_name') === undefined) {
		throw invalidRequest('The service_name parameter is required with purpose');
	}
	const prompt = param(values, 'prompt');
	if (prompt !== undefined && prompt !== 'login' && prompt !== 'login_mobile') {
		throw invalidRequest('The prompt parameter must be login or login_mobile');
	}
	for (const [name, needs, needed] of [
		['login_hint', 'prompt', 'login_mobile'],
		['verified_mobile', 'dl_flow', 'signup'],
	]) {
		const mobile = param(values, name);
		if (mobile === undefined) continue;
		if (param(values, needs) !== needed) {
			throw invalidRequest(`The ${name} parameter is used only with ${needs}=${needed}`);
		}
		if (!MOBILE_PATTERN.test(mobile)) {
			throw invalidRequest(`The ${name} parameter must be a 10-digit mobile number`);
		}
	}
	for (const name of YES_NO_PARAMETERS) {
		const flag = param(values, name);
		if (flag !== undefined && flag !== 'Y' && flag !== 'N') {
			throw invalidRequest(`The ${name} parameter must be Y or N`);
		}
	}
}

/**
 * Validates authorize parameters exactly as the HTTP route does.
 * @param {Record<string, string>} values query parameters
 * @param {SimState} sim
 * @returns {AuthorizeRequest}
 */
function validateAuthorizeRequest(values, sim) {
	const clientId = param(values, 'client_id');
	const app = clientId === undefined ? undefined : sim.apps.get(clientId);
	if (!app) {
		throw new OAuthError(400, 'invalid_client_id', 'The client_id parameter is invalid');
	}
	const redirectUri = param(values, 'redirect_uri');
	if (redirectUri === undefined || !app.redirectUris.includes(redirectUri)) {
		throw new OAuthError(
			400,
			'redirect_uri_mismatch',
			'The redirect_uri does not match a registered redirect URI',
		);
	}
	if (param(values, 'response_type') !== 'code') {
		throw new OAuthError(
			400,
			'unsupported_response_type',
			'The response_type parameter must be code',
		);
	}
	const codeChallenge = param(values, 'code_challenge');
	const codeChallengeMethod = param(values, 'code_challenge_method');
	if (codeChallenge === undefined || codeChallengeMethod !== 'S256') {
		throw new OAuthError(
			400,
			'invalid_request',
			'The code_challenge and code_challenge_method parameter is required',
		);
	}
	if (!isValidS256Challenge(codeChallenge)) {
		throw new OAuthError(
			400,
			'invalid_request',
			'The code_challenge must be 43 characters of BASE64URL without padding',
		);
	}
	const state = param(values, 'state');
	if (state === undefined) {
		throw new OAuthError(400, 'invalid_request', 'The state parameter is required');
	}
	const rawScope = param(values, 'scope');
	const scope =
		rawScope === undefined
			? DEFAULT_SCOPE
			: [...new Set(rawScope.split(' ').filter(Boolean))].join(' ');
	if (scope === '') throw new OAuthError(400, 'invalid_scope', 'The requested scope is invalid');
	checkScope(scope, app);
	checkV24Parameters(values);

	const rawConsent = param(values, 'consent_valid_till');
	let consentValidTill;
	if (rawConsent !== undefined) {
		if (!/^\d{1,12}$/.test(rawConsent) || Number(rawConsent) <= Math.floor(sim.now() / 1000)) {
			throw new OAuthError(
				400,
				'invalid_request',
				'The consent_valid_till parameter must be a future Unix timestamp',
			);
		}
		consentValidTill = Number(rawConsent);
	}

	return {
		clientId: app.clientId,
		redirectUri,
		state,
		codeChallenge,
		codeChallengeMethod,
		scope,
		reqDoctype: (param(values, 'req_doctype') ?? '')
			.split(',')
			.map((d) => d.trim())
			.filter(Boolean),
		purpose: param(values, 'purpose') ?? '',
		dlFlow: param(values, 'dl_flow') ?? '',
		acr: param(values, 'acr') ?? '',
		amr: param(values, 'amr') ?? '',
		consentValidTill,
	};
}

/**
 * @param {string | undefined} userId
 * @param {SimState} sim
 * @returns {string}
 */
function resolveUser(userId, sim) {
	if (userId === undefined) return /** @type {string} */ (sim.users.keys().next().value);
	if (!sim.users.has(userId)) {
		throw new OAuthError(400, 'invalid_request', 'Unknown simulator user');
	}
	return userId;
}

/**
 * Allows or denies a validated request: issues a code, or builds the access_denied redirect.
 * @param {AuthorizeRequest} request
 * @param {'allow' | 'deny'} decision
 * @param {string} userId
 * @param {SimState} sim
 * @returns {{ code?: string, error?: string, state: string, redirectUrl: string }}
 */
function completeAuthorization(request, decision, userId, sim) {
	const url = new URL(request.redirectUri);
	if (decision === 'deny') {
		url.searchParams.set('error', 'access_denied');
		url.searchParams.set('error_description', 'The user denied the consent request');
		url.searchParams.set('state', request.state);
		return { error: 'access_denied', state: request.state, redirectUrl: url.toString() };
	}
	const code = sim.store.issueCode(request, userId);
	url.searchParams.set('code', code);
	url.searchParams.set('state', request.state);
	return { code, state: request.state, redirectUrl: url.toString() };
}

/**
 * Non-interactive consent for tests (the Allow button). Same validation as the HTTP route.
 * @param {object} input
 * @param {string} input.clientId
 * @param {string} input.redirectUri
 * @param {string} input.codeChallenge
 * @param {string} [input.codeChallengeMethod]
 * @param {string} input.state
 * @param {string} [input.userId]
 * @param {string} [input.scope]
 * @param {string} [input.responseType]
 * @param {string} [input.reqDoctype]
 * @param {string} [input.purpose]
 * @param {number | string} [input.consentValidTill]
 * @param {'allow' | 'deny'} [input.decision]
 * @param {SimState} sim
 */
function authorizeDirect(input, sim) {
	/** @type {Record<string, string | undefined>} */
	const raw = {
		response_type: input.responseType ?? 'code',
		client_id: input.clientId,
		redirect_uri: input.redirectUri,
		state: input.state,
		code_challenge: input.codeChallenge,
		code_challenge_method: input.codeChallengeMethod ?? 'S256',
		scope: input.scope,
		req_doctype: input.reqDoctype,
		purpose: input.purpose,
		consent_valid_till:
			input.consentValidTill === undefined ? undefined : String(input.consentValidTill),
	};
	/** @type {Record<string, string>} */
	const values = {};
	for (const [k, v] of Object.entries(raw)) if (v !== undefined) values[k] = String(v);
	const request = validateAuthorizeRequest(values, sim);
	const userId = resolveUser(input.userId, sim);
	const decision = input.decision ?? 'allow';
	if (decision !== 'allow' && decision !== 'deny') {
		throw new OAuthError(400, 'invalid_request', 'decision must be allow or deny');
	}
	return completeAuthorization(request, decision, userId, sim);
}

/** @param {{ res: import('http').ServerResponse, query: URLSearchParams, path: string, sim: SimState }} ctx */
function handleAuthorize(ctx) {
	const { values, repeated } = paramsToObject(ctx.query);
	rejectRepeated(repeated);
	const request = validateAuthorizeRequest(values, ctx.sim);
	const auto = param(values, 'sim_auto');
	const userId = resolveUser(param(values, 'sim_user'), ctx.sim);
	if (auto !== undefined) {
		if (auto !== 'allow' && auto !== 'deny') {
			throw new OAuthError(400, 'invalid_request', 'sim_auto must be allow or deny');
		}
		redirect(ctx.res, completeAuthorization(request, auto, userId, ctx.sim).redirectUrl);
		return;
	}
	const txn = ctx.sim.store.savePendingConsent(request);
	const html = renderConsentPage({
		decisionPath: ctx.path + DECISION_SUFFIX,
		txn,
		request,
		users: [...ctx.sim.users.values()],
		selectedUserId: userId,
	});
	sendHtml(ctx.res, 200, html, {
		'Content-Security-Policy':
			"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
		'X-Frame-Options': 'DENY',
		'Referrer-Policy': 'no-referrer',
	});
}

/** @param {{ res: import('http').ServerResponse, query: URLSearchParams, sim: SimState }} ctx */
function handleDecision(ctx) {
	const { values, repeated } = paramsToObject(ctx.query);
	rejectRepeated(repeated);
	const decision = param(values, 'decision');
	if (decision !== 'allow' && decision !== 'deny') {
		throw new OAuthError(400, 'invalid_request', 'The decision parameter must be allow or deny');
	}
	const userId = resolveUser(param(values, 'user'), ctx.sim);
	const txn = param(values, 'txn');
	const request = txn === undefined ? undefined : ctx.sim.store.takePendingConsent(txn);
	if (!request) {
		throw new OAuthError(400, 'invalid_request', 'The consent request is invalid or expired');
	}
	redirect(ctx.res, completeAuthorization(request, decision, userId, ctx.sim).redirectUrl);
}

module.exports = {
	DEFAULT_SCOPE,
	KNOWN_SCOPES,
	validateAuthorizeRequest,
	authorizeDirect,
	handleAuthorize,
	handleDecision,
};
