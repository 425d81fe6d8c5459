import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readAccessToken } from '../../helpers/sharedFields';
import { normalizeIssuedList } from './documentLists';
import { bearerJson } from '../../transport';
import { accessTokenProperty, readRequestOptionsProperty } from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';
import { splitIntoItemsProperty, toListOutputs } from '../listOutput';

const properties: INodeProperties[] = [
	accessTokenProperty,
	splitIntoItemsProperty,
	readRequestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['listIssued'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = true;

/** GET /oauth2/2/files/issued: the documents issuers have put in the user's locker. */
export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
): Promise<PreparedItem> {
	const accessToken = readAccessToken.call(this, itemIndex);
	const split = this.getNodeParameter('splitIntoItems', itemIndex, true) !== false;
	return {
		secrets: [accessToken],
		send: async () => {
			const body = await bearerJson.call(this, app, settings, {
				method: 'GET',
				path: PATHS.issuedFiles,
				accessToken,
			});
			return toListOutputs(normalizeIssuedList(body, 200), split, {
				resource: body.resource ?? 'issued',
			});
		},
	};
}
