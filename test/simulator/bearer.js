'use strict';

/**
 * Bearer access-token checks for resource routes: user details and the document routes.
 */

const { OAuthError } = require('./http-util');

function invalidToken() {
	return new OAuthError(401, 'invalid_token', 'The access token is invalid', {
		'WWW-Authenticate': 'Bearer realm="DigiLocker Simulator", error="invalid_token"',
	});
}

/** @param {string} scope the scope to name in WWW-Authenticate */
function insufficientScope(scope) {
	return new OAuthError(
		403,
		'insufficient_scope',
		'The request requires higher privileges than provided by the access token',
		{
			'WWW-Authenticate': `Bearer realm="DigiLocker Simulator", error="insufficient_scope", scope="${scope}"`,
		},
	);
}

/**
 * Returns the active grant for the request's Bearer token and checks it holds `scope` (when
 * given a list, any one of them).
 * @param {{ headers: import('http').IncomingHttpHeaders, sim: import('./authorize').SimState }} ctx
 * @param {string | string[]} [scope] required scope, if any
 * @returns {import('./store').Grant}
 */
function requireAccessToken(ctx, scope) {
	const header = ctx.headers.authorization;
	const match = header === undefined ? null : /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
	if (!match) throw invalidToken();
	const grant = ctx.sim.store.findGrantByAccessToken(match[1]);
	if (!grant) throw invalidToken();
	if (scope !== undefined) {
		const wanted = Array.isArray(scope) ? scope : [scope];
		if (!wanted.some((s) => hasScope(grant, s))) throw insufficientScope(wanted.join(' '));
	}
	return grant;
}

/**
 * @param {import('./store').Grant} grant
 * @param {string} scope
 */
function hasScope(grant, scope) {
	return grant.scope.split(' ').includes(scope);
}

/**
 * The Bearer token's grant, its user's locker and its app's client secret (the key of the
 * response `hmac` headers), after checking the token holds `scope`.
 * @param {{ headers: import('http').IncomingHttpHeaders, sim: import('./authorize').SimState & { lockers: Map<string, import('./locker').Locker> } }} ctx
 * @param {string | string[]} scope
 */
function requireLocker(ctx, scope) {
	const grant = requireAccessToken(ctx, scope);
	const locker = ctx.sim.lockers.get(grant.userId);
	const app = ctx.sim.apps.get(grant.clientId);
	if (!locker || !app) throw new Error('grant refers to an unknown user or app');
	return { grant, locker, clientSecret: app.clientSecret };
}

module.exports = { requireAccessToken, requireLocker, hasScope, insufficientScope };
