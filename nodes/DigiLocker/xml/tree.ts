/**
 * What the package's own XML reader gives back. Names are as written, prefix included (`ds:Signature`): namespaces
 * stay prefixes. Attributes and children keep document order.
 */
export interface XmlElement {
	name: string;
	/** Attribute values with character and entity references resolved. A Map, so no name can reach a prototype. */
	attributes: ReadonlyMap<string, string>;
	children: XmlChild[];
}

/**
 * Text (character data and CDATA sections, references resolved, adjacent runs joined into one string) or an element.
 * Comments and processing instructions are not kept.
 */
export type XmlChild = XmlElement | string;

/** Not well-formed, or outside what the reader accepts (DOCTYPE, unknown entity, too deep, too large). */
export class XmlError extends Error {
	override name = 'XmlError';

	constructor(
		message: string,
		/** Byte offset where reading stopped, when known. */
		readonly offset?: number,
	) {
		super(message);
	}
}

export const XML_LIMITS = {
	/** DigiLocker's XML answers are capped at 20 MiB by the transport too. */
	maxBytes: 20 * 1024 * 1024,
	maxDepth: 64,
};
