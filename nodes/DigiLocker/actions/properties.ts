import type { INodeProperties } from 'n8n-workflow';

import * as authorization from './authorization/Authorization.resource';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Authorization', value: 'authorization' }],
		default: 'authorization',
	},
	...authorization.description,
];
