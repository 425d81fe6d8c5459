import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readOpaqueValue } from '../../helpers/sharedFields';
import { processTokenResponse } from './tokenResponse';
import { postTokenForm } from '../../transport';
import { requestOptionsProperty } from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Refresh Token',
		name: 'refreshToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.data.refresh_token }}',
		description:
			'The refresh token from an earlier token envelope. DigiLocker rotates it: keep the new one from this output.',
	},
	requestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['authorization'], operation: ['refreshToken'] } },
	properties,
);

export const changesState = true;

export const availableToAgents = false;

export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, now, settings }: OperationContext,
): Promise<PreparedItem> {
	const refreshToken = readOpaqueValue.call(this, 'refreshToken', itemIndex, 'Refresh Token');
	const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
	return {
		secrets: [refreshToken],
		send: async () => {
			const { status, body } = await postTokenForm.call(this, app, PATHS.token, form, settings);
			return [{ data: processTokenResponse(body, status, now) }];
		},
	};
}
