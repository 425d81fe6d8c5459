'use strict';

/**
 * The file types DigiLocker stores for uploads, their magic bytes and file extensions.
 */

/** @type {Record<string, { magic: number[], extension: string }>} */
const FILE_TYPES = {
	'application/pdf': { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extension: 'pdf' },
	'image/png': { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extension: 'png' },
	'image/jpeg': { magic: [0xff, 0xd8, 0xff], extension: 'jpg' },
	'image/jpg': { magic: [0xff, 0xd8, 0xff], extension: 'jpg' },
};

const UPLOAD_TYPES = Object.keys(FILE_TYPES);

/**
 * The media type of a Content-Type header value, lower-cased, without parameters.
 * @param {string | undefined} header
 */
function mediaType(header) {
	return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Whether `bytes` start with the magic bytes of `type`.
 * @param {string} type one of UPLOAD_TYPES
 * @param {Buffer} bytes
 */
function matchesMagic(type, bytes) {
	const magic = FILE_TYPES[type]?.magic;
	if (!magic || bytes.length < magic.length) return false;
	return magic.every((byte, i) => bytes[i] === byte);
}

/** @param {string} type */
function extensionFor(type) {
	return FILE_TYPES[type]?.extension ?? (type === 'application/xml' ? 'xml' : 'bin');
}

module.exports = { FILE_TYPES, UPLOAD_TYPES, mediaType, matchesMagic, extensionFor };
