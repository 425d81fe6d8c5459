import type { IExecuteFunctions } from 'n8n-workflow';

import { validationError } from './errors';
import { readText } from './parameters';

const OPAQUE_PATTERN = /^[\x21-\x7e]+$/;

/** A token or code: printable ASCII without spaces, as DigiLocker issues them. */
export function readOpaqueValue(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	return readText.call(this, name, itemIndex, {
		label,
		required: true,
		maxLength: 4096,
		pattern: OPAQUE_PATTERN,
		patternHint: 'must be a token without spaces',
	});
}

export function readAccessToken(this: IExecuteFunctions, itemIndex: number): string {
	return readOpaqueValue.call(this, 'accessToken', itemIndex, 'Access Token');
}

/** A document URI travels as one path segment: anything that could leave it is refused before sending. */
export function checkDocumentUri(uri: string): string {
	if (uri === '.' || uri === '..' || /[/\\?#%\s]/.test(uri)) {
		throw validationError('Document URI must be one DigiLocker URI, without / \\ ? # % or spaces');
	}
	return uri;
}

export function readDocumentUri(this: IExecuteFunctions, itemIndex: number): string {
	return checkDocumentUri(
		readText.call(this, 'uri', itemIndex, {
			label: 'Document URI',
			required: true,
			maxLength: 512,
		}),
	);
}

/** Names that, as keys of an item's binary data, reach JavaScript's object machinery instead of a field. */
const RESERVED_FIELD_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export function checkBinaryFieldName(name: string, label: string): string {
	if (RESERVED_FIELD_NAMES.has(name)) {
		throw validationError(`${label} must not be "${name}": choose another field name`);
	}
	return name;
}

export function readBinaryPropertyName(this: IExecuteFunctions, itemIndex: number): string {
	const label = 'Put Output File in Field';
	const name = readText.call(this, 'binaryPropertyName', itemIndex, {
		label,
		required: true,
		maxLength: 128,
		pattern: /^[A-Za-z0-9_$-][A-Za-z0-9_$.-]*$/,
		patternHint: 'must be a field name (letters, digits, _ - . $)',
	});
	return checkBinaryFieldName(name, label);
}

/** The parameters of an operation that fetches one document into binary data. */
export function readDocumentFileParameters(this: IExecuteFunctions, itemIndex: number) {
	return {
		accessToken: readAccessToken.call(this, itemIndex),
		uri: readDocumentUri.call(this, itemIndex),
		binaryPropertyName: readBinaryPropertyName.call(this, itemIndex),
	};
}
