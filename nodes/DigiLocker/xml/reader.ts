import {
	XML_LIMITS,
	XmlError,
	type MarkedXmlElement,
	type XmlDocument,
	type XmlElement,
	type XmlMarkup,
} from './tree';

/**
 * The package's own XML reader: small and strict. No DOCTYPE (so no DTD, no external or custom entities), only the
 * five predefined entities, UTF-8 only, bounded depth and size. Anything else is refused with an XmlError: never a
 * partial tree. Linear in the input: every scan moves forward, and nesting is an explicit stack, not recursion.
 */
export function readXml(input: Buffer | string, limits = XML_LIMITS): XmlElement {
	const { text, bomBytes } = decode(input, limits.maxBytes);
	// Without markup kept, every child is an element or a string: an XmlElement.
	return new Reader(text, bomBytes, limits.maxDepth, false).readDocument().root as XmlElement;
}

/**
 * The same reader, keeping comments and processing instructions (inside the root and around it) where they stand, for
 * canonicalization. Text is split where markup stands between two runs.
 */
export function readXmlDocument(input: Buffer | string, limits = XML_LIMITS): XmlDocument {
	const { text, bomBytes } = decode(input, limits.maxBytes);
	return new Reader(text, bomBytes, limits.maxDepth, true).readDocument();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Outside XML 1.0's Char production, or a surrogate (fine in a pair). Without the slow `u` flag. */
const SUSPECT_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/g;

/** Characters to resolve, normalize or refuse, in text and in attribute values. */
const SPECIAL_IN_TEXT = /[&\r\]]/;
const SPECIAL_IN_ATTRIBUTE_VALUE = /[&\t\n\r<]/;

/** XML 1.0 (fifth edition) Name: NameStartChar NameChar*. Colons are allowed, so prefixes stay part of the name. */
const NAME_START_CHARS =
	':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F' +
	'\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = new RegExp(
	`[${NAME_START_CHARS}][\\u0300-\\u036F${NAME_START_CHARS}\\-.0-9\\u00B7\\u203F-\\u2040]*`,
	'uy',
);

function decode(input: Buffer | string, maxBytes: number): { text: string; bomBytes: number } {
	const isString = typeof input === 'string';
	if (!isString && !(input instanceof Uint8Array)) throw new XmlError('not a Buffer or a string');
	const bytes = isString ? Buffer.byteLength(input, 'utf8') : input.length;
	if (bytes > maxBytes) throw new XmlError(`XML is ${bytes} bytes, over the limit of ${maxBytes}`);
	if (isString) {
		const bom = input.charCodeAt(0) === 0xfeff;
		return { text: bom ? input.slice(1) : input, bomBytes: bom ? 3 : 0 };
	}
	if ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe)) {
		throw new XmlError('XML starts with a UTF-16 byte order mark: only UTF-8 is accepted', 0);
	}
	const bomBytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
	// The decoder drops one leading UTF-8 BOM; a second one stays and is refused as text before the root.
	const text = decodeUtf8(input);
	if (text === undefined) throw new XmlError('XML is not valid UTF-8');
	return { text, bomBytes };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
	try {
		return utf8.decode(bytes);
	} catch {
		return undefined;
	}
}

interface OpenElement {
	element: MarkedXmlElement;
	/** Text read since the last child element: character data and CDATA sections join into one string. */
	text: string;
}

class Reader {
	private pos = 0;

	constructor(
		private readonly text: string,
		private readonly bomBytes: number,
		private readonly maxDepth: number,
		private readonly keepMarkup: boolean,
	) {}

	readDocument(): XmlDocument {
		const invalid = firstInvalidCharacter(this.text);
		if (invalid !== -1) throw this.error('character not allowed in XML', invalid);
		if (/^<\?xml[ \t\r\n]/.test(this.text)) this.readDeclaration();
		const before = this.skipMisc();
		if (this.pos >= this.text.length) throw this.error('no root element');
		if (this.text[this.pos] !== '<') throw this.error('text before the root');
		const root = this.readRootElement();
		const after = this.skipMisc();
		if (this.pos < this.text.length) throw this.error('content after the root element');
		return { before, root, after };
	}

	private readDeclaration(): void {
		this.pos = '<?xml'.length;
		const version = this.readPseudoAttribute('version');
		if (version !== '1.0') throw this.error('the XML declaration must say version="1.0"');
		const encoding = this.readPseudoAttribute('encoding') ?? 'UTF-8';
		if (encoding.toUpperCase() !== 'UTF-8')
			throw this.error(`"${encoding.slice(0, 40)}" declared: only UTF-8`);
		const standalone = this.readPseudoAttribute('standalone') ?? 'yes';
		if (standalone !== 'yes' && standalone !== 'no')
			throw this.error('standalone must be "yes" or "no"');
		this.skipWhitespace();
		if (!this.text.startsWith('?>', this.pos)) throw this.error('malformed XML declaration');
		this.pos += 2;
	}

	/** ` name="value"` in the XML declaration, or undefined (and nothing read) when the next one isn't `name`. */
	private readPseudoAttribute(name: string): string | undefined {
		const start = this.pos;
		if (!this.skipWhitespace() || !this.text.startsWith(name, this.pos)) {
			this.pos = start;
			return undefined;
		}
		this.pos += name.length;
		this.readEquals();
		const end = this.findClosingQuote();
		const value = this.text.slice(this.pos + 1, end);
		this.pos = end + 1;
		return value;
	}

	/** Whitespace, comments and processing instructions, before or after the root element; the markup when kept. */
	private skipMisc(): XmlMarkup[] {
		const markup: XmlMarkup[] = [];
		for (;;) {
			this.skipWhitespace();
			let read: XmlMarkup;
			if (this.text.startsWith('<!--', this.pos)) read = this.skipComment();
			else if (this.text.startsWith('<?', this.pos)) read = this.skipProcessingInstruction();
			else if (this.text.startsWith('<!', this.pos)) throw this.refuseDeclaration();
			else return markup;
			if (this.keepMarkup) markup.push(read);
		}
	}

	/** Comments and processing instructions are children only when kept; text around them is then split. */
	private keep(current: OpenElement, markup: XmlMarkup): void {
		if (!this.keepMarkup) return;
		closeText(current);
		current.element.children.push(markup);
	}

	private readRootElement(): MarkedXmlElement {
		const root = this.readStartTag();
		if (root.selfClosing) return root.element;
		const open: OpenElement[] = [{ element: root.element, text: '' }];
		while (open.length > 0) {
			const current = open[open.length - 1];
			const markup = this.text.indexOf('<', this.pos);
			if (markup === -1)
				throw this.error(`<${current.element.name}> is not closed`, this.text.length);
			if (markup > this.pos) current.text += this.readCharacters(markup, false);
			if (this.text.startsWith('</', this.pos)) {
				this.readEndTag(current.element.name);
				closeText(current);
				open.pop();
			} else if (this.text.startsWith('<!--', this.pos)) {
				this.keep(current, this.skipComment());
			} else if (this.text.startsWith('<![CDATA[', this.pos)) {
				current.text += this.readCData();
			} else if (this.text.startsWith('<?', this.pos)) {
				this.keep(current, this.skipProcessingInstruction());
			} else if (this.text.startsWith('<!', this.pos)) {
				throw this.refuseDeclaration();
			} else {
				if (open.length >= this.maxDepth) throw this.error(`nested deeper than ${this.maxDepth}`);
				const child = this.readStartTag();
				closeText(current);
				current.element.children.push(child.element);
				if (!child.selfClosing) open.push({ element: child.element, text: '' });
			}
		}
		return root.element;
	}

	private readStartTag(): { element: MarkedXmlElement; selfClosing: boolean } {
		this.pos++;
		const name = this.readName();
		const attributes = new Map<string, string>();
		const element: MarkedXmlElement = { name, attributes, children: [] };
		for (;;) {
			const spaced = this.skipWhitespace();
			if (this.text[this.pos] === '>') {
				this.pos++;
				return { element, selfClosing: false };
			}
			if (this.text.startsWith('/>', this.pos)) {
				this.pos += 2;
				return { element, selfClosing: true };
			}
			if (!spaced) throw this.error(`expected white space, ">" or "/>" in <${name}>`);
			const attributeStart = this.pos;
			const attributeName = this.readName();
			this.readEquals();
			const valueEnd = this.findClosingQuote();
			this.pos++;
			const value = this.readCharacters(valueEnd, true);
			this.pos = valueEnd + 1;
			if (attributes.has(attributeName)) {
				throw this.error(`attribute ${attributeName} repeated in <${name}>`, attributeStart);
			}
			attributes.set(attributeName, value);
		}
	}

	private readEndTag(expected: string): void {
		const start = this.pos;
		this.pos += 2;
		const name = this.readName();
		if (name !== expected) throw this.error(`</${name}> does not close <${expected}>`, start);
		this.skipWhitespace();
		if (this.text[this.pos] !== '>') throw this.error(`expected ">" in </${name}>`);
		this.pos++;
	}

	private readName(): string {
		const start = this.pos;
		NAME.lastIndex = start;
		if (!NAME.test(this.text)) throw this.error('expected a name');
		this.pos = NAME.lastIndex;
		return this.text.slice(start, this.pos);
	}

	private readEquals(): void {
		this.skipWhitespace();
		if (this.text[this.pos] !== '=') throw this.error('expected "="');
		this.pos++;
		this.skipWhitespace();
	}

	/** Index of the quote closing the value that starts at `pos`. */
	private findClosingQuote(): number {
		const quote = this.text[this.pos];
		if (quote !== '"' && quote !== "'") throw this.error('expected a quoted value');
		const end = this.text.indexOf(quote, this.pos + 1);
		if (end === -1) throw this.error('quoted value is not closed');
		return end;
	}

	/**
	 * Character data from `pos` up to `end`: references resolved, line ends (CR LF, lone CR) read as LF. In attribute
	 * values, literal tab, CR and LF become a space first, as XML 1.0 normalizes CDATA-type attributes.
	 */
	private readCharacters(end: number, inAttribute: boolean): string {
		const special = inAttribute ? SPECIAL_IN_ATTRIBUTE_VALUE : SPECIAL_IN_TEXT;
		let value = '';
		for (;;) {
			const plain = this.text.slice(this.pos, end).search(special);
			if (plain === -1) break;
			value += this.text.slice(this.pos, this.pos + plain);
			this.pos += plain;
			const c = this.text[this.pos];
			if (c === '&') {
				value += this.readReference(end);
			} else if (c === '\r' || c === '\n' || c === '\t') {
				value += inAttribute ? ' ' : '\n';
				this.pos += this.text.startsWith('\r\n', this.pos) ? 2 : 1;
			} else if (c === '<') {
				throw this.error('"<" in an attribute value');
			} else if (this.text.startsWith(']]>', this.pos)) {
				throw this.error('"]]>" in text');
			} else {
				value += ']';
				this.pos++;
			}
		}
		value += this.text.slice(this.pos, end);
		this.pos = end;
		return value;
	}

	private readReference(end: number): string {
		const start = this.pos;
		const semicolon = this.text.indexOf(';', start + 1);
		if (semicolon === -1 || semicolon >= end) throw this.error('"&" not starting a reference');
		const body = this.text.slice(start + 1, semicolon);
		const resolved = body.startsWith('#') ? characterReference(body) : PREDEFINED.get(body);
		if (resolved === undefined) {
			throw this.error(
				`&${body.slice(0, 40)}; is not accepted: only &lt; &gt; &amp; &quot; &apos; and character references to XML characters`,
				start,
			);
		}
		this.pos = semicolon + 1;
		return resolved;
	}

	private readCData(): string {
		const start = this.pos + '<![CDATA['.length;
		const end = this.text.indexOf(']]>', start);
		if (end === -1) throw this.error('CDATA section is not closed');
		this.pos = end + 3;
		return normalizeLineEnds(this.text.slice(start, end));
	}

	private skipComment(): XmlMarkup {
		const start = this.pos + '<!--'.length;
		const end = this.text.indexOf('-->', start);
		if (end === -1) throw this.error('comment is not closed');
		if (this.text.indexOf('--', start) < end) throw this.error('"--" inside a comment');
		this.pos = end + 3;
		return { kind: 'comment', text: normalizeLineEnds(this.text.slice(start, end)) };
	}

	private skipProcessingInstruction(): XmlMarkup {
		const start = this.pos;
		this.pos += 2;
		const target = this.readName();
		if (target.toLowerCase() === 'xml') {
			throw this.error('the XML declaration is allowed only at the very start', start);
		}
		if (!this.skipWhitespace() && !this.text.startsWith('?>', this.pos)) {
			throw this.error('malformed processing instruction');
		}
		const end = this.text.indexOf('?>', this.pos);
		if (end === -1) throw this.error('processing instruction is not closed', start);
		const data = normalizeLineEnds(this.text.slice(this.pos, end));
		this.pos = end + 2;
		return { kind: 'instruction', target, data };
	}

	private refuseDeclaration(): XmlError {
		return this.text.startsWith('<!DOCTYPE', this.pos)
			? this.error('DOCTYPE is not accepted (no DTDs, no entities beyond the five predefined ones)')
			: this.error('markup declaration not allowed here');
	}

	/** Skips XML white space; true when there was some. */
	private skipWhitespace(): boolean {
		const start = this.pos;
		while (isWhitespace(this.text[this.pos])) this.pos++;
		return this.pos > start;
	}

	private error(message: string, at = this.pos): XmlError {
		const offset = this.bomBytes + Buffer.byteLength(this.text.slice(0, at), 'utf8');
		return new XmlError(`${message} (at byte ${offset})`, offset);
	}
}

function normalizeLineEnds(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function closeText(open: OpenElement): void {
	if (open.text !== '') open.element.children.push(open.text);
	open.text = '';
}

const PREDEFINED = new Map(Object.entries({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }));

/** `#65` or `#x41` (the body between `&` and `;`) as a string, or undefined when malformed or not an XML Char. */
function characterReference(body: string): string | undefined {
	const hex = body.startsWith('#x');
	const digits = body.slice(hex ? 2 : 1);
	if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) return undefined;
	const codePoint = parseInt(digits, hex ? 16 : 10);
	if (codePoint > 0x10ffff) return undefined;
	const character = String.fromCodePoint(codePoint);
	return firstInvalidCharacter(character) === -1 ? character : undefined;
}

/** Index of the first character outside XML 1.0's Char production (a lone surrogate included), or -1. */
function firstInvalidCharacter(text: string): number {
	SUSPECT_CHARACTER.lastIndex = 0;
	while (SUSPECT_CHARACTER.test(text)) {
		const at = SUSPECT_CHARACTER.lastIndex - 1;
		const high = text.charCodeAt(at);
		const low = text.charCodeAt(at + 1);
		const pair = high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
		if (!pair) return at;
		SUSPECT_CHARACTER.lastIndex = at + 2;
	}
	return -1;
}

function isWhitespace(c: string | undefined): boolean {
	return c === ' ' || c === '\n' || c === '\t' || c === '\r';
}
