import type { IDataObject } from 'n8n-workflow';

import type { XmlElement } from '../../xml/tree';
import { attributeOf } from '../../xml/query';

/** Each output field and the attribute names that carry it in e-Aadhaar `Poa`, UIDAI offline and `<Certificate>` `Address`. */
const ADDRESS_FIELDS: Array<[string, string[]]> = [
	['care_of', ['co', 'careof']],
	['line1', ['line1']],
	['line2', ['line2']],
	['house', ['house']],
	['street', ['street']],
	['landmark', ['lm', 'landmark']],
	['locality', ['loc', 'locality']],
	['vtc', ['vtc']],
	['sub_district', ['subdist']],
	['district', ['dist', 'district']],
	['state', ['state']],
	['pincode', ['pc', 'pin', 'pincode']],
	['post_office', ['po']],
	['country', ['country']],
];

/** The address parts an element carries as attributes, plus `full`: the parts joined in postal order. */
export function readAddress(element: XmlElement | undefined): IDataObject | undefined {
	if (!element) return undefined;
	const address: IDataObject = {};
	for (const [field, names] of ADDRESS_FIELDS) {
		const value = attributeOf(element, ...names);
		if (value !== undefined) address[field] = value;
	}
	const parts = ADDRESS_FIELDS.map(([field]) => address[field]).filter(
		(value): value is string => typeof value === 'string',
	);
	if (parts.length === 0) return undefined;
	address.full = parts.join(', ');
	return address;
}
