'use strict';

/**
 * The `hmac` header on file, XML and e-Aadhaar responses and on uploads:
 * Base64(HMAC-SHA256(key = the app's client secret, message = the exact body bytes)).
 */

const crypto = require('crypto');

/**
 * @param {string} clientSecret
 * @param {Buffer | Uint8Array | Iterable<Buffer>} body the bytes, or the bytes in chunks
 * @returns {string} Base64
 */
function bodyHmac(clientSecret, body) {
	const mac = crypto.createHmac('sha256', clientSecret);
	if (body instanceof Uint8Array) mac.update(body);
	else for (const chunk of body) mac.update(chunk);
	return mac.digest('base64');
}

module.exports = { bodyHmac };
