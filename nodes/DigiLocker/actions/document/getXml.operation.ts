import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readDocumentFileParameters } from '../../helpers/sharedFields';
import {
	accessTokenProperty,
	binaryPropertyNameProperty,
	readRequestOptionsProperty,
	uriProperty,
} from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';
import { receiveFile } from './receiveFile';
import { readRequireHmac, requireHmacProperty } from './requireHmac';

/** Certificates up to this size are also given as text in `data.xml`. */
export const MAX_INLINE_XML_BYTES = 256 * 1024;

const properties: INodeProperties[] = [
	accessTokenProperty,
	uriProperty,
	{ ...binaryPropertyNameProperty, default: 'xml' },
	requireHmacProperty,
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
	const { accessToken, uri, binaryPropertyName } = readDocumentFileParameters.call(
		this,
		context.itemIndex,
	);
	const requireHmac = readRequireHmac.call(this, context.itemIndex);
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
					? file.bytes.toString('utf8')
					: undefined;
			return [
				{ data: { uri, ...file.data, ...(xml !== undefined ? { xml } : {}) }, binary: file.binary },
			];
		},
	};
}
