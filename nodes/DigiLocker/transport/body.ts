import { invalidResponse } from '../helpers/errors';
import type { BinaryStream } from './httpResponse';

export const MAX_JSON_BYTES = 10 * 1024 * 1024;
export const MAX_XML_BYTES = 20 * 1024 * 1024;
/** Error bodies are read only this far: DigiLocker's errors are short JSON, the status tells the rest. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

type Destroyable = { destroy?: (error?: Error) => void };

function isStream(body: BinaryStream): body is BinaryStream & AsyncIterable<Buffer> {
	return !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe === 'function';
}

export function declaredLength(headers: Record<string, unknown>): number | undefined {
	const value = headers['content-length'];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' && /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/** Stops reading a body that is no longer needed, so its connection is closed instead of drained. */
export function discardBody(body: BinaryStream): void {
	if (isStream(body)) (body as Destroyable).destroy?.();
}

/**
 * Reads a whole body, at most `maxBytes`. Past the cap the stream is closed and the answer is INVALID_RESPONSE,
 * unless `truncate` is set (error bodies), which keeps the first `maxBytes` instead.
 */
export async function readCapped(
	body: BinaryStream,
	headers: Record<string, unknown>,
	status: number,
	options: { maxBytes: number; what: string; truncate?: boolean },
): Promise<Buffer> {
	const tooLarge = () =>
		invalidResponse(
			`DigiLocker's ${options.what} is larger than ${options.maxBytes / (1024 * 1024)} MiB (HTTP ${status})`,
			status,
		);
	if (!isStream(body)) {
		const bytes = Buffer.isBuffer(body) ? body : Buffer.from(String(body ?? ''));
		if (bytes.length <= options.maxBytes) return bytes;
		if (options.truncate) return bytes.subarray(0, options.maxBytes);
		throw tooLarge();
	}
	const length = declaredLength(headers);
	if (length !== undefined && length > options.maxBytes && !options.truncate) {
		discardBody(body);
		throw tooLarge();
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		chunks.push(chunk);
		size += chunk.length;
		if (size > options.maxBytes) {
			discardBody(body);
			if (!options.truncate) throw tooLarge();
			return Buffer.concat(chunks).subarray(0, options.maxBytes);
		}
	}
	return Buffer.concat(chunks);
}
