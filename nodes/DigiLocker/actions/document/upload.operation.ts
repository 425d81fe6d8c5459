import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { checkBinaryFieldName, readAccessToken } from '../../helpers/sharedFields';
import { invalidResponse, validationError } from '../../helpers/errors';
import { bodyHmac } from './integrity';
import { readText } from '../../helpers/parameters';
import { readBinaryAtMost } from './binaryInput';
import {
	checkUploadContent,
	checkUploadFileName,
	checkUploadFolder,
	MAX_UPLOAD_BYTES,
	UPLOAD_TOO_LARGE,
} from './uploadChecks';
import { bearerUpload } from '../../transport';
import { accessTokenProperty, requestOptionsProperty } from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';

const properties: INodeProperties[] = [
	accessTokenProperty,
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description:
			'The binary field of the input item that holds the file (PDF, JPEG or PNG, at most 10 MB)',
	},
	{
		displayName: 'Destination Folder',
		name: 'folder',
		type: 'string',
		default: '/',
		placeholder: 'e.g. /Documents/KYC',
		description: "An existing folder in the user's uploaded documents",
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description:
			"Name to store the file under; leave empty to keep the binary data's own file name",
	},
	requestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['upload'] } },
	properties,
);

export const changesState = true;

export const availableToAgents = false;

/** `path` and `size` of DigiLocker's answer (the OAS spells it `Path`); without them the upload is unconfirmed. */
function readStoredFile(body: Record<string, unknown>): { path: string; size: number } {
	const path = typeof body.path === 'string' ? body.path : body.Path;
	const size =
		typeof body.size === 'string' && /^\d+$/.test(body.size) ? Number(body.size) : body.size;
	if (typeof path !== 'string' || path === '' || !Number.isInteger(size) || (size as number) < 0) {
		throw invalidResponse('The upload answer from DigiLocker has no "path" and "size"', 200);
	}
	return { path, size: size as number };
}

/** POST /oauth2/1/file/upload: stores a file in the user's uploaded documents. Checked first, sent once. */
export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
): Promise<PreparedItem> {
	const accessToken = readAccessToken.call(this, itemIndex);
	const propertyName = checkBinaryFieldName(
		readText.call(this, 'binaryPropertyName', itemIndex, {
			label: 'Input Binary Field',
			required: true,
			maxLength: 128,
		}),
		'Input Binary Field',
	);
	const inputBinary = this.getInputData()[itemIndex]?.binary ?? {};
	const binary = Object.hasOwn(inputBinary, propertyName) ? inputBinary[propertyName] : undefined;
	if (!binary) throw validationError(`The input item has no binary field "${propertyName}"`);
	const folder = checkUploadFolder(
		readText.call(this, 'folder', itemIndex, { label: 'Destination Folder', maxLength: 512 }),
	);
	const fileName = checkUploadFileName(
		readText.call(this, 'fileName', itemIndex, { label: 'File Name', maxLength: 200 }) ||
			(binary.fileName ?? ''),
	);
	const readBytes = async () => {
		const bytes = await readBinaryAtMost.call(
			this,
			itemIndex,
			propertyName,
			binary,
			MAX_UPLOAD_BYTES,
		);
		if (bytes === undefined) throw validationError(UPLOAD_TOO_LARGE);
		return bytes;
	};
	const contentType = checkUploadContent(await readBytes(), fileName, binary.mimeType);

	const path = `${folder}${fileName}`;
	const send = async () => {
		const bytes = await readBytes();
		const body = await bearerUpload.call(this, app, settings, {
			path: PATHS.upload,
			accessToken,
			headers: { 'Content-Type': contentType, path, hmac: bodyHmac(bytes, app.clientSecret) },
			body: bytes,
		});
		return [{ data: { ...body, ...readStoredFile(body), mime_type: contentType } }];
	};
	return { secrets: [accessToken], send };
}
