import type { XmlChild, XmlElement } from '../../nodes/DigiLocker/xml/tree';

/** A seeded PRNG (mulberry32), so every run tests the same documents. */
export class Random {
	constructor(private state: number) {}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) | 0;
		let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(below: number): number {
		return Math.floor(this.next() * below);
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)];
	}
}

// Name characters: ASCII, Latin-1, Greek, Devanagari, Kannada, CJK; later ones digits, "-", ".", the middle dot and a
// combining accent. Now and then an astral letter, which fast-xml-parser refuses in names.
const NAME_START = ['a', 'B', 'z', 'Q', '_', 'é', 'Ω', 'न', 'ಕ', '中'];
const NAME_REST = [...NAME_START, 'k', '0', '7', '-', '.', '·', '\u0301', 'ा'];
const PREFIXES = ['ds:', 'xs:', 'n1:'];

/** Pieces of text and attribute values: markup characters, white space, scripts, astral characters. */
const PIECES = [
	'a',
	'Z',
	'text',
	' ',
	'  ',
	'\t',
	'\n',
	'\r',
	'\r\n',
	'<',
	'>',
	'&',
	'"',
	"'",
	']',
	']]',
	']]>',
	'=',
	'/',
	'?',
	'!',
	'-',
	'--',
	';',
	'#',
	'&amp;',
	'12.50',
	'नमस्ते',
	'ಕನ್ನಡ',
	'😀',
	'\u00a0',
	'\uFFFD',
	'\u{10FFFF}',
	'x y',
];

function generateName(random: Random): string {
	let name = random.chance(0.15) ? random.pick(PREFIXES) : '';
	name += random.pick(NAME_START);
	for (let i = random.int(6); i > 0; i--) name += random.pick(NAME_REST);
	return random.chance(0.002) ? `${name}𝒳` : name;
}

function generateText(random: Random, maxPieces: number): string {
	let text = '';
	for (let i = random.int(maxPieces); i >= 0; i--) text += random.pick(PIECES);
	return text;
}

function generateElement(random: Random, depth: number, maxDepth: number): XmlElement {
	const attributes = new Map<string, string>();
	for (let i = random.int(4); i > 0; i--) {
		const name = generateName(random);
		if (!attributes.has(name))
			attributes.set(name, random.chance(0.1) ? '' : generateText(random, 5));
	}
	const children: XmlChild[] = [];
	if (maxDepth > 8) {
		// A chain to the depth limit.
		if (depth < maxDepth) children.push(generateElement(random, depth + 1, maxDepth));
		return { name: generateName(random), attributes, children };
	}
	for (let i = depth < maxDepth ? random.int(6) : random.int(2); i > 0; i--) {
		const last = children[children.length - 1];
		if (depth < maxDepth && (typeof last === 'string' || random.chance(0.5))) {
			children.push(generateElement(random, depth + 1, maxDepth));
		} else if (typeof last !== 'string') {
			children.push(generateText(random, 8));
		}
	}
	return { name: generateName(random), attributes, children };
}

const whitespace = (random: Random, min: number) => {
	let space = '';
	for (let i = random.int(3) + min; i > 0; i--)
		space += random.pick([' ', ' ', '\t', '\n', '\r\n']);
	return space;
};

function characterReference(random: Random, character: string): string {
	const codePoint = character.codePointAt(0)!;
	return random.chance(0.5) ? `&#${codePoint};` : `&#x${codePoint.toString(16)};`;
}

function comment(random: Random): string {
	return `<!--${random.pick(['', ' c ', 'a-b', ' <not> &markup; ]]> ', 'नमस्ते'])}-->`;
}

function processingInstruction(random: Random): string {
	const target = generateName(random);
	const data = random.pick(['', ' data', ' href="a.xsl" type="text/xsl"', ' <x> & ?']);
	return target.toLowerCase() === 'xml' ? '' : `<?${target}${data}?>`;
}

const misc = (random: Random) =>
	random.chance(0.3) ? random.pick([comment, processingInstruction])(random) : '';

/** Text, written with a random mix of literal characters, entity and character references and CDATA sections. */
function serializeText(random: Random, text: string): string {
	const characters = [...text];
	let out = '';
	let i = 0;
	while (i < characters.length) {
		if (random.chance(0.1)) out += misc(random);
		if (random.chance(0.1)) {
			// A CDATA section over the next few characters: no CR (it would become LF) and no "]]>" inside.
			let content = '';
			while (i < characters.length && content.length < 12 && characters[i] !== '\r') {
				if ((content + characters[i]).endsWith(']]>')) break;
				content += characters[i] === '\n' && random.chance(0.3) ? '\r\n' : characters[i];
				i++;
			}
			out += `<![CDATA[${content}]]>`;
			continue;
		}
		const character = characters[i];
		const previous = characters[i - 1];
		const next = characters[i + 1];
		if (random.chance(0.08)) out += characterReference(random, character);
		else if (character === '<') out += random.pick(['&lt;', '&#60;', '&#x3C;']);
		else if (character === '&') out += random.pick(['&amp;', '&#38;', '&#x26;']);
		else if (character === '\r') out += random.pick(['&#13;', '&#xD;']);
		else if (character === '>') out += previous === ']' || random.chance(0.3) ? '&gt;' : '>';
		else if (character === '"') out += random.pick(['"', '&quot;']);
		else if (character === "'") out += random.pick(["'", '&apos;']);
		else if (character === '\n') out += random.pick(['\n', '\r\n', next === '\n' ? '\n' : '\r']);
		else out += character;
		i++;
	}
	return out;
}

/** An attribute value: literal tab, CR and LF would become spaces, so those are references; a space may be any. */
function serializeAttribute(random: Random, value: string, quote: string): string {
	const characters = [...value];
	let out = '';
	characters.forEach((character, i) => {
		const next = characters[i + 1];
		if (random.chance(0.08) || '\t\n\r'.includes(character))
			out += characterReference(random, character);
		else if (character === '<') out += '&lt;';
		else if (character === '&') out += '&amp;';
		else if (character === quote) out += quote === '"' ? '&quot;' : '&apos;';
		else if (character === ' ')
			out += random.pick([' ', ' ', '\t', '\n', '\r\n', next === ' ' ? ' ' : '\r']);
		else out += character;
	});
	return quote + out + quote;
}

function serializeElement(random: Random, element: XmlElement): string {
	let out = `<${element.name}`;
	for (const [name, value] of element.attributes) {
		const quote = random.pick(['"', "'"]);
		out += `${whitespace(random, 1)}${name}${whitespace(random, 0)}=${whitespace(random, 0)}`;
		out += serializeAttribute(random, value, quote);
	}
	out += whitespace(random, 0);
	if (element.children.length === 0 && random.chance(0.6)) return `${out}/>`;
	out += '>';
	for (const child of element.children) {
		out += misc(random);
		out +=
			typeof child === 'string' ? serializeText(random, child) : serializeElement(random, child);
	}
	return `${out}${misc(random)}</${element.name}${whitespace(random, 0)}>`;
}

/** A random tree and one of its many serializations; `bytes` says whether to read it as a Buffer. */
export function generateDocument(
	random: Random,
	options: { maxDepth: number },
): { tree: XmlElement; xml: string; bytes: boolean } {
	const tree = generateElement(random, 1, options.maxDepth);
	let xml = random.chance(0.1) ? '\uFEFF' : '';
	if (random.chance(0.5)) {
		const quote = random.pick(['"', "'"]);
		xml += `<?xml version=${quote}1.0${quote}`;
		if (random.chance(0.5)) xml += ` encoding=${quote}${random.pick(['UTF-8', 'utf-8'])}${quote}`;
		if (random.chance(0.3)) xml += ` standalone=${quote}${random.pick(['yes', 'no'])}${quote}`;
		xml += `${whitespace(random, 0)}?>`;
	}
	xml += `${whitespace(random, 0)}${misc(random)}${whitespace(random, 0)}`;
	xml += serializeElement(random, tree);
	xml += `${whitespace(random, 0)}${misc(random)}${whitespace(random, 0)}`;
	return { tree, xml, bytes: random.chance(0.5) };
}

const INSERTIONS = [
	'<',
	'&',
	']]>',
	'<!DOCTYPE a>',
	'<!DOCTYPE r [<!ENTITY x "y">]>',
	'&nbsp;',
	'&#0;',
	'&#x1F600;',
	'&amp;',
	'<![CDATA[',
	']]',
	'<!--',
	'-->',
	'<?',
	'?>',
	'</a>',
	'<a>',
	'<a/>',
	'"',
	"'",
	'=',
	' x="1"',
	'\u0001',
	'\uFFFE',
	'ಕ',
	'\r\n',
	'\uFEFF',
];

/** A corpus document with one to three random mutations, and what they were. */
export function mutate(random: Random, original: Buffer): { bytes: Buffer; steps: string[] } {
	let bytes = original;
	const steps: string[] = [];
	for (let n = random.int(3) + 1; n > 0; n--) {
		const at = random.int(bytes.length + 1);
		const insert = (text: string | Buffer) =>
			Buffer.concat([bytes.subarray(0, at), Buffer.from(text), bytes.subarray(at)]);
		const kind = random.int(8);
		if (kind === 0 && at < bytes.length) {
			const bit = 1 << random.int(8);
			bytes = Buffer.from(bytes);
			bytes[at] ^= bit;
			steps.push(`flip ${bit} at ${at}`);
		} else if (kind === 1 && at < bytes.length) {
			const value = random.pick([
				0x00, 0x0d, 0x20, 0x21, 0x22, 0x26, 0x27, 0x2d, 0x2f, 0x3c, 0x3e, 0x3f, 0x5d, 0x80, 0xc3,
				0xff,
			]);
			bytes = Buffer.from(bytes);
			bytes[at] = value;
			steps.push(`byte ${value} at ${at}`);
		} else if (kind === 2) {
			bytes = bytes.subarray(0, at);
			steps.push(`cut at ${at}`);
		} else if (kind === 3 || kind === 4) {
			const text = random.pick(INSERTIONS);
			bytes = insert(text);
			steps.push(`insert ${JSON.stringify(text)} at ${at}`);
		} else if (kind === 5) {
			const depth = 50 + random.int(30);
			bytes = insert('<d>'.repeat(depth) + '</d>'.repeat(depth));
			steps.push(`nest ${depth} at ${at}`);
		} else if (kind === 6) {
			const length = random.int(40) + 1;
			bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + length)]);
			steps.push(`delete ${length} at ${at}`);
		} else {
			const length = random.int(40) + 1;
			bytes = insert(bytes.subarray(at, at + length));
			steps.push(`repeat ${length} at ${at}`);
		}
	}
	return { bytes, steps };
}
