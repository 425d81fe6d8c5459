import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { PATHS } from '../../helpers/constants';
import { readAccessToken } from '../../helpers/sharedFields';
import { invalidResponse, validationError } from '../../helpers/errors';
import { checkText } from '../../helpers/parameters';
import { bearerJson } from '../../transport';
import { accessTokenProperty, requestOptionsProperty } from '../common.descriptions';
import { doctypeProperty, orgidProperty, readDoctype, readOrgid } from '../issuerFields';
import type { OperationContext, PreparedItem } from '../operation';

const properties: INodeProperties[] = [
	accessTokenProperty,
	orgidProperty,
	doctypeProperty,
	{
		displayName: 'Issuer Fields',
		name: 'issuerFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description:
			'The fields the issuer needs to find the document (their "paramname" from Issuer → Get Parameters)',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. reg_no',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	requestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['pull'] } },
	properties,
);

export const changesState = true;

export const availableToAgents = false;

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
		if (RESERVED.has(name))
			throw validationError(`Issuer field "${name}" is set by the node itself`);
		const value = checkText(field.value, {
			label: `Issuer field "${name}"`,
			required: true,
			maxLength: 512,
		});
		return [name, value];
	});
}

/** POST /oauth2/1/pull/pulldocument: asks an issuer to put a document into the user's Issued Documents. */
export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
): Promise<PreparedItem> {
	const accessToken = readAccessToken.call(this, itemIndex);
	const orgid = readOrgid.call(this, itemIndex);
	const doctype = readDoctype.call(this, itemIndex);
	const form = new URLSearchParams([
		['orgid', orgid],
		['doctype', doctype],
		['consent', 'Y'],
		...readIssuerFields.call(this, itemIndex),
	]);
	const send = async () => {
		const body = await bearerJson.call(this, app, settings, {
			method: 'POST',
			path: PATHS.pullDocument,
			accessToken,
			form,
		});
		if (typeof body.uri !== 'string' || body.uri === '') {
			throw invalidResponse('The pull answer from DigiLocker has no "uri"', 200);
		}
		return [{ data: { ...body, orgid, doctype } }];
	};
	return { secrets: [accessToken], send };
}
