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

const properties: INodeProperties[] = [
	accessTokenProperty,
	uriProperty,
	binaryPropertyNameProperty,
	requireHmacProperty,
	readRequestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['download'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = false;

/** GET /oauth2/1/file/{uri}: an issued or uploaded document as n8n binary data. */
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
				path: `${PATHS.file}${encodeURIComponent(uri)}`,
				accessToken,
				nameHint: uri,
				binaryPropertyName,
				requireHmac,
			});
			return [{ data: { uri, ...file.data }, binary: file.binary }];
		},
	};
}
