'use strict';

/**
 * POST /oauth2/1/file/upload: saves the raw request body as a self-uploaded file. Headers:
 * Content-Type (the file's MIME), `path` (destination including the file name) and `hmac`
 * (Base64 HMAC-SHA256 of the body, keyed by the client secret). Needs files.uploadeddocs.
 * Uploading to an existing file's path replaces it; every accepted upload is appended to
 * `sim.uploads`.
 */

const crypto = require('crypto');
const { OAuthError, sendJson } = require('./http-util');
const { requireLocker } = require('./bearer');
const { bodyHmac } = require('./body-hmac');
const { memoryContent } = require('./content');
const { UPLOAD_TYPES, mediaType, matchesMagic } = require('./file-types');
const { addFile, folderAt, isoDate } = require('./locker');

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const RESTRICTED_NAME_CHARS = /[\\/:*?<>|'^~]/;

/**
 * @typedef {object} UploadRecord
 * @property {string} path as stored, with a leading '/'
 * @property {number} size bytes
 * @property {string} sha256 hex of the bytes
 * @property {string} contentType
 * @property {string} userId
 * @property {string} clientId
 */

/**
 * @typedef {import('./files-issued').DocSimState & { uploads: UploadRecord[], nextId: () => string }} UploadSimState
 * @typedef {{ res: import('http').ServerResponse, headers: import('http').IncomingHttpHeaders, body: { bytes: Buffer, size: number, tooLarge: boolean }, sim: UploadSimState }} UploadCtx
 */

/**
 * @param {string} error
 * @param {string} description
 */
function bad(error, description) {
	return new OAuthError(400, error, description);
}

/** @param {string | string[] | undefined} value */
function headerValue(value) {
	const first = Array.isArray(value) ? value[0] : value;
	return first === undefined ? '' : first.trim();
}

/** @param {UploadCtx} ctx */
function handleUpload(ctx) {
	const { grant, locker, clientSecret } = requireLocker(ctx, 'files.uploadeddocs');
	const destination = headerValue(ctx.headers.path);
	if (destination === '') throw bad('path_missing', 'Path parameter is missing');
	const contentType = mediaType(ctx.headers['content-type']);
	if (contentType === '') throw bad('contenttype_missing', 'Content-Type parameter is missing');
	const hmac = headerValue(ctx.headers.hmac);
	if (hmac === '') throw bad('hmac_missing', 'HMAC parameter is missing');
	const slash = destination.lastIndexOf('/');
	const name = destination.slice(slash + 1);
	if (name === '') throw bad('filename_missing', 'Filename is missing in path parameter');
	if (RESTRICTED_NAME_CHARS.test(name)) {
		throw bad('invalid_filename', 'Restricted characters are not allowed in file name');
	}
	if (!UPLOAD_TYPES.includes(contentType))
		throw bad('invalid_filetype', 'The file type is not allowed');
	if (ctx.body.tooLarge) {
		throw bad('invalid_filesize', 'The file size exceeds maximum allowed file size of 10MB');
	}
	const bytes = ctx.body.bytes;
	if (bytes.length === 0) throw bad('file_data_missing', 'Missing file content in the request');
	if (bodyHmac(clientSecret, bytes) !== hmac) throw bad('hmac_mismatch', 'HMAC does not match');
	const folderNames = destination.slice(0, Math.max(slash, 0)).split('/').filter(Boolean);
	const folder = folderAt(locker, folderNames);
	if (!folder) throw bad('invalid_path', 'The destination folder does not exist');
	if (!matchesMagic(contentType, bytes)) {
		throw bad(
			'mimetype_mismatch',
			'The mimetype provided in Content-Type parameter does not match with the mimetype of the file',
		);
	}
	const existing = folder.children.find((c) => c.name === name);
	if (existing && existing.type === 'dir') {
		throw bad('invalid_filename', 'A folder with this name already exists');
	}
	const date = isoDate(ctx.sim.now());
	if (existing) {
		existing.content = memoryContent(bytes);
		existing.mime = contentType;
		existing.date = date;
	} else {
		addFile(locker, folder, name, contentType, memoryContent(bytes), ctx.sim.nextId(), date);
	}
	const path = `/${[...folderNames, name].join('/')}`;
	ctx.sim.uploads.push({
		path,
		size: bytes.length,
		sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
		contentType,
		userId: grant.userId,
		clientId: grant.clientId,
	});
	sendJson(ctx.res, 200, { path, size: String(bytes.length) });
}

module.exports = { handleUpload, MAX_UPLOAD_BYTES };
