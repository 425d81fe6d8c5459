import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readOpaqueValue } from '../../helpers/sharedFields';
import { readText } from '../../helpers/parameters';
import { postRevokeForm } from '../../transport';
import { requestOptionsProperty } from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.data.access_token }}',
		description:
			'The access or refresh token to revoke; DigiLocker ends the whole grant it belongs to',
	},
	{
		displayName: 'Token Type Hint',
		name: 'tokenTypeHint',
		type: 'options',
		default: 'access_token',
		options: [
			{ name: 'Access Token', value: 'access_token' },
			{ name: 'Refresh Token', value: 'refresh_token' },
		],
		description: 'Which kind of token this is (token_type_hint)',
	},
	requestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['authorization'], operation: ['revokeToken'] } },
	properties,
);

export const changesState = true;

export const availableToAgents = false;

export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
): Promise<PreparedItem> {
	const token = readOpaqueValue.call(this, 'token', itemIndex, 'Token');
	const tokenTypeHint = readText.call(this, 'tokenTypeHint', itemIndex, {
		label: 'Token Type Hint',
		pattern: /^(access_token|refresh_token)$/,
		patternHint: 'must be "access_token" or "refresh_token"',
	});
	const form = new URLSearchParams({ token });
	if (tokenTypeHint) form.set('token_type_hint', tokenTypeHint);
	return {
		secrets: [token],
		send: async () => {
			await postRevokeForm.call(this, app, PATHS.revoke, form, settings);
			return [{ data: { revoked: true, token_type_hint: tokenTypeHint || null } }];
		},
	};
}
