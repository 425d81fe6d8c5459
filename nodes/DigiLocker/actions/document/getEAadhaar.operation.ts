import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readAccessToken } from '../../helpers/sharedFields';
import {
	accessTokenProperty,
	binaryPropertyNameProperty,
	readRequestOptionsProperty,
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

const properties: INodeProperties[] = [
	{
		displayName:
			'e-Aadhaar XML is highly sensitive personal data (identity, address, photo). Raw XML is returned only as binary data; Parsed Facts with Minimal detail keep identity facts only, the Aadhaar number as its last 4 digits. Keep both out of logs and saved executions.',
		name: 'sensitiveNotice',
		type: 'notice',
		default: '',
	},
	accessTokenProperty,
	...xmlOutputProperties,
	{
		...binaryPropertyNameProperty,
		default: 'eaadhaar',
		displayOptions: { show: { xmlOutput: ['raw', 'both'] } },
	},
	requireHmacProperty,
	...signatureProperties,
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
	const outputSettings = readXmlOutputSettings.call(this, itemIndex);
	const binaryPropertyName = readXmlBinaryPropertyName.call(this, itemIndex, outputSettings);
	const requireHmac = readRequireHmac.call(this, itemIndex);
	const signatureSettings = readSignatureSettings.call(this, itemIndex, context.app);
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
			const signature = checkSignature(
				file.bytes ?? Buffer.alloc(0),
				signatureSettings,
				context.now,
			);
			return [
				await shapeXmlOutput.call(
					this,
					itemIndex,
					file,
					outputSettings,
					{ ...file.data, ...signature },
					signature,
				),
			];
		},
	};
}
