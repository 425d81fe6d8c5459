import type { INodeProperties } from 'n8n-workflow';

import * as authorization from './authorization/Authorization.resource';
import * as document from './document/Document.resource';
import * as issuer from './issuer/Issuer.resource';
import * as user from './user/User.resource';
import { operationsForAgents } from './agentOperations';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Authorization', value: 'authorization' },
			{ name: 'Document', value: 'document' },
			{ name: 'Issuer', value: 'issuer' },
			{ name: 'User', value: 'user' },
		],
		default: 'authorization',
	},
	...operationsForAgents(authorization.description, authorization.operations),
	...operationsForAgents(user.description, user.operations),
	...operationsForAgents(document.description, document.operations),
	...operationsForAgents(issuer.description, issuer.operations),
];
