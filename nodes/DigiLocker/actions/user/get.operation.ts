import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readAccessToken } from '../../helpers/sharedFields';
import { bearerJson } from '../../transport';
import { accessTokenProperty, readRequestOptionsProperty } from '../common.descriptions';
import type { OperationContext, OperationOutput } from '../operation';

const properties: INodeProperties[] = [accessTokenProperty, readRequestOptionsProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);

export const secretParameters = ['accessToken'];

/** https://apisetu.gov.in — DigiLocker Authorized Partner API, "Get User Details" (GET /oauth2/1/user). */
export async function execute(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
): Promise<OperationOutput[]> {
	const accessToken = readAccessToken.call(this, itemIndex);
	const user = await bearerJson.call(this, app, settings, {
		method: 'GET',
		path: PATHS.user,
		accessToken,
	});
	return [
		{
			data: {
				...user,
				...(typeof user.digilockerid === 'string' ? { id: user.digilockerid } : {}),
			},
		},
	];
}
