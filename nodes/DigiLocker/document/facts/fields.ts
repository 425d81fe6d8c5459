import type { IDataObject } from 'n8n-workflow';

import type { XmlElement } from '../../xml/tree';
import { childElements, localName, textOf } from '../../xml/query';

/** A bound on what one document can add to an item; a real CertificateData has a few hundred values at most. */
const MAX_FIELDS = 5000;

/**
 * An element's content as `path: value` pairs: `PAN.num`, `Subjects.Subject[2].marksTotal`, and the element's own
 * path for its text. Repeated siblings are numbered; paths use local names.
 */
export function flattenFields(element: XmlElement): IDataObject {
	const fields: IDataObject = {};
	let count = 0;
	const visit = (node: XmlElement, path: string) => {
		for (const [name, value] of node.attributes) {
			if (count++ < MAX_FIELDS) fields[`${path}.${localName(name)}`] = value;
		}
		const text = textOf(node);
		if (text !== '' && count++ < MAX_FIELDS) fields[path] = text;
		const children = childElements(node);
		const totals = new Map<string, number>();
		for (const child of children) {
			const name = localName(child.name);
			totals.set(name, (totals.get(name) ?? 0) + 1);
		}
		const seen = new Map<string, number>();
		for (const child of children) {
			const name = localName(child.name);
			const index = seen.get(name) ?? 0;
			seen.set(name, index + 1);
			const step = (totals.get(name) ?? 0) > 1 ? `${name}[${index}]` : name;
			visit(child, path ? `${path}.${step}` : step);
		}
	};
	for (const child of childElements(element)) visit(child, localName(child.name));
	return fields;
}
