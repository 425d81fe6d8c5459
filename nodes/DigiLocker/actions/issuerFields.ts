import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readText } from '../helpers/parameters';

export const orgidProperty: INodeProperties = {
	displayName: 'Issuer Org ID',
	name: 'orgid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. {{ $json.data.orgid }}',
	description: 'The "orgid" of an issuer from Issuer → Get Many',
};

export const doctypeProperty: INodeProperties = {
	displayName: 'Document Type',
	name: 'doctype',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. DRVLC',
	description: 'A "doctype" from Issuer → Get Document Types',
};

export function readOrgid(this: IExecuteFunctions, itemIndex: number): string {
	return readText.call(this, 'orgid', itemIndex, {
		label: 'Issuer Org ID',
		required: true,
		maxLength: 100,
		pattern: /^[A-Za-z0-9._-]+$/,
		patternHint: 'must be an issuer "orgid" (letters, digits, . _ -)',
	});
}

export function readDoctype(this: IExecuteFunctions, itemIndex: number): string {
	return readText.call(this, 'doctype', itemIndex, {
		label: 'Document Type',
		required: true,
		maxLength: 20,
		pattern: /^[A-Za-z0-9_]+$/,
		patternHint: 'must be a document type code (letters, digits, _)',
	});
}
