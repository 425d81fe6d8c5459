'use strict';

/**
 * Builds small valid one-page PDFs (text only, Helvetica) with a correct xref table. A large
 * PDF is the same file plus an unreferenced stream object of filler bytes; `pdfParts` returns
 * the bytes before and after that filler so callers can generate the filler lazily.
 */

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;

/** @param {string} text */
function escapePdfText(text) {
	return String(text)
		.replace(/[^\x20-\x7e]/g, '?')
		.replace(/\\/g, '\\\\')
		.replace(/\(/g, '\\(')
		.replace(/\)/g, '\\)');
}

/**
 * The page content stream: one line of text per entry, top to bottom.
 * @param {string[]} lines
 */
function contentStream(lines) {
	const ops = ['BT', '/F1 12 Tf', '16 TL', `56 ${PAGE_HEIGHT - 72} Td`];
	for (const line of lines) ops.push(`(${escapePdfText(line)}) Tj T*`);
	ops.push('ET');
	return ops.join('\n');
}

/** @param {number} n */
function pad10(n) {
	return String(n).padStart(10, '0');
}

/**
 * @param {string[]} lines
 * @param {number | undefined} fillerLength bytes of filler in object 6, or undefined for none
 * @param {number} slack extra whitespace before `startxref` (to hit an exact size)
 * @returns {{ head: Buffer, fillerLength: number, tail: Buffer }}
 */
function assemble(lines, fillerLength, slack) {
	const content = contentStream(lines);
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
			'/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
	];
	let head = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets = [];
	for (let i = 0; i < objects.length; i++) {
		offsets.push(Buffer.byteLength(head, 'latin1'));
		head += `${i + 1} 0 obj\n${objects[i]}\nendobj\n`;
	}
	let tail = '';
	let xrefOffset = Buffer.byteLength(head, 'latin1');
	const filler = fillerLength ?? 0;
	if (fillerLength !== undefined) {
		offsets.push(Buffer.byteLength(head, 'latin1'));
		head += `${objects.length + 1} 0 obj\n<< /Length ${filler} >>\nstream\n`;
		tail = '\nendstream\nendobj\n';
		xrefOffset = Buffer.byteLength(head, 'latin1') + filler + tail.length;
	}
	const count = offsets.length + 1;
	tail += `xref\n0 ${count}\n0000000000 65535 f \n`;
	for (const offset of offsets) tail += `${pad10(offset)} 00000 n \n`;
	tail += `trailer\n<< /Size ${count} /Root 1 0 R >>\n${' '.repeat(slack)}`;
	tail += `startxref\n${xrefOffset}\n%%EOF\n`;
	return {
		head: Buffer.from(head, 'latin1'),
		fillerLength: filler,
		tail: Buffer.from(tail, 'latin1'),
	};
}

/**
 * A complete small PDF showing `lines`.
 * @param {string[]} lines
 * @returns {Buffer}
 */
function buildPdf(lines) {
	const { head, tail } = assemble(lines, undefined, 0);
	return Buffer.concat([head, tail]);
}

/**
 * The parts of a PDF of exactly `totalBytes` bytes: head + fillerLength filler bytes + tail.
 * @param {string[]} lines
 * @param {number} totalBytes
 * @returns {{ head: Buffer, fillerLength: number, tail: Buffer }}
 */
function pdfParts(lines, totalBytes) {
	const minimal = assemble(lines, 0, 0);
	const minimum = minimal.head.length + minimal.tail.length;
	if (!Number.isInteger(totalBytes) || totalBytes < minimum) {
		throw new TypeError(`simulator: a generated PDF needs at least ${minimum} bytes`);
	}
	let filler = totalBytes - minimum;
	for (;;) {
		const parts = assemble(lines, filler, 0);
		const size = parts.head.length + filler + parts.tail.length;
		if (size <= totalBytes) return assemble(lines, filler, totalBytes - size);
		filler -= size - totalBytes;
	}
}

module.exports = { buildPdf, pdfParts };
