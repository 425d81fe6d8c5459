import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readAccessToken, readBinaryPropertyName } from '../../helpers/sharedFields';
import {
	accessTokenProperty,
	binaryPropertyNameProperty,
	readRequestOptionsProperty,
} from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';
import { receiveFile } from './receiveFile';
import { readRequireHmac, requireHmacProperty } from './requireHmac';

const properties: INodeProperties[] = [
	{
		displayName:
			'e-Aadhaar XML is highly sensitive personal data (identity, address, photo). It is returned only as binary data; keep it out of logs and saved executions.',
		name: 'sensitiveNotice',
		type: 'notice',
		default: '',
	},
	accessTokenProperty,
	{ ...binaryPropertyNameProperty, default: 'eaadhaar' },
	requireHmacProperty,
	readRequestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['getEAadhaar'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = false;

/** GET /oauth2/3/xml/eaadhaar: the user's e-Aadhaar (UIDAI KycRes XML); only for tokens whose eaadhaar is "Y". */
export async function prepare(
	this: IExecuteFunctions,
	context: OperationContext,
): Promise<PreparedItem> {
	const { itemIndex } = context;
	const accessToken = readAccessToken.call(this, itemIndex);
	const binaryPropertyName = readBinaryPropertyName.call(this, itemIndex);
	const requireHmac = readRequireHmac.call(this, itemIndex);
	return {
		secrets: [accessToken],
		send: async () => {
			const file = await receiveFile.call(this, context, {
				path: PATHS.eAadhaar,
				accessToken,
				nameHint: 'eaadhaar.xml',
				binaryPropertyName,
				requireHmac,
				whole: true,
			});
			return [{ data: file.data, binary: file.binary }];
		},
	};
}
