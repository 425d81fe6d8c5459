import type { XmlChild, XmlElement } from './tree';

export const isElement = (child: XmlChild): child is XmlElement => typeof child !== 'string';

/** The name without its namespace prefix: `ds:Signature` → `Signature`. */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export const childElements = (element: XmlElement) => element.children.filter(isElement);

/** The first child element with this local name. */
export const childNamed = (element: XmlElement | undefined, name: string) =>
	element ? childElements(element).find((child) => localName(child.name) === name) : undefined;

/** The element at this path of local names below `element`, following the first match at each step. */
export function descend(
	element: XmlElement | undefined,
	...path: string[]
): XmlElement | undefined {
	let current = element;
	for (const name of path) current = childNamed(current, name);
	return current;
}

/** The element's own text (its text children joined), trimmed. */
export const textOf = (element: XmlElement | undefined) =>
	element
		? element.children
				.filter((child): child is string => typeof child === 'string')
				.join('')
				.trim()
		: '';

/** An attribute's value, trimmed; undefined when absent or empty. */
export function attributeOf(
	element: XmlElement | undefined,
	...names: string[]
): string | undefined {
	for (const name of names) {
		const value = element?.attributes.get(name)?.trim();
		if (value) return value;
	}
	return undefined;
}
