import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

type Destroyable = { destroy?: () => void };

/**
 * An item's binary field, read whole but never past `maxBytes`: n8n's binary store is read as a stream and closed at
 * the cap, an inline binary is measured before it is decoded. -> the bytes, or undefined when the file is larger.
 */
export async function readBinaryAtMost(
	this: IExecuteFunctions,
	itemIndex: number,
	field: string,
	binary: IBinaryData,
	maxBytes: number,
): Promise<Buffer | undefined> {
	if (!binary.id) {
		if (Buffer.byteLength(binary.data, 'base64') > maxBytes) return undefined;
		return await this.helpers.getBinaryDataBuffer(itemIndex, field);
	}
	const stream = await this.helpers.getBinaryStream(binary.id);
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		size += (chunk as Buffer).length;
		if (size > maxBytes) {
			(stream as Destroyable).destroy?.();
			return undefined;
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}
