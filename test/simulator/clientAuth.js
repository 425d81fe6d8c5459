'use strict';

/**
 * Client authentication for the token and revoke endpoints: HTTP Basic (client_id as user,
 * client_secret as password) or client_id + client_secret form fields. When both are sent they
 * must agree. Each Basic part is form-decoded after the split at the first ":" (RFC 6749 §2.3.1).
 */

const crypto = require('crypto');
const { OAuthError } = require('./http-util');

const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

function clientAuthFailed() {
	return new OAuthError(401, 'invalid_client', 'Client authentication failed', {
		'WWW-Authenticate': 'Basic realm="DigiLocker Simulator"',
	});
}

/**
 * application/x-www-form-urlencoded decoding of one Basic part; undefined when a %-escape is malformed.
 * @param {string} part
 */
function formDecode(part) {
	try {
		return decodeURIComponent(part.replace(/\+/g, ' '));
	} catch {
		return undefined;
	}
}

/**
 * @param {string | undefined} header the Authorization header
 * @returns {{ present: false } | { present: true, valid: false } | { present: true, valid: true, id: string, secret: string }}
 */
function parseBasic(header) {
	if (!header) return { present: false };
	const match = /^Basic[ ]+(\S*)\s*$/i.exec(header);
	if (!match) return { present: false };
	const encoded = match[1];
	if (!BASE64_PATTERN.test(encoded)) return { present: true, valid: false };
	const decoded = Buffer.from(encoded, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon <= 0) return { present: true, valid: false };
	const id = formDecode(decoded.slice(0, colon));
	const secret = formDecode(decoded.slice(colon + 1));
	if (id === undefined || secret === undefined) return { present: true, valid: false };
	return { present: true, valid: true, id, secret };
}

/**
 * @param {string} a
 * @param {string} b
 */
function safeEqual(a, b) {
	const ha = crypto.createHash('sha256').update(a, 'utf8').digest();
	const hb = crypto.createHash('sha256').update(b, 'utf8').digest();
	return crypto.timingSafeEqual(ha, hb);
}

/**
 * @template {{ clientId: string, clientSecret: string }} App
 * @param {import('http').IncomingHttpHeaders} headers
 * @param {Record<string, string>} form
 * @param {Map<string, App>} apps
 * @returns {App}
 */
function authenticateClient(headers, form, apps) {
	const basic = parseBasic(headers.authorization);
	const formId = form.client_id;
	const formSecret = form.client_secret;

	let id;
	let secret;
	if (basic.present) {
		if (!basic.valid) throw clientAuthFailed();
		if (formId !== undefined && formId !== basic.id) throw clientAuthFailed();
		if (formSecret !== undefined && !safeEqual(formSecret, basic.secret)) throw clientAuthFailed();
		id = basic.id;
		secret = basic.secret;
	} else {
		if (!formId || !formSecret) throw clientAuthFailed();
		id = formId;
		secret = formSecret;
	}

	const app = apps.get(id);
	if (!app || !safeEqual(secret, app.clientSecret)) throw clientAuthFailed();
	return app;
}

module.exports = { authenticateClient, parseBasic };
