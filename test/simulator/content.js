'use strict';

/**
 * File contents. Small files live in memory; large generated files (the `largeFiles` option)
 * are produced chunk by chunk from a seed on every read, so hundreds of megabytes never sit in
 * memory at once. The response `hmac` is cached per client secret.
 */

const crypto = require('crypto');
const { bodyHmac } = require('./body-hmac');
const { pdfParts } = require('./pdf');

const CHUNK_BYTES = 64 * 1024;

/**
 * @typedef {object} Content
 * @property {number} size
 * @property {Buffer | undefined} bytes the whole content when it is held in memory
 * @property {() => Iterable<Buffer>} chunks the bytes in order
 * @property {Map<string, string>} hmacs cached Base64 HMACs by client secret
 */

/**
 * @param {Buffer} bytes
 * @returns {Content}
 */
function memoryContent(bytes) {
	return { size: bytes.length, bytes, chunks: () => [bytes], hmacs: new Map() };
}

/** @type {Buffer | undefined} */
let fillerBlock;

/** 64 KiB of fixed pseudo-random bytes (SHA-256 in counter mode), built once. */
function filler() {
	if (!fillerBlock) {
		/** @type {Buffer[]} */
		const parts = [];
		for (let i = 0; i < CHUNK_BYTES / 32; i++) {
			parts.push(crypto.createHash('sha256').update(`simulator-filler-${i}`).digest());
		}
		fillerBlock = Buffer.concat(parts);
	}
	return fillerBlock;
}

/**
 * A PDF of exactly `size` bytes whose bulk is filler. Each 64 KiB filler chunk starts with a
 * comment naming `tag` and the chunk number, so two files never share their bytes.
 * @param {string[]} lines text on the page
 * @param {number} size total bytes
 * @param {string} tag e.g. the document URI
 * @returns {Content}
 */
function generatedPdfContent(lines, size, tag) {
	const { head, fillerLength, tail } = pdfParts(lines, size);
	function* chunks() {
		yield head;
		const block = filler();
		for (let offset = 0, n = 0; offset < fillerLength; offset += CHUNK_BYTES, n++) {
			const length = Math.min(CHUNK_BYTES, fillerLength - offset);
			const chunk = Buffer.from(block.subarray(0, length));
			chunk.write(`\n%sim ${tag} ${n}\n`, 0, 'latin1');
			yield chunk;
		}
		yield tail;
	}
	return { size, bytes: undefined, chunks, hmacs: new Map() };
}

/**
 * @param {Content} content
 * @param {string} clientSecret
 */
function contentHmac(content, clientSecret) {
	let hmac = content.hmacs.get(clientSecret);
	if (hmac === undefined) {
		hmac = bodyHmac(clientSecret, content.bytes ?? content.chunks());
		content.hmacs.set(clientSecret, hmac);
	}
	return hmac;
}

/**
 * The whole content as one Buffer (generates large files in full).
 * @param {Content} content
 */
function readContent(content) {
	return content.bytes ?? Buffer.concat([...content.chunks()]);
}

module.exports = { memoryContent, generatedPdfContent, contentHmac, readContent, CHUNK_BYTES };
