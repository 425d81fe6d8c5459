'use strict';

/**
 * The route table. Paths are relative to the `/public` prefix and may end in one `{name}`
 * segment, which matches one URL path segment (possibly empty) and reaches the handler
 * URL-decoded as `ctx.params.name`. Exact paths win over patterns. `key` is the
 * fault-injection route key.
 */

const { handleAuthorize, handleDecision } = require('./authorize');
const { handleToken } = require('./token');
const { handleRevoke } = require('./revoke');
const { handleUser } = require('./user');
const { handleIssuedV1, handleIssuedV2 } = require('./files-issued');
const { handleUploaded } = require('./files-uploaded');
const { handleFile } = require('./file');
const { handleXml } = require('./xml');
const { handleEaadhaar } = require('./eaadhaar');
const { handlePull } = require('./pull');
const { handleIssuers, handleDoctypes, handleParameters } = require('./meta');
const { handleUpload } = require('./upload');

/**
 * @typedef {object} Route
 * @property {string} method
 * @property {string} path
 * @property {string} key
 * @property {boolean} [binary] streams bytes and applies the 'truncated' / 'wrong-hmac' faults itself
 * @property {boolean} [fileBody] the body is file bytes (up to the upload limit); the handler judges its size
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
	{ method: 'GET', path: '/oauth2/2/files/issued', key: 'issued', handler: handleIssuedV2 },
	{ method: 'GET', path: '/oauth2/1/files/issued', key: 'issued', handler: handleIssuedV1 },
	{ method: 'GET', path: '/oauth2/1/files/{id}', key: 'uploaded', handler: handleUploaded },
	{ method: 'GET', path: '/oauth2/1/file/{uri}', key: 'file', binary: true, handler: handleFile },
	{
		method: 'POST',
		path: '/oauth2/1/file/upload',
		key: 'upload',
		fileBody: true,
		handler: handleUpload,
	},
	{ method: 'GET', path: '/oauth2/1/xml/{uri}', key: 'xml', binary: true, handler: handleXml },
	{
		method: 'GET',
		path: '/oauth2/3/xml/eaadhaar',
		key: 'eaadhaar',
		binary: true,
		handler: handleEaadhaar,
	},
	{
		method: 'GET',
		path: '/oauth2/2/xml/eaadhaar',
		key: 'eaadhaar',
		binary: true,
		handler: handleEaadhaar,
	},
	{ method: 'POST', path: '/oauth2/1/pull/pulldocument', key: 'pull', handler: handlePull },
	{ method: 'POST', path: '/oauth2/1/pull/issuers', key: 'meta', handler: handleIssuers },
	{ method: 'POST', path: '/oauth2/1/pull/doctype', key: 'meta', handler: handleDoctypes },
	{ method: 'POST', path: '/oauth2/1/pull/parameters', key: 'meta', handler: handleParameters },
];

const ROUTE_KEYS = [...new Set(ROUTES.map((r) => r.key))];

const PARAM_PATTERN = /^(.*\/)\{(\w+)\}$/;

/** @param {string} segment */
function decodeSegment(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/**
 * The routes whose path matches, exact ones first, with their path parameters.
 * @param {string} relative path after `/public`, still URL-encoded
 * @returns {{ route: Route, params: Record<string, string> }[]}
 */
function matchRoutes(relative) {
	const exact = ROUTES.filter((r) => r.path === relative).map((route) => ({ route, params: {} }));
	/** @type {{ route: Route, params: Record<string, string> }[]} */
	const patterned = [];
	for (const route of ROUTES) {
		const pattern = PARAM_PATTERN.exec(route.path);
		if (!pattern || !relative.startsWith(pattern[1])) continue;
		const rest = relative.slice(pattern[1].length);
		if (rest.includes('/')) continue;
		patterned.push({ route, params: { [pattern[2]]: decodeSegment(rest) } });
	}
	return [...exact, ...patterned];
}

module.exports = { ROUTES, ROUTE_KEYS, matchRoutes };
