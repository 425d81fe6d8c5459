'use strict';

/**
 * GET /oauth2/1/file/{uri}: the bytes of an issued or uploaded document of the token's user,
 * with the `hmac` header. `uri` is one URL-encoded path segment. An issued document needs the
 * files.issueddocs scope, an uploaded one files.uploadeddocs.
 */

const { OAuthError } = require('./http-util');
const { requireLocker, hasScope, insufficientScope } = require('./bearer');
const { findByUri, downloadName } = require('./locker');
const { sendFile } = require('./send-file');

/**
 * @typedef {import('./files-uploaded').ParamCtx & { fault: import('./faults').Fault | undefined }} FileRouteCtx
 */

const FILE_SCOPES = ['files.issueddocs', 'files.uploadeddocs'];

function uriMissing() {
	return new OAuthError(400, 'uri_missing', 'URI parameter missing');
}

function invalidUri() {
	return new OAuthError(404, 'invalid_uri', 'No file found for given URI');
}

/** @param {FileRouteCtx} ctx */
async function handleFile(ctx) {
	const { grant, locker, clientSecret } = requireLocker(ctx, FILE_SCOPES);
	const uri = ctx.params.uri;
	if (uri === '') throw uriMissing();
	const found = findByUri(locker, uri);
	if (!found) throw invalidUri();
	const needed = found.kind === 'issued' ? 'files.issueddocs' : 'files.uploadeddocs';
	if (!hasScope(grant, needed)) throw insufficientScope(needed);
	const contentType = found.kind === 'issued' ? found.doc.fileType : found.doc.mime;
	await sendFile(
		ctx,
		{ content: found.doc.content, contentType, filename: downloadName(found) },
		clientSecret,
	);
}

module.exports = { handleFile, uriMissing, invalidUri };
