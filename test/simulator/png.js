'use strict';

/**
 * Builds small valid RGB PNG images (8-bit, no interlace) with zlib. Used for seeded images
 * and the e-Aadhaar photo.
 */

const zlib = require('zlib');

/** @type {number[]} */
const CRC_TABLE = [];
for (let n = 0; n < 256; n++) {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	CRC_TABLE.push(c >>> 0);
}

/** @param {Buffer} bytes */
function crc32(bytes) {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/**
 * @param {string} type four ASCII letters
 * @param {Buffer} data
 */
function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed));
	return Buffer.concat([length, typed, crc]);
}

/**
 * @param {number} width
 * @param {number} height
 * @param {(x: number, y: number) => [number, number, number]} pixel RGB, 0-255 each
 * @returns {Buffer}
 */
function buildPng(width, height, pixel) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: RGB
	const raw = Buffer.alloc(height * (1 + width * 3));
	let at = 0;
	for (let y = 0; y < height; y++) {
		raw[at++] = 0; // filter: none
		for (let x = 0; x < width; x++) {
			const [r, g, b] = pixel(x, y);
			raw[at++] = r;
			raw[at++] = g;
			raw[at++] = b;
		}
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', zlib.deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/**
 * A 16x16 two-colour pattern derived from `seed`, so different documents get different bytes.
 * @param {number} seed any integer
 */
function patternPng(seed) {
	const r = (seed * 37) & 0xff;
	const g = (seed * 91 + 64) & 0xff;
	const b = (seed * 53 + 128) & 0xff;
	return buildPng(16, 16, (x, y) =>
		((x >> 2) + (y >> 2)) % 2 === 0 ? [r, g, b] : [255, 255, 255],
	);
}

module.exports = { buildPng, patternPng, crc32 };
