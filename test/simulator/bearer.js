'use strict';

/**
 * Bearer access-token checks for resource routes (user details now, documents later).
 */

const { OAuthError } = require('./http-util');

function invalidToken() {
	return new OAuthError(401, 'invalid_token', 'The access token is invalid', {
		'WWW-Authenticate': 'Bearer realm="DigiLocker Simulator", error="invalid_token"',
	});
}

/**
 * Returns the active grant for the request's Bearer token and checks it holds `scope`.
 * @param {{ headers: import('http').IncomingHttpHeaders, sim: import('./authorize').SimState }} ctx
 * @param {string} [scope] required scope, if any
 * @returns {import('./store').Grant}
 */
function requireAccessToken(ctx, scope) {
	const header = ctx.headers.authorization;
	const match = header === undefined ? null : /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
	if (!match) throw invalidToken();
	const grant = ctx.sim.store.findGrantByAccessToken(match[1]);
	if (!grant) throw invalidToken();
	if (scope !== undefined && !grant.scope.split(' ').includes(scope)) {
		throw new OAuthError(
			403,
			'insufficient_scope',
			'The request requires higher privileges than provided by the access token',
			{
				'WWW-Authenticate': `Bearer realm="DigiLocker Simulator", error="insufficient_scope", scope="${scope}"`,
			},
		);
	}
	return grant;
}

module.exports = { requireAccessToken };
