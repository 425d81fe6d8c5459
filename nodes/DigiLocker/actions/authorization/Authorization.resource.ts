import type { INodeProperties } from 'n8n-workflow';

import * as exchangeCode from './exchangeCode.operation';
import * as getAuthorizationUrl from './getAuthorizationUrl.operation';
import * as refreshToken from './refreshToken.operation';
import * as revokeToken from './revokeToken.operation';

export const operations = { exchangeCode, getAuthorizationUrl, refreshToken, revokeToken };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['authorization'] } },
		options: [
			{
				name: 'Get Access Token',
				value: 'exchangeCode',
				description: "Exchange the code of the consent callback for the user's tokens",
				action: 'Exchange an authorization code for tokens',
			},
			{
				name: 'Get Authorization URL',
				value: 'getAuthorizationUrl',
				description: 'Build the DigiLocker consent link for one user, with PKCE and a signed state',
				action: 'Build a consent URL',
			},
			{
				name: 'Refresh Token',
				value: 'refreshToken',
				description: 'Get a new access token (and a new refresh token) with a refresh token',
				action: 'Refresh an access token',
			},
			{
				name: 'Revoke Token',
				value: 'revokeToken',
				description: "End a user's grant by revoking its access or refresh token",
				action: 'Revoke a token',
			},
		],
		default: 'getAuthorizationUrl',
	},
	...getAuthorizationUrl.description,
	...exchangeCode.description,
	...refreshToken.description,
	...revokeToken.description,
];
