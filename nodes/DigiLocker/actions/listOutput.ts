import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationOutput } from './operation';

export const splitIntoItemsProperty: INodeProperties = {
	displayName: 'Split Into Items',
	name: 'splitIntoItems',
	type: 'boolean',
	default: true,
	description:
		'Whether to output one item per document (a user with no documents then gives no item) or one item holding the whole list',
};

/** One output per document, or one output with the whole list and `count`. */
export function toListOutputs(
	documents: IDataObject[],
	split: boolean,
	listFields: IDataObject,
): OperationOutput[] {
	if (split) return documents.map((document) => ({ data: document }));
	return [{ data: { ...listFields, count: documents.length, items: documents } }];
}
