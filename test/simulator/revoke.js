'use strict';

/**
 * POST /oauth2/1/revoke (RFC 7009 style). Revoking either token of a grant kills both.
 * Unknown or already-revoked tokens still get 200.
 */

const { OAuthError, requireForm, param, sendJson } = require('./http-util');
const { authenticateClient } = require('./clientAuth');

/**
 * @param {string} token
 * @param {string | undefined} hint
 * @param {ReturnType<typeof import('./store').createStore>} store
 */
function findGrant(token, hint, store) {
	const byAccess = () => store.findGrantByAnyAccessToken(token);
	const byRefresh = () => store.findGrantByRefreshToken(token);
	return hint === 'refresh_token' ? (byRefresh() ?? byAccess()) : (byAccess() ?? byRefresh());
}

/** @param {{ res: import('http').ServerResponse, headers: import('http').IncomingHttpHeaders, rawBody: string, sim: import('./authorize').SimState }} ctx */
function handleRevoke(ctx) {
	const form = requireForm(ctx);
	const app = authenticateClient(ctx.headers, form, ctx.sim.apps);
	const token = param(form, 'token');
	if (token === undefined) throw new OAuthError(400, 'invalid_request', 'The token is invalid');
	const grant = findGrant(token, param(form, 'token_type_hint'), ctx.sim.store);
	if (grant && grant.active) {
		if (grant.clientId !== app.clientId) {
			throw new OAuthError(400, 'unauthorized_client', 'The token was not issued to this client');
		}
		ctx.sim.store.revokeGrant(grant);
	}
	sendJson(ctx.res, 200, {});
}

module.exports = { handleRevoke };
