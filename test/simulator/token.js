'use strict';

/**
 * POST /oauth2/1/token: authorization_code (with PKCE) and refresh_token (rotating) grants.
 */

const { OAuthError, requireForm, param, sendJson } = require('./http-util');
const { authenticateClient } = require('./clientAuth');
const { isValidVerifier, verifierMatchesChallenge } = require('./pkce');

const MSG_CODE_INVALID = 'The authorization code is invalid or expired';
const MSG_CODE_USED = 'The authorization code has already been used';
const MSG_CODE_OTHER_CLIENT = 'The authorization code was not issued to this client';
const MSG_VERIFIER_MALFORMED = 'The code_verifier must be 43-128 unreserved characters';
const MSG_VERIFIER_MISMATCH = 'The code_verifier does not match the code_challenge';
const MSG_REDIRECT_MISMATCH = 'redirect_uri does not match';
const MSG_REFRESH_INVALID = 'The refresh token is invalid or expired';

/**
 * @typedef {import('./authorize').SimState & { revokeGrantOnRefreshReuse: boolean, accessTokenTtlSeconds: number }} TokenSimState
 * @typedef {{ res: import('http').ServerResponse, headers: import('http').IncomingHttpHeaders, rawBody: string, sim: TokenSimState }} TokenCtx
 */

/**
 * @param {Record<string, string>} form
 * @param {string} name
 */
function required(form, name) {
	const value = param(form, name);
	if (value === undefined) {
		throw new OAuthError(400, 'invalid_request', `The ${name} parameter is required`);
	}
	return value;
}

/** @param {string} description */
function invalidGrant(description) {
	return new OAuthError(400, 'invalid_grant', description);
}

/**
 * @param {import('./store').Grant} grant
 * @param {TokenSimState} sim
 */
function tokenResponse(grant, sim) {
	const user = sim.users.get(grant.userId);
	if (!user) throw new Error('grant refers to an unknown user');
	return {
		access_token: grant.accessToken,
		token_type: 'Bearer',
		expires_in: sim.accessTokenTtlSeconds,
		refresh_token: grant.refreshToken,
		scope: grant.scope,
		consent_valid_till: grant.consentValidTill,
		digilockerid: user.digilockerid,
		name: user.name,
		dob: user.dob,
		gender: user.gender,
		eaadhaar: user.eaadhaar,
		reference_key: user.reference_key,
		new_account: 'N',
		mobile: user.mobile,
	};
}

/**
 * @param {Record<string, string>} form
 * @param {import('./seed').SimApp} app
 * @param {TokenSimState} sim
 */
function exchangeCode(form, app, sim) {
	const code = required(form, 'code');
	const redirectUri = required(form, 'redirect_uri');
	const verifier = required(form, 'code_verifier');
	const { store } = sim;

	const record = store.findCode(code);
	if (!record) throw invalidGrant(MSG_CODE_INVALID);
	if (record.request.clientId !== app.clientId) throw invalidGrant(MSG_CODE_OTHER_CLIENT);
	if (record.used) {
		// RFC 6749 section 4.1.2: a replayed code revokes what it issued.
		store.revokeGrantsFromCode(record);
		throw invalidGrant(MSG_CODE_USED);
	}
	// One redemption attempt per code: a failed attempt also consumes it.
	record.used = true;
	if (store.isCodeExpired(record)) throw invalidGrant(MSG_CODE_INVALID);
	if (redirectUri !== record.request.redirectUri) throw invalidGrant(MSG_REDIRECT_MISMATCH);
	if (!isValidVerifier(verifier)) throw invalidGrant(MSG_VERIFIER_MALFORMED);
	if (!verifierMatchesChallenge(verifier, record.request.codeChallenge)) {
		throw invalidGrant(MSG_VERIFIER_MISMATCH);
	}
	return store.createGrantFromCode(record);
}

/**
 * @param {Record<string, string>} form
 * @param {import('./seed').SimApp} app
 * @param {TokenSimState} sim
 */
function refresh(form, app, sim) {
	const token = required(form, 'refresh_token');
	const { store } = sim;
	const grant = store.findGrantByRefreshToken(token);
	if (!grant) {
		const retired = store.findGrantByRetiredRefreshToken(token);
		if (retired && sim.revokeGrantOnRefreshReuse && retired.clientId === app.clientId) {
			store.revokeGrant(retired);
		}
		throw invalidGrant(MSG_REFRESH_INVALID);
	}
	if (grant.clientId !== app.clientId) throw invalidGrant(MSG_REFRESH_INVALID);
	if (store.isConsentExpired(grant)) {
		store.revokeGrant(grant);
		throw invalidGrant(MSG_REFRESH_INVALID);
	}
	const requestedScope = param(form, 'scope');
	let narrowed;
	if (requestedScope !== undefined) {
		const granted = grant.scope.split(' ');
		const asked = [...new Set(requestedScope.split(' ').filter(Boolean))];
		if (asked.length === 0 || asked.some((s) => !granted.includes(s))) {
			throw new OAuthError(400, 'invalid_scope', 'The requested scope exceeds the granted scope');
		}
		narrowed = asked.join(' ');
	}
	return store.rotateGrant(grant, narrowed);
}

/** @param {TokenCtx} ctx */
function handleToken(ctx) {
	const form = requireForm(ctx);
	const app = authenticateClient(ctx.headers, form, ctx.sim.apps);
	const grantType = param(form, 'grant_type');
	if (grantType === undefined) {
		throw new OAuthError(400, 'invalid_request', 'The grant_type parameter is required');
	}
	let grant;
	if (grantType === 'authorization_code') grant = exchangeCode(form, app, ctx.sim);
	else if (grantType === 'refresh_token') grant = refresh(form, app, ctx.sim);
	else throw new OAuthError(400, 'invalid_grant_type', 'The grant_type parameter is invalid');
	sendJson(ctx.res, 200, tokenResponse(grant, ctx.sim));
}

module.exports = {
	handleToken,
	MESSAGES: {
		MSG_CODE_INVALID,
		MSG_CODE_USED,
		MSG_CODE_OTHER_CLIENT,
		MSG_VERIFIER_MALFORMED,
		MSG_VERIFIER_MISMATCH,
		MSG_REDIRECT_MISMATCH,
		MSG_REFRESH_INVALID,
	},
};
