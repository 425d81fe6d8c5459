/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a real stream stands in for n8n's binary store */
import { Readable } from 'node:stream';
import { sleep, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

import { readBinaryAtMost } from '../../../nodes/DigiLocker/actions/document/binaryInput';

/** A context whose binary store holds `chunks` under id "stored"; counts what was pulled and whether it was closed. */
function contextWith(chunks: Buffer[]) {
	const seen = { pulled: 0, destroyed: false, buffered: 0 };
	const stream = Readable.from(
		(function* () {
			for (const chunk of chunks) {
				seen.pulled++;
				yield chunk;
			}
		})(),
	);
	stream.on('close', () => (seen.destroyed = seen.pulled < chunks.length));
	const context = {
		helpers: {
			getBinaryStream: async (id: string) => {
				expect(id).toBe('stored');
				return stream;
			},
			getBinaryDataBuffer: async () => {
				seen.buffered++;
				return Buffer.concat(chunks);
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, seen };
}

const kib = (count: number) => Buffer.alloc(count * 1024, 7);
const stored: IBinaryData = { id: 'stored', data: 'filesystem-v2', mimeType: 'application/xml' };
const inline = (bytes: Buffer): IBinaryData => ({
	data: bytes.toString('base64'),
	mimeType: 'application/xml',
});

describe('readBinaryAtMost', () => {
	it('reads a stored file whole when it fits', async () => {
		const { context } = contextWith([kib(4), kib(4)]);
		const bytes = await readBinaryAtMost.call(context, 0, 'data', stored, 8 * 1024);
		expect(bytes).toEqual(Buffer.concat([kib(4), kib(4)]));
	});

	it('stops reading a stored file at the cap and closes it', async () => {
		const { context, seen } = contextWith(Array.from({ length: 100 }, () => kib(64)));
		const bytes = await readBinaryAtMost.call(context, 0, 'data', stored, 200 * 1024);
		expect(bytes).toBeUndefined();
		expect(seen.pulled).toBeLessThanOrEqual(5);
		await sleep(0);
		expect(seen.destroyed).toBe(true);
	});

	it('measures an inline file before decoding it', async () => {
		const big = contextWith([kib(9)]);
		await expect(
			readBinaryAtMost.call(big.context, 0, 'data', inline(kib(9)), 8 * 1024),
		).resolves.toBeUndefined();
		expect(big.seen.buffered).toBe(0);

		const exact = contextWith([kib(8)]);
		await expect(
			readBinaryAtMost.call(exact.context, 0, 'data', inline(kib(8)), 8 * 1024),
		).resolves.toEqual(kib(8));
		expect(exact.seen.buffered).toBe(1);
	});
});
