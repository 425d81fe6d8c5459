'use strict';

/**
 * Small HTTP helpers shared by the simulator's route handlers: the OAuth error type, body
 * reading, JSON/HTML/redirect responses, form parsing and HTML escaping.
 */

const MAX_BODY_BYTES = 1024 * 1024;

/** An error that becomes a JSON `{ error, error_description }` response. */
class OAuthError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string} error OAuth-style error code
	 * @param {string} description human-readable text (sent as error_description)
	 * @param {Record<string, string>} [headers] extra response headers
	 */
	constructor(status, error, description, headers) {
		super(description);
		this.name = 'OAuthError';
		this.status = status;
		this.error = error;
		this.description = description;
		this.headers = headers || {};
	}
}

/**
 * Reads the whole request body. Bodies over the limit are drained (not kept) and reported.
 * @param {import('http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<{ bytes: Buffer, size: number, tooLarge: boolean }>} size counts every byte received
 */
function readBody(req, limit = MAX_BODY_BYTES) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > limit) {
				tooLarge = true;
				chunks.length = 0;
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () =>
			resolve({ bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), size, tooLarge }),
		);
		req.on('error', reject);
	});
}

/**
 * @param {import('http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(text)),
		'Cache-Control': 'no-store',
		Pragma: 'no-cache',
		...(headers || {}),
	});
	res.end(text);
}

/**
 * @param {import('http').ServerResponse} res
 * @param {OAuthError} err
 */
function sendError(res, err) {
	sendJson(res, err.status, { error: err.error, error_description: err.description }, err.headers);
}

/**
 * @param {import('http').ServerResponse} res
 * @param {number} status
 * @param {string} html
 * @param {Record<string, string>} [headers]
 */
function sendHtml(res, status, html, headers) {
	res.writeHead(status, {
		'Content-Type': 'text/html; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(html)),
		'Cache-Control': 'no-store',
		...(headers || {}),
	});
	res.end(html);
}

/**
 * @param {import('http').ServerResponse} res
 * @param {string} location
 */
function redirect(res, location) {
	res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': '0' });
	res.end();
}

/** @param {unknown} value */
function escapeHtml(value) {
	return String(value ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/**
 * Turns URLSearchParams into a plain object (first value wins) and lists repeated names.
 * @param {URLSearchParams} params
 * @returns {{ values: Record<string, string>, repeated: string[] }}
 */
function paramsToObject(params) {
	/** @type {Record<string, string>} */
	const values = Object.create(null);
	/** @type {string[]} */
	const repeated = [];
	for (const [name, value] of params) {
		if (Object.prototype.hasOwnProperty.call(values, name)) {
			if (!repeated.includes(name)) repeated.push(name);
			continue;
		}
		values[name] = value;
	}
	return { values, repeated };
}

/**
 * Parameters may not be sent twice (RFC 6749 section 3.1 / 3.2).
 * @param {string[]} repeated
 */
function rejectRepeated(repeated) {
	if (repeated.length > 0) {
		throw new OAuthError(400, 'invalid_request', `The ${repeated[0]} parameter is repeated`);
	}
}

/** @param {string | undefined} contentType */
function isFormUrlEncoded(contentType) {
	if (!contentType) return false;
	return contentType.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/**
 * Requires an application/x-www-form-urlencoded body without repeated fields.
 * @param {{ headers: import('http').IncomingHttpHeaders, rawBody: string }} ctx
 * @returns {Record<string, string>}
 */
function requireForm(ctx) {
	if (!isFormUrlEncoded(ctx.headers['content-type'])) {
		throw new OAuthError(
			400,
			'invalid_request',
			'The request body must be application/x-www-form-urlencoded',
		);
	}
	const { values, repeated } = paramsToObject(new URLSearchParams(ctx.rawBody));
	rejectRepeated(repeated);
	return values;
}

/**
 * A parameter's value, or undefined when it is absent or empty.
 * @param {Record<string, string>} values
 * @param {string} name
 */
function param(values, name) {
	const value = values[name];
	return value === undefined || value === '' ? undefined : value;
}

module.exports = {
	MAX_BODY_BYTES,
	OAuthError,
	readBody,
	sendJson,
	sendError,
	sendHtml,
	redirect,
	escapeHtml,
	paramsToObject,
	rejectRepeated,
	isFormUrlEncoded,
	requireForm,
	param,
};
