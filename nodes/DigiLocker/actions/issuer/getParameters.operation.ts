import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readRequestOptionsProperty } from '../common.descriptions';
import { splitIntoItemsProperty } from '../listOutput';
import type { OperationContext, PreparedItem } from '../operation';
import { doctypeProperty, orgidProperty, readDoctype, readOrgid } from '../issuerFields';
import { prepareMetaList } from './metaList';

const properties: INodeProperties[] = [
	orgidProperty,
	doctypeProperty,
	splitIntoItemsProperty,
	readRequestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['issuer'], operation: ['getParameters'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = true;

/** POST /oauth2/1/pull/parameters: the fields an issuer needs to pull one document type. */
export async function prepare(
	this: IExecuteFunctions,
	context: OperationContext,
): Promise<PreparedItem> {
	const orgid = readOrgid.call(this, context.itemIndex);
	const doctype = readDoctype.call(this, context.itemIndex);
	return await prepareMetaList.call(this, context, {
		path: PATHS.issuerParameters,
		fields: { orgid, doctype },
		listKey: 'parameters',
	});
}
