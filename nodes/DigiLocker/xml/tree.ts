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

/** A comment, kept only by `readXmlDocument` (canonicalization needs it). */
export interface XmlComment {
	kind: 'comment';
	text: string;
}

/** A processing instruction, kept only by `readXmlDocument`. `data` is what follows the target and its white space. */
export interface XmlInstruction {
	kind: 'instruction';
	target: string;
	data: string;
}

export type XmlMarkup = XmlComment | XmlInstruction;

/** An element as `readXmlDocument` gives it: like XmlElement, with comments and processing instructions in place. */
export interface MarkedXmlElement {
	name: string;
	attributes: ReadonlyMap<string, string>;
	children: MarkedXmlChild[];
}

export type MarkedXmlChild = MarkedXmlElement | string | XmlMarkup;

/** A whole document: the markup before and after the root element (white space between is not kept), and the root. */
export interface XmlDocument {
	before: XmlMarkup[];
	root: MarkedXmlElement;
	after: XmlMarkup[];
}

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
