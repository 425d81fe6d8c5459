import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readAccessToken } from '../../helpers/documentParameters';
import { invalidResponse, validationError } from '../../helpers/errors';
import { checkText, readText } from '../../helpers/parameters';
import { bearerJson } from '../../transport';
import { accessTokenProperty, requestOptionsProperty } from '../common.descriptions';
import type { OperationContext, OperationOutput } from '../operation';

const properties: INodeProperties[] = [
	accessTokenProperty,
	{
		displayName: 'Issuer Org ID',
		name: 'orgid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 000048',
		description: 'The "orgid" of the issuer, from Issuer → Get Many',
	},
	{
		displayName: 'Document Type',
		name: 'doctype',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. DRVLC',
		description: 'The "doctype" to pull, from Issuer → Get Document Types',
	},
	{
		displayName: 'Issuer Fields',
		name: 'issuerFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description: 'The fields the issuer needs to find the document (their "paramname" from Issuer → Get Parameters)',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. reg_no' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	requestOptionsProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['pull'] } }, properties);

export const secretParameters = ['accessToken'];

const RESERVED = new Set(['orgid', 'doctype', 'consent']);

function readIssuerFields(this: IExecuteFunctions, itemIndex: number): Array<[string, string]> {
	const collection = this.getNodeParameter('issuerFields', itemIndex, {}) as IDataObject;
	const fields = Array.isArray(collection.field) ? (collection.field as IDataObject[]) : [];
	return fields.map((field, index) => {
		const name = checkText(field.name, {
			label: `Issuer field ${index + 1} name`,
			required: true,
			maxLength: 64,
			pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
			patternHint: 'must be a parameter name (letters, digits, _)',
		});
		if (RESERVED.has(name)) throw validationError(`Issuer field "${name}" is set by the node itself`);
		const value = checkText(field.value, { label: `Issuer field "${name}"`, required: true, maxLength: 512 });
		return [name, value];
	});
}

/** POST /oauth2/1/pull/pulldocument: asks an issuer to put a document into the user's Issued Documents. */
export async function execute(this: IExecuteFunctions, { app, itemIndex, settings }: OperationContext): Promise<OperationOutput[]> {
	const accessToken = readAccessToken.call(this, itemIndex);
	const orgid = readText.call(this, 'orgid', itemIndex, { label: 'Issuer Org ID', required: true, maxLength: 100, pattern: /^[A-Za-z0-9._-]+$/, patternHint: 'must be an issuer "orgid" (letters, digits, . _ -)' });
	const doctype = readText.call(this, 'doctype', itemIndex, { label: 'Document Type', required: true, maxLength: 20, pattern: /^[A-Za-z0-9_]+$/, patternHint: 'must be a document type code (letters, digits, _)' });
	const form = new URLSearchParams([['orgid', orgid], ['doctype', doctype], ['consent', 'Y'], ...readIssuerFields.call(this, itemIndex)]);
	const body = await bearerJson.call(this, app, settings, { method: 'POST', path: PATHS.pullDocument, accessToken, form });
	if (typeof body.uri !== 'string' || body.uri === '') {
		throw invalidResponse('The pull answer from DigiLocker has no "uri"', 200);
	}
	return [{ data: { ...body, orgid, doctype } }];
}
