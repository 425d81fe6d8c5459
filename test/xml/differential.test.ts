/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads its fixtures from disk */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { readXml } from '../../nodes/DigiLocker/xml/reader';
import { XmlError, type XmlElement } from '../../nodes/DigiLocker/xml/tree';
import { generateDocument, mutate, Random } from './generate';

/**
 * fast-xml-parser as an independent second opinion: every text and attribute value a string, nothing trimmed,
 * comments, declaration and PIs left out. `htmlEntities` is what makes v5 resolve character references (&#65;).
 */
const fxp = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	allowBooleanAttributes: false,
	trimValues: false,
	parseTagValue: false,
	parseAttributeValue: false,
	processEntities: true,
	htmlEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	removeNSPrefix: false,
	maxNestedTags: 1000,
});

/** One shape for both trees: attributes as ordered pairs, adjacent text joined, no empty text. */
type Shape = string | { name: string; attributes: Array<[string, string]>; children: Shape[] };

/**
 * fast-xml-parser does not normalize attribute values (it keeps a literal tab or LF, and turns CR LF into LF) and
 * resolves &#9; &#10; &#13; to the same characters, so after its parse the two can't be told apart: compared with
 * fast-xml-parser, tab, CR and LF in attribute values count as spaces. The round-trip oracle checks them exactly.
 */
const flatten = (value: string) => value.replace(/[\t\n\r]/g, ' ');

function ours(element: XmlElement, flattenAttributes: boolean): Shape {
	return {
		name: element.name,
		attributes: [...element.attributes].map(([name, value]) => [
			name,
			flattenAttributes ? flatten(value) : value,
		]),
		children: element.children.map((child) =>
			typeof child === 'string' ? child : ours(child, flattenAttributes),
		),
	};
}

type FxpNode = Record<string, unknown>;

function theirs(nodes: FxpNode[]): Shape[] {
	const shapes: Shape[] = [];
	for (const node of nodes) {
		if ('#text' in node) {
			const text = String(node['#text']);
			const last = shapes.length - 1;
			if (typeof shapes[last] === 'string') shapes[last] += text;
			else if (text !== '') shapes.push(text);
			continue;
		}
		const name = Object.keys(node).find((key) => key !== ':@')!;
		const attributes = Object.entries((node[':@'] ?? {}) as Record<string, string>);
		shapes.push({
			name,
			attributes: attributes.map(([key, value]) => [key, flatten(String(value))]),
			children: theirs(node[name] as FxpNode[]),
		});
	}
	return shapes;
}

/** fast-xml-parser's root element (it keeps white space and comments' neighbours outside the root as text). */
const theirRoot = (xml: string) =>
	theirs(fxp.parse(xml) as FxpNode[]).filter((shape) => typeof shape !== 'string');

const validatorAccepts = (xml: string) => XMLValidator.validate(xml) === true;

/** What the reader made of a document: its tree, or its XmlError. */
type Verdict = XmlElement | XmlError;

const names = (element: XmlElement): string[] => [
	element.name,
	...element.attributes.keys(),
	...element.children.flatMap((child) => (typeof child === 'string' ? [] : names(child))),
];

/**
 * Every way the reader and fast-xml-parser are allowed to disagree, with why. `refused`: the reader refuses, the
 * validator accepts (a rule of XML 1.0, or a limit of ours, that the validator doesn't check). `accepted`: the reader
 * accepts, the validator refuses. `tree`: both accept, the trees differ. Each has an example, tested below.
 */
const KNOWN_DIFFERENCES: Array<{
	reason: string;
	when: 'refused' | 'accepted' | 'tree';
	explains: (verdict: Verdict, bytes: Buffer) => boolean;
	example: string | Buffer;
}> = [
	{
		// By design: no DTD at all, so no external entities and no entity expansion.
		reason: 'DOCTYPE',
		when: 'refused',
		explains: (verdict) => /DOCTYPE is not accepted/.test(String(verdict)),
		example: '<!DOCTYPE a><a/>',
	},
	{
		// Without a DTD only the five predefined entities are known. The validator accepts any &name; (&nbsp;), a bare
		// "&" in attribute values, and character references to non-characters (&#0;).
		reason: 'references',
		when: 'refused',
		explains: (verdict) =>
			/is not accepted: only|"&" not starting a reference/.test(String(verdict)),
		example: '<a x="&amp">&nbsp;&#0;</a>',
	},
	{
		// A document has one root element; the validator accepts several, and CDATA outside them.
		reason: 'one root',
		when: 'refused',
		explains: (verdict) =>
			/content after the root|markup declaration not allowed/.test(String(verdict)),
		example: '<a/><b/><![CDATA[x]]>',
	},
	{
		// XML 1.0's Char production: the validator accepts control characters, U+FFFE and lone surrogates.
		reason: 'characters outside XML',
		when: 'refused',
		explains: (verdict) => /character not allowed/.test(String(verdict)),
		example: '<a>\u0001</a>',
	},
	{
		// The validator reads strings: the test hands it the bytes decoded with replacement characters.
		reason: 'invalid UTF-8',
		when: 'refused',
		explains: (verdict) => /not valid UTF-8/.test(String(verdict)),
		example: Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]),
	},
	{
		// Well-formedness constraints the validator skips.
		reason: '"<" in attribute values, "]]>" in text, "--" in comments',
		when: 'refused',
		explains: (verdict) =>
			/"<" in an attribute value|"]]>" in text|"--" inside a comment/.test(String(verdict)),
		example: '<a x="<"><!-- -- -->]]></a>',
	},
	{
		// The validator doesn't read the XML declaration's content, nor refuse a PI named xml after the start.
		reason: 'XML declaration',
		when: 'refused',
		explains: (verdict, bytes) =>
			/only at the very start/.test(String(verdict)) ||
			(/^(\uFEFF)?<\?xml\s/.test(bytes.toString()) &&
				(verdict as XmlError).offset! <= bytes.indexOf('?>')),
		example: '<?xml version="2" encoding="latin1" standalone="maybe"?><a><?xml?></a>',
	},
	{
		// The validator accepts a processing instruction without a target: <?>, <? x?>.
		reason: 'processing instruction without a target',
		when: 'refused',
		explains: (verdict, bytes) =>
			/expected a name/.test(String(verdict)) &&
			bytes
				.subarray(0, (verdict as XmlError).offset)
				.toString()
				.endsWith('<?'),
		example: '<a><?></a>',
	},
	{
		// The validator skips an end tag written as </name/>, anywhere.
		reason: 'end tag ending in "/>"',
		when: 'refused',
		explains: (_verdict, bytes) => /<\/[^<>]*\/>/.test(bytes.toString()),
		example: '<a></b/></a>',
	},
	{
		// Our own limit.
		reason: 'depth limit',
		when: 'refused',
		explains: (verdict) => /nested deeper than/.test(String(verdict)),
		example: '<a>'.repeat(65) + '</a>'.repeat(65),
	},
	{
		// XML 1.0 (fifth edition) allows name characters up to U+EFFFF; the validator only those below U+10000.
		reason: 'names beyond U+FFFF',
		when: 'accepted',
		explains: (verdict) =>
			!(verdict instanceof XmlError) &&
			names(verdict).some((name) => /[\u{10000}-\u{EFFFF}]/u.test(name)),
		example: '<a𝒳/>',
	},
	{
		// fast-xml-parser cuts names at JavaScript white space (\s), which includes two XML name characters: U+FEFF
		// and U+1680.
		reason: 'names with U+FEFF or U+1680',
		when: 'tree',
		explains: (verdict) =>
			!(verdict instanceof XmlError) && names(verdict).some((name) => /\s/.test(name)),
		example: '<a\uFEFFb c\u1680d="1"/>',
	},
];

function knownDifference(when: 'refused' | 'accepted' | 'tree', verdict: Verdict, bytes: Buffer) {
	return KNOWN_DIFFERENCES.find(
		(difference) => difference.when === when && difference.explains(verdict, bytes),
	)?.reason;
}

/** The reader's verdict: a tree, or the XmlError; anything else thrown fails the test. */
function read(input: Buffer | string): Verdict {
	try {
		return readXml(input);
	} catch (error) {
		expect(error).toBeInstanceOf(XmlError);
		return error as XmlError;
	}
}

const corpusDirectory = join(__dirname, 'corpus');
const corpus = readdirSync(corpusDirectory)
	.filter((file) => file.endsWith('.xml'))
	.sort()
	.map((file) => [file, readFileSync(join(corpusDirectory, file))] as const);

describe('the corpus: DigiLocker-like documents', () => {
	it('holds the five kinds of document', () => {
		expect(corpus.map(([file]) => file)).toEqual([
			'cbse-marksheet.xml',
			'driving-licence-drvlc.xml',
			'eaadhaar-devanagari.xml',
			'eaadhaar-kannada.xml',
			'pan-pancr.xml',
		]);
	});

	it.each(corpus)('%s: the reader and fast-xml-parser give the same tree', (_file, bytes) => {
		const xml = bytes.toString('utf8');
		expect(validatorAccepts(xml)).toBe(true);
		expect([ours(readXml(bytes), true)]).toEqual(theirRoot(xml));
	});

	const find = (element: XmlElement, path: string[]): XmlElement => {
		let current = element;
		for (const name of path) {
			current = current.children.find(
				(child): child is XmlElement => typeof child !== 'string' && child.name === name,
			)!;
		}
		return current;
	};
	const fixture = (name: string) => readXml(corpus.find(([file]) => file === name)![1]);

	it('reads the e-Aadhaar: Kannada local data, the photo, the enveloped signature', () => {
		const certificate = fixture('eaadhaar-kannada.xml');
		const uidData = find(certificate, ['CertificateData', 'KycRes', 'UidData']);
		expect(uidData.attributes.get('uid')).toBe('xxxxxxxx1234');
		expect(find(uidData, ['LData']).attributes.get('name')).toBe('ಕಾವ್ಯ ಪರೀಕ್ಷಾರ್ಥಿ');
		const photo = find(uidData, ['Pht']).children[0] as string;
		expect(photo).toMatch(/^\/9j\/4AAQ[A-Za-z0-9+/]+=*$/);
		expect(photo.length).toBeGreaterThan(14_000);
		const signature = find(certificate, ['Signature']);
		expect(signature.attributes.get('xmlns')).toBe('http://www.w3.org/2000/09/xmldsig#');
		expect(find(signature, ['SignatureValue']).children[0]).toContain('\r\n');
	});

	it('reads the Devanagari e-Aadhaar behind a BOM and CR LF line ends', () => {
		const certificate = fixture('eaadhaar-devanagari.xml');
		const lData = find(certificate, ['CertificateData', 'KycRes', 'UidData', 'LData']);
		expect(lData.attributes.get('house')).toBe('फ्लैट ४-बी, ब्लॉक "सी"');
		expect(certificate.children[0]).toBe('\n\t');
		expect(find(certificate, ['ds:Signature']).attributes.get('xmlns:ds')).toBeDefined();
	});

	it('reads the PAN, licence and marksheet attributes, CDATA and nested Subjects', () => {
		const pan = fixture('pan-pancr.xml');
		expect(pan.attributes.get('type')).toBe('PANCR');
		expect(find(pan, ['IssuedTo', 'Person']).attributes.get('name')).toBe("Anita D'Examplo");
		expect(find(pan, ['CertificateData', 'PAN']).attributes.get('category')).toBe('Individual <P>');
		const licence = fixture('driving-licence-drvlc.xml');
		expect(find(licence, ['CertificateData', 'DrivingLicense', 'Remarks']).children).toEqual([
			'Hill-driving test passed; vehicles <= 3500 kg & "LMV-NT" only.',
		]);
		const subjects = find(fixture('cbse-marksheet.xml'), [
			'CertificateData',
			'Performance',
			'Subjects',
		]);
		const additional = find(subjects, ['Subjects']);
		expect(additional.attributes.get('type')).toBe('additional');
		expect(find(additional, ['Subject']).attributes.get('name')).toBe('INFORMATION TECHNOLOGY');
	});
});

describe('generated documents', () => {
	it('give back exactly the generated tree, and agree with fast-xml-parser', () => {
		const random = new Random(0x9e3779b9);
		const disagreements: string[] = [];
		for (let i = 0; i < 300; i++) {
			const { tree, xml, bytes } = generateDocument(random, { maxDepth: i === 0 ? 64 : 5 });
			const read = ours(readXml(bytes ? Buffer.from(xml) : xml), false);
			// Jest's deep equality is slow on hundreds of trees: compare as JSON, show a diff on the first miss.
			if (!equal(read, ours(tree, false)))
				expect({ xml, read }).toEqual({ xml, read: ours(tree, false) });
			if (!validatorAccepts(xml)) {
				if (!knownDifference('accepted', tree, Buffer.from(xml))) {
					disagreements.push(`validator refuses: ${xml.slice(0, 200)}`);
				}
			} else if (!equal([ours(tree, true)], theirRoot(xml)))
				disagreements.push(`trees differ: ${xml.slice(0, 200)}`);
		}
		expect(disagreements).toEqual([]);
	});
});

describe('known differences from fast-xml-parser', () => {
	it.each(KNOWN_DIFFERENCES.map((difference) => [difference.reason, difference] as const))(
		'%s: the example disagrees, and the explanation recognizes it',
		(reason, { when, example }) => {
			const bytes = Buffer.from(example);
			const verdict = read(bytes);
			const xml = bytes.toString();
			expect(validatorAccepts(xml)).toBe(when !== 'accepted');
			expect(verdict instanceof XmlError).toBe(when === 'refused');
			if (when === 'tree') expect([ours(verdict as XmlElement, true)]).not.toEqual(theirRoot(xml));
			expect(knownDifference(when, verdict, bytes)).toBe(reason);
		},
	);
});

describe('fuzzing: mutated corpus documents', () => {
	it('3000 mutations: a tree or an XmlError, fast, and fast-xml-parser agrees but for known differences', () => {
		const random = new Random(20240901);
		const unexplained: string[] = [];
		const counts = new Map<string, number>();
		const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
		let readingMs = 0;
		for (let i = 0; i < 3000; i++) {
			const [file, original] = random.pick(corpus);
			const { bytes, steps } = mutate(random, original);
			const started = performance.now();
			const verdict = read(bytes);
			readingMs += performance.now() - started;
			const xml = bytes.toString('utf8');
			const accepted = validatorAccepts(xml);
			let when: 'refused' | 'accepted' | 'tree' | undefined;
			if (verdict instanceof XmlError) when = accepted ? 'refused' : undefined;
			else if (!accepted) when = 'accepted';
			else if (!equal([ours(verdict, true)], theirRoot(xml))) when = 'tree';
			if (when === undefined) {
				count(verdict instanceof XmlError ? 'both refuse' : 'both accept, same tree');
				continue;
			}
			const reason = knownDifference(when, verdict, bytes);
			count(`${when}: ${reason}`);
			if (reason === undefined) {
				const why =
					verdict instanceof XmlError
						? verdict.message
						: JSON.stringify(XMLValidator.validate(xml));
				unexplained.push(`#${i} ${file} ${steps.join(', ')}: ${when} (${why})`);
			}
		}
		expect(unexplained.slice(0, 10)).toEqual([]);
		expect(counts.get('both accept, same tree')).toBeGreaterThan(100);
		expect(counts.get('both refuse')).toBeGreaterThan(1000);
		expect(readingMs).toBeLessThan(3000);
	});
});

function equal(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
