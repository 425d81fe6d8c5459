import type { IDataObject } from 'n8n-workflow';

import type { XmlElement } from '../../xml/tree';
import { childElements, localName, textOf } from '../../xml/query';

/**
 * Each output field and the names that carry it (compared without case): e-Aadhaar `Poa` and `LData` attributes,
 * UIDAI offline `Poa`, `<Certificate>` `Address` attributes, and child-element addresses such as `<District>`.
 */
const ADDRESS_FIELDS: Array<[string, string[]]> = [
	['care_of', ['co', 'careof']],
	['house', ['house']],
	['street', ['street']],
	['landmark', ['lm', 'landmark']],
	['locality', ['loc', 'locality']],
	['vtc', ['vtc', 'village', 'town', 'city']],
	['sub_district', ['subdist', 'subdistrict', 'taluka', 'tehsil', 'mandal']],
	['district', ['dist', 'district']],
	['state', ['state']],
	['pincode', ['pc', 'pin', 'pincode']],
	['post_office', ['po', 'postoffice']],
	['country', ['country']],
];

/** The element's address values by lower-case name: attributes, and the text of child elements. */
function valuesOf(element: XmlElement): Map<string, string> {
	const values = new Map<string, string>();
	const add = (name: string, value: string) => {
		const key = localName(name).toLowerCase();
		if (value.trim() !== '' && !values.has(key)) values.set(key, value.trim());
	};
	for (const [name, value] of element.attributes) add(name, value);
	for (const child of childElements(element)) add(child.name, textOf(child));
	return values;
}

/**
 * The address an element carries, plus `full`: the parts joined in postal order. A certificate's `line1`/`line2`
 * is the street beside a house or locality, and the whole address when nothing else is given.
 */
export function readAddress(element: XmlElement | undefined): IDataObject | undefined {
	if (!element) return undefined;
	const values = valuesOf(element);
	const address: IDataObject = {};
	for (const [field, names] of ADDRESS_FIELDS) {
		const value = names.map((name) => values.get(name)).find((v) => v !== undefined);
		if (value !== undefined) address[field] = value;
	}
	const lines = ['line1', 'line2'].map((name) => values.get(name)).filter((v) => v !== undefined);
	const structured = Object.keys(address).some((field) => field !== 'country');
	if (lines.length > 0 && structured && address.street === undefined) {
		address.street = lines.join(', ');
	}
	const parts = ADDRESS_FIELDS.map(([field]) => address[field]).filter(
		(value): value is string => typeof value === 'string',
	);
	if (lines.length > 0 && !structured) parts.unshift(...(lines as string[]));
	if (parts.length === 0 || (parts.length === 1 && address.country !== undefined)) return undefined;
	const ordered: IDataObject = {};
	for (const [field] of ADDRESS_FIELDS)
		if (address[field] !== undefined) ordered[field] = address[field];
	ordered.full = parts.join(', ');
	return ordered;
}
