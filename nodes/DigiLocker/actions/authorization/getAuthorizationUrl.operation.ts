import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readBinding } from './binding';
import { buildConsentRequest, consentOptionsProperty } from './consentUrl';
import { readContext } from './context';
import type { OperationContext, PreparedItem } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Context',
		name: 'context',
		type: 'string',
		default: '',
		placeholder: 'e.g. customer-4711',
		description:
			'Optional text carried inside the signed state and given back by "Get Access Token", e.g. your customer reference. It is signed, not encrypted: do not put secrets in it.',
	},
	{
		displayName: 'Binding',
		name: 'binding',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'e.g. the value of your session cookie',
		description:
			'Optional value only the browser starting the flow has, e.g. its session ID or cookie value. A keyed hash of it rides in the state, and "Get Access Token" then needs the same value in its Binding. Use it whenever the flow starts in a browser session you control.',
	},
	consentOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['authorization'], operation: ['getAuthorizationUrl'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = true;

export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, now }: OperationContext,
): Promise<PreparedItem> {
	const context = readContext.call(this, itemIndex);
	const binding = readBinding.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const consent = buildConsentRequest(app, { now, options, context, binding });
	const data: IDataObject = {
		url: consent.url,
		state: consent.state,
		code_verifier: consent.codeVerifier,
		code_challenge: consent.codeChallenge,
		expires_at: consent.expiresAt.toISOString(),
		...(context ? { context } : {}),
	};
	return { secrets: [consent.codeVerifier, binding], send: async () => [{ data }] };
}
