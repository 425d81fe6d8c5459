import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { validationError } from '../../helpers/errors';
import { readText } from '../../helpers/parameters';
import { readBinding } from './binding';
import { redeemCode } from './codeExchange';
import { isValidCodeVerifier } from './pkce';
import { deriveCodeVerifier, verifyState } from './state';
import { requestOptionsProperty } from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.query.code }}',
		description: 'The "code" query parameter DigiLocker added to your redirect URI',
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.query.state }}',
		description:
			'The "state" query parameter of the callback. It is verified, and gives back the PKCE verifier and the context of "Get Authorization URL".',
	},
	{
		displayName: 'Binding',
		name: 'binding',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'e.g. the value of your session cookie',
		description:
			'Only if "Get Authorization URL" had a Binding: the same value, read from the browser that arrives at the callback (e.g. its session cookie). A bound state needs it; an unbound state is refused when it is set.',
	},
	{
		displayName: 'Code Verifier',
		name: 'codeVerifier',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Only if you keep your own PKCE verifier. Leave empty to use the one derived from the state.',
	},
	requestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['authorization'], operation: ['exchangeCode'] } },
	properties,
);

export const changesState = true;

export const availableToAgents = false;

const OPAQUE_VALUE = /^[\x21-\x7e]+$/;

export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, now, settings }: OperationContext,
): Promise<PreparedItem> {
	const code = readText.call(this, 'code', itemIndex, {
		label: 'Code',
		required: true,
		maxLength: 2048,
		pattern: OPAQUE_VALUE,
		patternHint: 'must be the code from the callback, without spaces',
	});
	const state = readText.call(this, 'state', itemIndex, { label: 'State', maxLength: 4096 });
	const givenVerifier = readText.call(this, 'codeVerifier', itemIndex, {
		label: 'Code Verifier',
		maxLength: 128,
	});
	if (givenVerifier && !isValidCodeVerifier(givenVerifier)) {
		throw validationError(
			'Code Verifier must be 43 to 128 characters from A-Z, a-z, 0-9 and - . _ ~',
		);
	}
	const binding = readBinding.call(this, itemIndex);
	if (binding && !state) {
		throw validationError('Binding is checked against the State: set State too');
	}
	if (!state && !givenVerifier) {
		throw validationError(
			'State is required (or a Code Verifier of your own)',
			'Map the "state" query parameter of the callback into State.',
		);
	}

	const claims = state
		? verifyState(state, app, Math.floor(now.getTime() / 1000), binding)
		: undefined;
	const codeVerifier = givenVerifier || deriveCodeVerifier(state, app);
	return {
		secrets: [code, codeVerifier, binding],
		send: async () => {
			const token = await redeemCode.call(this, app, { code, codeVerifier }, settings, now);
			return [
				{ data: claims?.context !== undefined ? { ...token, context: claims.context } : token },
			];
		},
	};
}
