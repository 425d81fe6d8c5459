'use strict';

/**
 * Binary responses (Get File, XML, e-Aadhaar): Content-Type, Content-Length, Content-Disposition
 * and the `hmac` header, with the body streamed chunk by chunk. Honours the route-level faults
 * 'wrong-hmac' (right body, wrong hmac), 'no-hmac' (right body, no hmac header) and 'truncated'
 * (full Content-Length, half the body, then the connection closes).
 */

const { contentHmac } = require('./content');

/**
 * @typedef {object} FileCtx
 * @property {import('http').ServerResponse} res
 * @property {import('./faults').Fault | undefined} fault a body fault this route must apply
 */

/**
 * A plausible but wrong Base64 HMAC: the first character changed.
 * @param {string} hmac
 */
function corruptHmac(hmac) {
	return (hmac[0] === 'A' ? 'B' : 'A') + hmac.slice(1);
}

/**
 * An ASCII-only attachment header value.
 * @param {string} filename
 */
function contentDisposition(filename) {
	const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
	const encoded = encodeURIComponent(filename);
	return ascii === filename
		? `attachment; filename="${ascii}"`
		: `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** @param {import('http').ServerResponse} res */
function waitForDrain(res) {
	return new Promise((resolve) => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve(undefined);
		};
		res.on('drain', done);
		res.on('close', done);
	});
}

/**
 * Writes `chunks` up to `limit` bytes (all when undefined), respecting back-pressure.
 * @param {import('http').ServerResponse} res
 * @param {Iterable<Buffer>} chunks
 * @param {number | undefined} limit
 */
async function writeChunks(res, chunks, limit) {
	let sent = 0;
	for (const chunk of chunks) {
		if (res.destroyed) return;
		if (limit !== undefined && sent >= limit) break;
		const piece =
			limit !== undefined && sent + chunk.length > limit ? chunk.subarray(0, limit - sent) : chunk;
		sent += piece.length;
		if (piece.length > 0 && !res.write(piece)) await waitForDrain(res);
	}
}

/**
 * Closes the connection once everything written so far has gone out.
 * @param {import('http').ServerResponse} res
 */
function closeAfterFlush(res) {
	res.write('', () => {
		res.socket?.end();
	});
}

/**
 * Sends status + headers and half of `body`, then closes the connection (the 'truncated' fault).
 * @param {import('http').ServerResponse} res
 * @param {number} status
 * @param {Record<string, string>} headers must include Content-Length of the full body
 * @param {Buffer} body
 */
function sendTruncated(res, status, headers, body) {
	res.writeHead(status, headers);
	res.write(body.subarray(0, Math.floor(body.length / 2)));
	closeAfterFlush(res);
}

/**
 * @param {FileCtx} ctx
 * @param {{ content: import('./content').Content, contentType: string, filename: string }} file
 * @param {string} clientSecret the requesting app's secret (the hmac key)
 */
async function sendFile(ctx, file, clientSecret) {
	const { res, fault } = ctx;
	const hmac = contentHmac(file.content, clientSecret);
	const size = file.content.size;
	res.writeHead(200, {
		'Content-Type': file.contentType,
		'Content-Length': String(size),
		'Content-Disposition': contentDisposition(file.filename),
		'Cache-Control': 'no-store',
		...(fault?.type === 'no-hmac'
			? {}
			: { hmac: fault?.type === 'wrong-hmac' ? corruptHmac(hmac) : hmac }),
	});
	if (fault?.type === 'truncated') {
		await writeChunks(res, file.content.chunks(), Math.floor(size / 2));
		if (!res.destroyed) closeAfterFlush(res);
		return;
	}
	await writeChunks(res, file.content.chunks(), undefined);
	if (!res.destroyed) res.end();
}

/**
 * A JSON error under the 'truncated' fault: full Content-Length, half the body.
 * @param {import('http').ServerResponse} res
 * @param {{ status: number, error: string, description: string, headers: Record<string, string> }} err
 */
function sendTruncatedError(res, err) {
	const body = Buffer.from(
		JSON.stringify({ error: err.error, error_description: err.description }),
	);
	sendTruncated(
		res,
		err.status,
		{
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Length': String(body.length),
			...err.headers,
		},
		body,
	);
}

module.exports = { sendFile, sendTruncated, sendTruncatedError, contentDisposition };
