import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as getDocumentTypes from './getDocumentTypes.operation';
import * as getParameters from './getParameters.operation';

export const operations = { getAll, getDocumentTypes, getParameters };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['issuer'] } },
		options: [
			{
				name: 'Get Document Types',
				value: 'getDocumentTypes',
				description: 'List the document types of one issuer',
				action: 'Get document types of an issuer',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the issuers documents can be pulled from',
				action: 'Get many issuers',
			},
			{
				name: 'Get Parameters',
				value: 'getParameters',
				description: 'List the fields an issuer needs to pull a document type',
				action: 'Get pull parameters of a document type',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...getDocumentTypes.description,
	...getParameters.description,
];
