import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readAccessToken } from '../../helpers/sharedFields';
import { bearerJson } from '../../transport';
import { accessTokenProperty, readRequestOptionsProperty } from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';

const properties: INodeProperties[] = [accessTokenProperty, readRequestOptionsProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = true;

/** https://apisetu.gov.in — DigiLocker Authorized Partner API, "Get User Details" (GET /oauth2/1/user). */
export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
): Promise<PreparedItem> {
	const accessToken = readAccessToken.call(this, itemIndex);
	return {
		secrets: [accessToken],
		send: async () => {
			const user = await bearerJson.call(this, app, settings, {
				method: 'GET',
				path: PATHS.user,
				accessToken,
			});
			const id = typeof user.digilockerid === 'string' ? { id: user.digilockerid } : {};
			return [{ data: { ...user, ...id } }];
		},
	};
}
