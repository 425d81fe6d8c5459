import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { validationError } from '../../helpers/errors';

export const requireHmacProperty: INodeProperties = {
	displayName: 'Require Integrity Check',
	name: 'requireHmac',
	type: 'boolean',
	default: false,
	description:
		'Whether a file DigiLocker sends without its hmac header is refused with INTEGRITY_ERROR. Off, such a file is kept unverified (data.hmac_verified is false). A file whose hmac does not match is always refused.',
};

export function readRequireHmac(this: IExecuteFunctions, itemIndex: number): boolean {
	const value = this.getNodeParameter('requireHmac', itemIndex, false);
	if (typeof value !== 'boolean')
		throw validationError('Require Integrity Check must be true or false');
	return value;
}
