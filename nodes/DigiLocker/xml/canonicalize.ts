import type { MarkedXmlElement, XmlDocument, XmlMarkup } from './tree';

/**
 * Canonical XML 1.0 (https://www.w3.org/TR/2001/REC-xml-c14n-20010315) and Exclusive XML Canonicalization 1.0
 * (https://www.w3.org/TR/2002/REC-xml-exc-c14n-20020718/), with or without comments, of the node sets XML-DSig
 * signatures use: a whole document, or an element's subtree, in both cases minus one excluded element (the enveloped
 * signature). Reads the tree of `readXmlDocument`, whose text and attribute values are already normalized as an XML
 * parser must normalize them.
 */
export interface C14nOptions {
	exclusive: boolean;
	comments: boolean;
	/** Exclusive only: prefixes handled as Canonical XML 1.0 would (InclusiveNamespaces PrefixList; `#default`). */
	inclusivePrefixes?: readonly string[];
	/** An element left out with its subtree (the enveloped-signature transform). */
	exclude?: MarkedXmlElement;
}

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

type Namespaces = ReadonlyMap<string, string>;

/** The namespaces in scope after an element's own declarations: prefix ('' for the default) → URI. */
export function namespacesInScope(element: MarkedXmlElement, outer: Namespaces): Namespaces {
	let scope: Map<string, string> | undefined;
	for (const [name, value] of element.attributes) {
		const prefix = name === 'xmlns' ? '' : name.startsWith('xmlns:') ? name.slice(6) : undefined;
		if (prefix === undefined) continue;
		scope ??= new Map(outer);
		scope.set(prefix, value);
	}
	return scope ?? outer;
}

/** The scope inside the last of `ancestors` (outermost first). */
export function scopeOf(ancestors: readonly MarkedXmlElement[]): Namespaces {
	let scope: Namespaces = new Map();
	for (const ancestor of ancestors) scope = namespacesInScope(ancestor, scope);
	return scope;
}

const prefixOf = (name: string) => {
	const colon = name.indexOf(':');
	return colon === -1 ? '' : name.slice(0, colon);
};

const localOf = (name: string) => name.slice(name.indexOf(':') + 1);

const isNamespaceDeclaration = (name: string) => name === 'xmlns' || name.startsWith('xmlns:');

/** The namespace URI of an element name (its prefix, or the default namespace), in `scope`. */
export function namespaceOfName(name: string, scope: Namespaces): string {
	const prefix = prefixOf(name);
	if (prefix === 'xml') return XML_NAMESPACE;
	return scope.get(prefix) ?? '';
}

/** The canonical form of a whole document (the node set of `URI=""`): markup around the root, then the root. */
export function canonicalizeDocument(document: XmlDocument, options: C14nOptions): string {
	const markup = (item: XmlMarkup) => (options.comments || item.kind !== 'comment' ? item : []);
	const before = document.before.flatMap(markup).map((item) => `${writeMarkup(item)}\n`);
	const after = document.after.flatMap(markup).map((item) => `\n${writeMarkup(item)}`);
	return before.join('') + canonicalizeElement(document.root, [], options) + after.join('');
}

/**
 * The canonical form of `element`'s subtree, in the context of its `ancestors` (outermost first): their namespaces,
 * and for Canonical XML 1.0 their xml:* attributes, as the apex inherits them.
 */
export function canonicalizeElement(
	element: MarkedXmlElement,
	ancestors: readonly MarkedXmlElement[],
	options: C14nOptions,
): string {
	const inherited = options.exclusive
		? new Map<string, string>()
		: inheritedXmlAttributes(ancestors);
	const out: string[] = [];
	write(element, scopeOf(ancestors), new Map(), inherited, options, out);
	return out.join('');
}

function inheritedXmlAttributes(ancestors: readonly MarkedXmlElement[]): Map<string, string> {
	const inherited = new Map<string, string>();
	for (const ancestor of ancestors) {
		for (const [name, value] of ancestor.attributes) {
			if (name.startsWith('xml:')) inherited.set(name, value);
		}
	}
	return inherited;
}

function write(
	element: MarkedXmlElement,
	outerScope: Namespaces,
	rendered: Namespaces,
	inherited: ReadonlyMap<string, string>,
	options: C14nOptions,
	out: string[],
): void {
	const scope = namespacesInScope(element, outerScope);
	const declarations = options.exclusive
		? exclusiveDeclarations(element, scope, rendered, options.inclusivePrefixes ?? [])
		: inclusiveDeclarations(scope, rendered);
	let renderedHere: Map<string, string> | undefined;
	if (declarations.length > 0) {
		renderedHere = new Map(rendered);
		for (const prefix of declarations) renderedHere.set(prefix, scope.get(prefix) ?? '');
	}
	declarations.sort(compareText);

	const attributes: Array<{ uri: string; local: string; name: string; value: string }> = [];
	for (const [name, value] of inherited) {
		if (!element.attributes.has(name)) {
			attributes.push({ uri: XML_NAMESPACE, local: localOf(name), name, value });
		}
	}
	for (const [name, value] of element.attributes) {
		if (isNamespaceDeclaration(name)) continue;
		const prefix = prefixOf(name);
		const uri = prefix === '' ? '' : prefix === 'xml' ? XML_NAMESPACE : (scope.get(prefix) ?? '');
		attributes.push({ uri, local: localOf(name), name, value });
	}
	attributes.sort((a, b) => compareText(a.uri, b.uri) || compareText(a.local, b.local));

	out.push('<', element.name);
	for (const prefix of declarations) {
		out.push(
			prefix === '' ? ' xmlns="' : ` xmlns:${prefix}="`,
			escapeAttribute(scope.get(prefix) ?? ''),
			'"',
		);
	}
	for (const attribute of attributes) {
		out.push(' ', attribute.name, '="', escapeAttribute(attribute.value), '"');
	}
	out.push('>');
	const noInheritance = new Map<string, string>();
	for (const child of element.children) {
		if (typeof child === 'string') out.push(escapeText(child));
		else if ('kind' in child) {
			if (options.comments || child.kind !== 'comment') out.push(writeMarkup(child));
		} else if (child !== options.exclude) {
			write(child, scope, renderedHere ?? rendered, noInheritance, options, out);
		}
	}
	out.push('</', element.name, '>');
}

/** Canonical XML 1.0: every namespace in scope that the nearest output ancestor does not already have the same. */
function inclusiveDeclarations(scope: Namespaces, rendered: Namespaces): string[] {
	const declarations: string[] = [];
	for (const [prefix, uri] of scope) {
		if (prefix === 'xml') continue;
		if (needsDeclaration(prefix, uri, rendered)) declarations.push(prefix);
	}
	return declarations;
}

/** Exclusive: the namespaces the element and its attributes use, plus the PrefixList's, when not already rendered. */
function exclusiveDeclarations(
	element: MarkedXmlElement,
	scope: Namespaces,
	rendered: Namespaces,
	inclusivePrefixes: readonly string[],
): string[] {
	const used = new Set<string>([prefixOf(element.name)]);
	for (const name of element.attributes.keys()) {
		const prefix = prefixOf(name);
		if (prefix !== '' && prefix !== 'xmlns' && name !== 'xmlns') used.add(prefix);
	}
	const declarations: string[] = [];
	for (const prefix of used) {
		if (prefix === 'xml') continue;
		if (needsDeclaration(prefix, scope.get(prefix) ?? '', rendered)) declarations.push(prefix);
	}
	for (const listed of inclusivePrefixes) {
		const prefix = listed === '#default' ? '' : listed;
		if (used.has(prefix) || prefix === 'xml' || !scope.has(prefix)) continue;
		if (needsDeclaration(prefix, scope.get(prefix) ?? '', rendered)) declarations.push(prefix);
	}
	return declarations;
}

/** An empty default namespace is declared (`xmlns=""`) only to undo a non-empty one rendered above. */
function needsDeclaration(prefix: string, uri: string, rendered: Namespaces): boolean {
	if (prefix === '' && uri === '') return (rendered.get('') ?? '') !== '';
	return rendered.get(prefix) !== uri;
}

function writeMarkup(markup: XmlMarkup): string {
	if (markup.kind === 'comment') return `<!--${markup.text}-->`;
	return markup.data === '' ? `<?${markup.target}?>` : `<?${markup.target} ${markup.data}?>`;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const TEXT_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'\r': '&#xD;',
};
const ATTRIBUTE_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'"': '&quot;',
	'\t': '&#x9;',
	'\n': '&#xA;',
	'\r': '&#xD;',
};

const escapeText = (text: string) => text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]);
const escapeAttribute = (text: string) => text.replace(/[&<"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]);
