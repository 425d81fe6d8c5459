import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { maskAadhaarNumbers } from '../../document/facts/aadhaar';
import { PATHS } from '../../helpers/constants';
import { readAccessToken, readDocumentUri } from '../../helpers/sharedFields';
import {
	accessTokenProperty,
	binaryPropertyNameProperty,
	readRequestOptionsProperty,
	uriProperty,
} from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';
import { receiveFile } from './receiveFile';
import { readRequireHmac, requireHmacProperty } from './requireHmac';
import { checkSignature, readSignatureSettings, signatureProperties } from './signatureOption';
import {
	readXmlBinaryPropertyName,
	readXmlOutputSettings,
	shapeXmlOutput,
	xmlOutputProperties,
} from './xmlOutput';

/**
 * Certificates up to this size are also given as text in `data.xml`, with every likely Aadhaar number masked (the
 * binary keeps DigiLocker's exact bytes, which its signature covers).
 */
export const MAX_INLINE_XML_BYTES = 256 * 1024;

const properties: INodeProperties[] = [
	accessTokenProperty,
	uriProperty,
	...xmlOutputProperties,
	{
		...binaryPropertyNameProperty,
		default: 'xml',
		displayOptions: { show: { xmlOutput: ['raw', 'both'] } },
	},
	requireHmacProperty,
	...signatureProperties,
	readRequestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['getXml'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = true;

/** GET /oauth2/1/xml/{uri}: an issued document's certificate data as XML (for documents whose mime lists XML). */
export async function prepare(
	this: IExecuteFunctions,
	context: OperationContext,
): Promise<PreparedItem> {
	const { itemIndex } = context;
	const accessToken = readAccessToken.call(this, itemIndex);
	const uri = readDocumentUri.call(this, itemIndex);
	const outputSettings = readXmlOutputSettings.call(this, itemIndex);
	const binaryPropertyName = readXmlBinaryPropertyName.call(this, itemIndex, outputSettings);
	const requireHmac = readRequireHmac.call(this, itemIndex);
	const signatureSettings = readSignatureSettings.call(this, itemIndex, context.app);
	return {
		secrets: [accessToken],
		send: async () => {
			const file = await receiveFile.call(this, context, {
				path: `${PATHS.xml}${encodeURIComponent(uri)}`,
				accessToken,
				nameHint: `${uri}.xml`,
				binaryPropertyName,
				requireHmac,
				whole: true,
			});
			const xml =
				file.bytes && file.bytes.length <= MAX_INLINE_XML_BYTES
					? maskAadhaarNumbers(file.bytes.toString('utf8'))
					: undefined;
			const signature = checkSignature(
				file.bytes ?? Buffer.alloc(0),
				signatureSettings,
				context.now,
			);
			const rawData = { uri, ...file.data, ...(xml !== undefined ? { xml } : {}), ...signature };
			return [
				await shapeXmlOutput.call(this, itemIndex, file, outputSettings, rawData, {
					uri,
					...signature,
				}),
			];
		},
	};
}
