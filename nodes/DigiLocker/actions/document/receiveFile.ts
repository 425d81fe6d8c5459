import type { IBinaryData, IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fileNameOf, mimeTypeOf } from './fileNaming';
import {
	assertHmacMatches,
	bodyHmac,
	missingHmacError,
	readHmacHeader,
	startBodyHmac,
} from './integrity';
import { bearerFile } from '../../transport';
import { discardBody } from '../../transport/body';
import type { OperationContext } from '../operation';

export interface FileRequest {
	path: string;
	accessToken: string;
	/** Names the file when DigiLocker sends no Content-Disposition. */
	nameHint: string;
	/** Where the file goes; undefined: a `whole` body is only read and checked, not stored (parsed XML output). */
	binaryPropertyName: string | undefined;
	/** Refuse a file without an `hmac` header (INTEGRITY_ERROR) instead of keeping it unverified. */
	requireHmac: boolean;
	/** Read the whole body into memory (small XML) instead of streaming it into n8n's binary store. */
	whole?: boolean;
}

export interface ReceivedFile {
	binary: IBinaryKeyData;
	data: IDataObject;
	bytes?: Buffer;
}

/**
 * HMAC of the bytes n8n stored: read back from the binary store (a stream, so memory stays flat), or from the inline
 * data when n8n keeps binaries in memory. Checking what was stored covers the whole way from DigiLocker to disk.
 */
async function storedHmac(
	context: IExecuteFunctions,
	binary: IBinaryData,
	clientSecret: string,
): Promise<string> {
	const hmac = startBodyHmac(clientSecret);
	if (binary.id) {
		for await (const chunk of await context.helpers.getBinaryStream(binary.id))
			hmac.update(chunk as Buffer);
	} else {
		hmac.update(Buffer.from(binary.data, 'base64'));
	}
	return hmac.digest('base64');
}

/**
 * Fetches a file with the user's token into n8n binary data, verifying DigiLocker's `hmac` header when present.
 * On a mismatch, or a missing header when `requireHmac` is set, nothing is emitted (INTEGRITY_ERROR). The input
 * item's other binary fields are kept.
 */
export async function receiveFile(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
	request: FileRequest,
): Promise<ReceivedFile> {
	return await bearerFile(
		this,
		app,
		settings,
		{ path: request.path, accessToken: request.accessToken, whole: request.whole },
		async (response) => {
			const expectedHmac = readHmacHeader(response.headers);
			if (!expectedHmac && request.requireHmac) {
				discardBody(response.body);
				throw missingHmacError();
			}
			const fileName = fileNameOf(response.headers, request.nameHint);
			const mimeType = mimeTypeOf(response.headers, fileName);
			const store = request.binaryPropertyName !== undefined || !Buffer.isBuffer(response.body);
			const binaryData: IBinaryData | undefined = store
				? await this.helpers.prepareBinaryData(response.body, fileName, mimeType)
				: undefined;
			if (expectedHmac) {
				const actual = Buffer.isBuffer(response.body)
					? bodyHmac(response.body, app.clientSecret)
					: await storedHmac(this, binaryData as IBinaryData, app.clientSecret);
				assertHmacMatches(actual, expectedHmac);
			}

			const inputBinary = this.getInputData()[itemIndex]?.binary ?? {};
			const size = Buffer.isBuffer(response.body) ? response.body.length : binaryData?.bytes;
			const field = request.binaryPropertyName;
			return {
				binary: field && binaryData ? { ...inputBinary, [field]: binaryData } : inputBinary,
				data: {
					file_name: fileName,
					mime_type: mimeType,
					...(size !== undefined ? { size } : {}),
					...(field ? { binary_property: field } : {}),
					hmac_verified: expectedHmac !== undefined,
				},
				bytes: Buffer.isBuffer(response.body) ? response.body : undefined,
			};
		},
	);
}
