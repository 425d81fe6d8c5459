import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readRequestOptionsProperty } from '../common.descriptions';
import { splitIntoItemsProperty } from '../listOutput';
import type { OperationContext, PreparedItem } from '../operation';
import { prepareMetaList } from './metaList';

const properties: INodeProperties[] = [splitIntoItemsProperty, readRequestOptionsProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['issuer'], operation: ['getAll'] } },
	properties,
);

export const changesState = false;

export const availableToAgents = true;

/** POST /oauth2/1/pull/issuers: the issuers documents can be pulled from (app-level, no user token). */
export async function prepare(
	this: IExecuteFunctions,
	context: OperationContext,
): Promise<PreparedItem> {
	return await prepareMetaList.call(this, context, {
		path: PATHS.issuers,
		fields: {},
		listKey: 'issuers',
	});
}
