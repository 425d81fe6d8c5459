'use strict';

/**
 * A tiny baseline JPEG encoder (JFIF, 8-bit YCbCr, no subsampling, one scan) for the small
 * photos of simulated documents: e-Aadhaar `Pht`, the licence `Photo`. Width and height must be
 * multiples of 8. The Huffman tables are flat (every DC size in 4 bits, every AC symbol in 8
 * bits) rather than the standard ones: valid, only less compact.
 */

/** Coefficient order of a block in the entropy-coded data. */
const ZIGZAG = [
	0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
	13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
	45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/** Quantiser for zigzag position i: finer for low frequencies, coarser for chroma. */
const QUANT = [
	Array.from({ length: 64 }, (_, i) => 3 + (i >> 2)),
	Array.from({ length: 64 }, (_, i) => 5 + (i >> 1)),
];

/** cos((2x+1)uπ/16) for x, u in 0..7. */
const COS = Array.from({ length: 64 }, (_, i) =>
	Math.cos(((2 * (i >> 3) + 1) * (i & 7) * Math.PI) / 16),
);

/** DC symbols 0..11, AC symbols (run << 4 | size) plus EOB (0x00) and ZRL (0xf0). */
const DC_SYMBOLS = Array.from({ length: 12 }, (_, i) => i);
const AC_SYMBOLS = [0x00, 0xf0];
for (let run = 0; run < 16; run++)
	for (let size = 1; size <= 10; size++) AC_SYMBOLS.push((run << 4) | size);

/**
 * @param {number[]} symbols
 * @param {number} length every code has this many bits
 * @returns {Map<number, number>} symbol -> code
 */
function flatCodes(symbols, length) {
	if (symbols.length >= 2 ** length) throw new RangeError('jpeg: too many symbols');
	return new Map(symbols.map((s, i) => [s, i]));
}

const DC_BITS = 4;
const AC_BITS = 8;
const DC_CODES = flatCodes(DC_SYMBOLS, DC_BITS);
const AC_CODES = flatCodes(AC_SYMBOLS, AC_BITS);

/**
 * @param {number} marker second byte of the marker
 * @param {number[] | Buffer} payload
 */
function segment(marker, payload) {
	const length = payload.length + 2;
	return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...payload]);
}

/** Collects bits MSB first, stuffing a 0x00 after every 0xff byte. */
function bitWriter() {
	/** @type {number[]} */
	const bytes = [];
	let acc = 0;
	let count = 0;
	return {
		/** @param {number} value @param {number} length */
		write(value, length) {
			for (let i = length - 1; i >= 0; i--) {
				acc = (acc << 1) | ((value >> i) & 1);
				if (++count === 8) {
					bytes.push(acc);
					if (acc === 0xff) bytes.push(0);
					acc = 0;
					count = 0;
				}
			}
		},
		/** Pads the last byte with 1 bits. */
		finish() {
			if (count > 0) this.write(0xff, 8 - count);
			return Buffer.from(bytes);
		},
	};
}

/** @param {number} v */
function sizeOf(v) {
	let a = Math.abs(v);
	let n = 0;
	while (a > 0) {
		n++;
		a >>= 1;
	}
	return n;
}

/**
 * @param {ReturnType<typeof bitWriter>} out
 * @param {number} v
 * @param {number} size
 */
function writeAmplitude(out, v, size) {
	if (size > 0) out.write(v < 0 ? v + (1 << size) - 1 : v, size);
}

/**
 * Forward DCT and quantisation of one 8x8 block (samples already level-shifted).
 * @param {number[]} block 64 samples, row-major
 * @param {number[]} quant
 * @returns {number[]} quantised coefficients in zigzag order
 */
function transform(block, quant) {
	/** @type {number[]} */
	const coefficients = [];
	for (let k = 0; k < 64; k++) {
		const u = ZIGZAG[k] & 7;
		const v = ZIGZAG[k] >> 3;
		let sum = 0;
		for (let y = 0; y < 8; y++) {
			for (let x = 0; x < 8; x++) sum += block[y * 8 + x] * COS[x * 8 + u] * COS[y * 8 + v];
		}
		const scale = (u === 0 ? Math.SQRT1_2 : 1) * (v === 0 ? Math.SQRT1_2 : 1) * 0.25;
		coefficients.push(Math.round((sum * scale) / quant[k]));
	}
	return coefficients;
}

/**
 * @param {ReturnType<typeof bitWriter>} out
 * @param {number[]} coefficients zigzag order
 * @param {number} previousDc
 * @returns {number} this block's DC
 */
function encodeBlock(out, coefficients, previousDc) {
	const diff = coefficients[0] - previousDc;
	const dcSize = sizeOf(diff);
	out.write(/** @type {number} */ (DC_CODES.get(dcSize)), DC_BITS);
	writeAmplitude(out, diff, dcSize);
	let run = 0;
	for (let k = 1; k < 64; k++) {
		const c = coefficients[k];
		if (c === 0) {
			run++;
			continue;
		}
		for (; run > 15; run -= 16) out.write(/** @type {number} */ (AC_CODES.get(0xf0)), AC_BITS);
		const size = sizeOf(c);
		out.write(/** @type {number} */ (AC_CODES.get((run << 4) | size)), AC_BITS);
		writeAmplitude(out, c, size);
		run = 0;
	}
	if (run > 0) out.write(/** @type {number} */ (AC_CODES.get(0x00)), AC_BITS);
	return coefficients[0];
}

/**
 * @param {number} tableClass 0 DC, 1 AC
 * @param {number} id
 * @param {number[]} symbols
 * @param {number} length
 */
function huffmanTable(tableClass, id, symbols, length) {
	const counts = new Array(16).fill(0);
	counts[length - 1] = symbols.length;
	return [(tableClass << 4) | id, ...counts, ...symbols];
}

/**
 * @param {number} width multiple of 8
 * @param {number} height multiple of 8
 * @param {(x: number, y: number) => [number, number, number]} pixel RGB, 0-255 each
 * @returns {Buffer}
 */
function buildJpeg(width, height, pixel) {
	if (width % 8 !== 0 || height % 8 !== 0 || width === 0 || height === 0) {
		throw new RangeError('jpeg: width and height must be positive multiples of 8');
	}
	const out = bitWriter();
	const previous = [0, 0, 0];
	for (let by = 0; by < height; by += 8) {
		for (let bx = 0; bx < width; bx += 8) {
			/** @type {number[][]} */
			const blocks = [[], [], []];
			for (let y = 0; y < 8; y++) {
				for (let x = 0; x < 8; x++) {
					const [r, g, b] = pixel(bx + x, by + y);
					blocks[0].push(0.299 * r + 0.587 * g + 0.114 * b - 128);
					blocks[1].push(-0.168736 * r - 0.331264 * g + 0.5 * b);
					blocks[2].push(0.5 * r - 0.418688 * g - 0.081312 * b);
				}
			}
			for (let c = 0; c < 3; c++) {
				previous[c] = encodeBlock(out, transform(blocks[c], QUANT[c === 0 ? 0 : 1]), previous[c]);
			}
		}
	}
	const jfif = [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
	const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3];
	frame.push(1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1);
	return Buffer.concat([
		Buffer.from([0xff, 0xd8]),
		segment(0xe0, jfif),
		segment(0xdb, [0, ...QUANT[0], 1, ...QUANT[1]]),
		segment(0xc0, frame),
		segment(0xc4, [
			...huffmanTable(0, 0, DC_SYMBOLS, DC_BITS),
			...huffmanTable(1, 0, AC_SYMBOLS, AC_BITS),
		]),
		segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
		out.finish(),
		Buffer.from([0xff, 0xd9]),
	]);
}

/**
 * A 24x32 passport-style picture derived from `seed`: a coloured background, a face and
 * shoulders, so different people get different bytes. Nobody's likeness.
 * @param {number} seed any integer
 */
function portraitJpeg(seed) {
	const background = [(seed * 37) & 0xff, (seed * 91 + 64) & 0xff, (seed * 53 + 128) & 0xff];
	const shirt = [(seed * 13 + 40) & 0x7f, (seed * 29 + 20) & 0x7f, (seed * 7 + 90) & 0xff];
	/** @type {[number, number, number]} */
	const skin = [196 + (seed % 40), 150 + (seed % 30), 120 + (seed % 20)];
	return buildJpeg(24, 32, (x, y) => {
		const face = ((x - 11.5) / 6) ** 2 + ((y - 12) / 8) ** 2 <= 1;
		if (face) return skin;
		const shoulders = y >= 24 && Math.abs(x - 11.5) <= 4 + (y - 24) * 1.2;
		return /** @type {[number, number, number]} */ (shoulders ? shirt : background);
	});
}

module.exports = { buildJpeg, portraitJpeg };
