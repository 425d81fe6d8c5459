import type { IDataObject } from 'n8n-workflow';

import type { XmlElement } from '../../xml/tree';

/** Every element as `{ name, attributes, children }`, text children as strings: nothing in the document is lost. */
export function toGenericJson(element: XmlElement): IDataObject {
	return {
		name: element.name,
		attributes: Object.fromEntries(element.attributes),
		children: element.children.map((child) =>
			typeof child === 'string' ? child : toGenericJson(child),
		),
	};
}
