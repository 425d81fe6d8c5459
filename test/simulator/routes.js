'use strict';

/**
 * The route table. Paths are relative to the `/public` prefix. `key` is the fault-injection
 * route key; add document routes here (with their own keys) as they are implemented.
 */

const { handleAuthorize, handleDecision } = require('./authorize');
const { handleToken } = require('./token');
const { handleRevoke } = require('./revoke');
const { handleUser } = require('./user');

/**
 * @typedef {object} Route
 * @property {string} method
 * @property {string} path
 * @property {string} key
 * @property {(ctx: any) => void | Promise<void>} handler
 */

/** @type {Route[]} */
const ROUTES = [
	{ method: 'GET', path: '/oauth2/1/authorize', key: 'authorize', handler: handleAuthorize },
	{
		method: 'GET',
		path: '/oauth2/1/authorize/decision',
		key: 'authorize',
		handler: handleDecision,
	},
	{ method: 'POST', path: '/oauth2/1/token', key: 'token', handler: handleToken },
	{ method: 'POST', path: '/oauth2/1/revoke', key: 'revoke', handler: handleRevoke },
	{ method: 'GET', path: '/oauth2/1/user', key: 'user', handler: handleUser },
];

const ROUTE_KEYS = [...new Set(ROUTES.map((r) => r.key))];

module.exports = { ROUTES, ROUTE_KEYS };
