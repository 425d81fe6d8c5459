import type { IBinaryData, IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fileNameOf, mimeTypeOf } from '../../helpers/fileNaming';
import { assertHmacMatches, readHmacHeader, startBodyHmac } from '../../helpers/integrity';
import { bearerFile, type BinaryStream } from '../../transport';
import type { OperationContext } from '../operation';

export interface FileRequest {
	path: string;
	accessToken: string;
	/** Names the file when DigiLocker sends no Content-Disposition. */
	nameHint: string;
	binaryPropertyName: string;
	/** Read the whole body into memory (small XML) instead of streaming it into n8n's binary store. */
	whole?: boolean;
}

export interface ReceivedFile {
	binary: IBinaryKeyData;
	data: IDataObject;
	bytes?: Buffer;
}

/** Hashes the body while n8n's binary store consumes it: every chunk read from the stream passes the listener. */
function hashWhileRead(body: BinaryStream, clientSecret: string) {
	const hmac = startBodyHmac(clientSecret);
	if (Buffer.isBuffer(body)) {
		hmac.update(body);
	} else {
		body.on('data', (chunk: Buffer) => hmac.update(chunk));
		body.pause();
	}
	return hmac;
}

/**
 * Fetches a file with the user's token into n8n binary data, verifying DigiLocker's `hmac` header when present.
 * On a mismatch nothing is emitted (INTEGRITY_ERROR). The input item's other binary fields are kept.
 */
export async function receiveFile(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
	request: FileRequest,
): Promise<ReceivedFile> {
	return await bearerFile(this, app, settings, { path: request.path, accessToken: request.accessToken, whole: request.whole }, async (response) => {
		const expectedHmac = readHmacHeader(response.headers);
		const fileName = fileNameOf(response.headers, request.nameHint);
		const mimeType = mimeTypeOf(response.headers, fileName);
		const hmac = expectedHmac ? hashWhileRead(response.body, app.clientSecret) : undefined;
		const binaryData: IBinaryData = await this.helpers.prepareBinaryData(response.body, fileName, mimeType);
		if (hmac && expectedHmac) assertHmacMatches(hmac.digest('base64'), expectedHmac);

		const inputBinary = this.getInputData()[itemIndex]?.binary ?? {};
		const size = Buffer.isBuffer(response.body) ? response.body.length : binaryData.bytes;
		return {
			binary: { ...inputBinary, [request.binaryPropertyName]: binaryData },
			data: {
				file_name: fileName,
				mime_type: mimeType,
				...(size !== undefined ? { size } : {}),
				binary_property: request.binaryPropertyName,
				hmac_verified: expectedHmac !== undefined,
			},
			bytes: Buffer.isBuffer(response.body) ? response.body : undefined,
		};
	});
}
