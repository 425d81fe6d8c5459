'use strict';

/**
 * The `hmac` form field of the meta APIs (issuers, doctype, parameters). The sources disagree
 * on its form; the simulator accepts the v2.4 reading only: lower-case hex SHA-256 (a plain
 * hash, not a keyed HMAC) of client secret + clientid + [orgid] + [doctype] + ts, concatenated
 * without separators.
 */

const crypto = require('crypto');

/**
 * @param {{ clientSecret: string, clientId: string, orgid?: string, doctype?: string, ts: string | number }} input
 * @returns {string} 64 lower-case hex characters
 */
function metaHmac(input) {
	const parts = [
		input.clientSecret,
		input.clientId,
		input.orgid ?? '',
		input.doctype ?? '',
		String(input.ts),
	];
	return crypto.createHash('sha256').update(parts.join(''), 'utf8').digest('hex');
}

module.exports = { metaHmac };
