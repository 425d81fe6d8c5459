import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { XmlElement } from '../../xml/tree';
import { localName } from '../../xml/query';
import { maskAadhaarNumbers } from './aadhaar';
import { readCertificate } from './certificate';
import { findAadhaarData, readAadhaar } from './eaadhaar';
import { toGenericJson } from './generic';
import type { Detail, Facts } from './types';

export type { Detail, Facts } from './types';

/** Masks every likely Aadhaar number in every string, and drops fields the document did not have. */
function clean(value: unknown): unknown {
	if (typeof value === 'string') return maskAadhaarNumbers(value);
	if (Array.isArray(value)) return value.map(clean);
	if (typeof value === 'object' && value !== null) {
		const result: IDataObject = {};
		for (const [key, entry] of Object.entries(value)) {
			if (entry !== undefined) result[maskAadhaarNumbers(key)] = clean(entry) as IDataObject;
		}
		return result;
	}
	return value;
}

/**
 * The facts of a DigiLocker document: e-Aadhaar, an issued `<Certificate>`, or anything else in a generic form.
 * `sha256` is of the exact bytes read, so a workflow can keep facts and hash and drop the document.
 */
export function extractFacts(root: XmlElement, bytes: Buffer, detail: Detail): Facts {
	const uidData = findAadhaarData(root);
	const facts: Facts = uidData
		? readAadhaar(root, uidData, detail)
		: localName(root.name) === 'Certificate'
			? readCertificate(root, detail)
			: { data: { format: 'generic', root: toGenericJson(root) } };
	const data = clean(facts.data) as IDataObject;
	data.sha256 = createHash('sha256').update(bytes).digest('hex');
	return { data, photo: detail === 'full' ? facts.photo : undefined };
}
