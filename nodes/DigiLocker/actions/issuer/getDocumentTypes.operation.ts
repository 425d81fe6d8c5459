import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readRequestOptionsProperty } from '../common.descriptions';
import { splitIntoItemsProperty } from '../listOutput';
import type { OperationContext, OperationOutput } from '../operation';
import { orgidProperty, readOrgid } from '../issuerFields';
import { fetchMetaList } from './metaList';

const properties: INodeProperties[] = [
	orgidProperty,
	splitIntoItemsProperty,
	readRequestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['issuer'], operation: ['getDocumentTypes'] } },
	properties,
);

export const secretParameters: string[] = [];

/** POST /oauth2/1/pull/doctype: the document types one issuer can issue. */
export async function execute(
	this: IExecuteFunctions,
	context: OperationContext,
): Promise<OperationOutput[]> {
	const orgid = readOrgid.call(this, context.itemIndex);
	return await fetchMetaList.call(this, context, {
		path: PATHS.documentTypes,
		fields: { orgid },
		listKey: 'documents',
	});
}
