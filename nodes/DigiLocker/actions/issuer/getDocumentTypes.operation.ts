import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readRequestOptionsProperty } from '../common.descriptions';
import { splitIntoItemsProperty } from '../listOutput';
import type { OperationContext, PreparedItem } from '../operation';
import { orgidProperty, readOrgid } from '../issuerFields';
import { prepareMetaList } from './metaList';

const properties: INodeProperties[] = [
	orgidProperty,
	splitIntoItemsProperty,
	readRequestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['issuer'], operation: ['getDocumentTypes'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = true;

/** POST /oauth2/1/pull/doctype: the document types one issuer can issue. */
export async function prepare(
	this: IExecuteFunctions,
	context: OperationContext,
): Promise<PreparedItem> {
	const orgid = readOrgid.call(this, context.itemIndex);
	return await prepareMetaList.call(this, context, {
		path: PATHS.documentTypes,
		fields: { orgid },
		listKey: 'documents',
	});
}
