import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { XML_LIMITS } from '../../xml/tree';
import { validationError } from '../../helpers/errors';
import { readText } from '../../helpers/parameters';
import { checkBinaryFieldName } from '../../helpers/sharedFields';
import type { OperationContext, PreparedItem } from '../operation';
import { readBinaryAtMost } from './binaryInput';
import { checkSignature, readSignatureSettings, signatureProperties } from './signatureOption';
import {
	detailProperty,
	parseDocument,
	photoPropertyNameProperty,
	readDetail,
	readPhotoPropertyName,
} from './xmlOutput';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description:
			'The binary field holding the XML: a downloaded certificate, a stored one, or an Aadhaar offline e-KYC XML a user uploaded',
	},
	detailProperty,
	photoPropertyNameProperty,
	...signatureProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['parseXml'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = false;

/** Reads an XML document from the item's binary data into facts; nothing is sent to DigiLocker. */
export async function prepare(
	this: IExecuteFunctions,
	{ itemIndex, app, now }: OperationContext,
): Promise<PreparedItem> {
	const label = 'Input Binary Field';
	const field = checkBinaryFieldName(
		readText.call(this, 'binaryPropertyName', itemIndex, { label, required: true, maxLength: 128 }),
		label,
	);
	const binary = this.getInputData()[itemIndex]?.binary?.[field];
	if (!binary) {
		throw validationError(
			`The item has no binary field "${field}"`,
			'Set Input Binary Field to the field that holds the XML, e.g. "data" after a Read File or a download.',
		);
	}
	const detail = readDetail.call(this, itemIndex);
	const photoPropertyName =
		detail === 'full' ? readPhotoPropertyName.call(this, itemIndex) : 'photo';
	const signatureSettings = readSignatureSettings.call(this, itemIndex, app);
	return {
		secrets: [],
		send: async () => {
			const bytes = await readBinaryAtMost.call(
				this,
				itemIndex,
				field,
				binary,
				XML_LIMITS.maxBytes,
			);
			if (bytes === undefined) {
				throw validationError(
					`The XML in "${field}" is larger than ${XML_LIMITS.maxBytes / 1024 / 1024} MiB`,
				);
			}
			const signature = checkSignature(bytes, signatureSettings, now);
			const parsed = await parseDocument.call(
				this,
				bytes,
				{ detail, photoPropertyName },
				'VALIDATION_ERROR',
			);
			const inputBinary = this.getInputData()[itemIndex]?.binary ?? {};
			return [
				{ data: { ...parsed.data, ...signature }, binary: { ...inputBinary, ...parsed.binary } },
			];
		},
	};
}
