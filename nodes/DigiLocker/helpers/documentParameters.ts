import type { IExecuteFunctions } from 'n8n-workflow';

import { validationError } from './errors';
import { readText } from './parameters';

const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

export function readAccessToken(this: IExecuteFunctions, itemIndex: number): string {
	return readText.call(this, 'accessToken', itemIndex, {
		label: 'Access Token',
		required: true,
		maxLength: 4096,
		pattern: TOKEN_PATTERN,
		patternHint: 'must be a token without spaces',
	});
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
		readText.call(this, 'uri', itemIndex, { label: 'Document URI', required: true, maxLength: 512 }),
	);
}

export function readBinaryPropertyName(this: IExecuteFunctions, itemIndex: number): string {
	return readText.call(this, 'binaryPropertyName', itemIndex, {
		label: 'Put Output File in Field',
		required: true,
		maxLength: 128,
		pattern: /^[A-Za-z0-9_$-][A-Za-z0-9_$.-]*$/,
		patternHint: 'must be a field name (letters, digits, _ - . $)',
	});
}
