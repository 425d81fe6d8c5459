import { readXml } from '../../nodes/DigiLocker/xml/reader';
import {
	XML_LIMITS,
	XmlError,
	type XmlChild,
	type XmlElement,
} from '../../nodes/DigiLocker/xml/tree';

/** An expected element: `el('a', { x: '1' }, 'text', el('b'))`. */
function el(
	name: string,
	attributes: Record<string, string> = {},
	...children: XmlChild[]
): XmlElement {
	return { name, attributes: new Map(Object.entries(attributes)), children };
}

function refusal(input: Buffer | string, limits = XML_LIMITS): XmlError {
	try {
		readXml(input, limits);
	} catch (error) {
		expect(error).toBeInstanceOf(XmlError);
		return error as XmlError;
	}
	throw new Error(`accepted: ${String(input).slice(0, 80)}`);
}

function expectRefused(input: Buffer | string, message: RegExp, limits = XML_LIMITS): void {
	expect(refusal(input, limits).message).toMatch(message);
}

describe('readXml: structure', () => {
	it('reads elements, attributes and text into the tree, in document order', () => {
		const tree = readXml('<a x="1" y=\'2\'>one<b/>two<c z="3"><d></d></c></a>');
		expect(tree).toEqual(
			el('a', { x: '1', y: '2' }, 'one', el('b'), 'two', el('c', { z: '3' }, el('d'))),
		);
		expect([...tree.attributes.keys()]).toEqual(['x', 'y']);
	});

	it('accepts white space inside tags, around "=" and in end tags', () => {
		expect(readXml('<a\n\tx =\r\n"1"\n  y= \'2\' ></a \n>')).toEqual(el('a', { x: '1', y: '2' }));
		expect(readXml('<a x="1"/>')).toEqual(readXml('<a x="1" />'));
	});

	it('keeps namespace prefixes in names and xmlns declarations as attributes', () => {
		expect(
			readXml(
				'<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>',
			),
		).toEqual(
			el('ds:Signature', { 'xmlns:ds': 'http://www.w3.org/2000/09/xmldsig#' }, el('ds:SignedInfo')),
		);
	});

	it('accepts XML names beyond ASCII: Devanagari, Kannada, middle dot, digits, "-", ".", "_"', () => {
		expect(readXml('<नाम ಹೆಸರು="ಕ"><a·b-c.d_1/></नाम>')).toEqual(
			el('नाम', { ಹೆಸರು: 'ಕ' }, el('a·b-c.d_1')),
		);
	});

	it('keeps names such as __proto__ as plain Map keys', () => {
		const tree = readXml('<a __proto__="x" constructor="y"/>');
		expect([...tree.attributes]).toEqual([
			['__proto__', 'x'],
			['constructor', 'y'],
		]);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});

	it.each([
		['an unclosed element', '<a><b></b>', /<a> is not closed/],
		['a mismatched end tag', '<a><b></a></b>', /<\/a> does not close <b>/],
		['an end tag alone', '</a>', /expected a name/],
		['a duplicate attribute', '<a x="1" y="2" x="3"/>', /attribute x repeated/],
		['text after the root', '<a/>text', /content after the root/],
		['a second element after the root', '<a/><b/>', /content after the root/],
		['text before the root', 'text<a/>', /text before the root/],
		['an empty document', '', /no root element/],
		['only white space and a comment', ' \n<!-- c -->\n', /no root element/],
		['a name starting with a digit', '<1a/>', /expected a name/],
		['a name starting with "-"', '<-a/>', /expected a name/],
		['white space after "<"', '< a/>', /expected a name/],
		['white space after "</"', '<a></ a>', /expected a name/],
		['an attribute without a value', '<a b/>', /expected "="/],
		['an unquoted attribute value', '<a b=c/>', /expected a quoted value/],
		['an unclosed attribute value', '<a b="c/>', /quoted value is not closed/],
		['attributes without white space between them', '<a x="1"y="2"/>', /expected white space/],
		['"<" in an attribute value', '<a x="a<b"/>', /"<" in an attribute value/],
		['"]]>" in text', '<a>x]]>y</a>', /"]]>" in text/],
		['CDATA before the root', '<![CDATA[x]]><a/>', /markup declaration not allowed/],
		['an unclosed CDATA section', '<a><![CDATA[x</a>', /CDATA section is not closed/],
		['an unclosed start tag', '<a x="1"', /expected white space, ">" or "\/>"/],
		['an unclosed end tag', '<a></a', /expected ">"/],
	])('refuses %s', (_case, input, message) => expectRefused(input, message));
});

describe('readXml: text', () => {
	it('keeps text exactly, white space included, and leaves out nothing but markup', () => {
		expect(readXml('<a>  x \n <b> </b>\t</a>')).toEqual(
			el('a', {}, '  x \n ', el('b', {}, ' '), '\t'),
		);
	});

	it('joins CDATA sections, comments and processing instructions into the text around them', () => {
		expect(readXml('<a>one<![CDATA[<two> &amp; ]]]]>three<!-- c -->four<?pi x?>five</a>')).toEqual(
			el('a', {}, 'one<two> &amp; ]]three' + 'fourfive'),
		);
	});

	it('adds no text for an empty CDATA section or an element with only a comment', () => {
		expect(readXml('<a><![CDATA[]]><!--c--></a>')).toEqual(el('a'));
	});

	it('normalizes line ends in text and CDATA (CR LF and lone CR to LF), but keeps &#13;', () => {
		expect(readXml('<a>1\r\n2\r3\r\r\n4&#13;<![CDATA[5\r\n6\r]]></a>')).toEqual(
			el('a', {}, '1\n2\n3\n\n4\r5\n6\n'),
		);
	});
});

describe('readXml: references', () => {
	it('resolves the five predefined entities in text and attributes', () => {
		expect(readXml('<a v="&lt;&gt;&amp;&quot;&apos;">&lt;&gt;&amp;&quot;&apos;</a>')).toEqual(
			el('a', { v: '<>&"\'' }, '<>&"\''),
		);
	});

	it('resolves decimal and hexadecimal character references, astral planes included', () => {
		expect(
			readXml('<a v="&#65;&#x42;">&#x1F600;&#128512;&#x0915;&#0000065;&#x10FFFF;</a>'),
		).toEqual(el('a', { v: 'AB' }, '😀😀कA\u{10FFFF}'));
	});

	it('resolves only once: &amp;lt; is "&lt;"', () => {
		expect(readXml('<a v="&amp;lt;">&amp;#65;</a>')).toEqual(el('a', { v: '&lt;' }, '&#65;'));
	});

	it.each([
		['&nbsp; (an HTML entity)', '<a>&nbsp;</a>'],
		['an undeclared entity', '<a>&unknown;</a>'],
		['an undeclared entity in an attribute', '<a x="&ent;"/>'],
		['&#0;', '<a>&#0;</a>'],
		['&#xD800; (a surrogate)', '<a>&#xD800;</a>'],
		['&#xFFFE;', '<a>&#xFFFE;</a>'],
		['&#x1; (a control character)', '<a>&#x1;</a>'],
		['&#x110000; (beyond Unicode)', '<a>&#x110000;</a>'],
		['a huge decimal reference', '<a>&#99999999999999999999999;</a>'],
		['&#X41; (uppercase X)', '<a>&#X41;</a>'],
		['&#; (no digits)', '<a>&#;</a>'],
		['&#x; (no hex digits)', '<a>&#x;</a>'],
		['&#x4G; (not hex)', '<a>&#x4G;</a>'],
		['&#-1;', '<a>&#-1;</a>'],
	])('refuses %s', (_case, input) => expectRefused(input, /is not accepted/));

	it.each([
		['a bare "&" in text', '<a>fish & chips</a>'],
		['a reference without ";"', '<a>&amp</a>'],
		['a reference without ";" in an attribute', '<a x="&amp" y=";"/>'],
		['a reference cut by markup', '<a>&amp<b/>;</a>'],
	])('refuses %s', (_case, input) => expectRefused(input, /"&" not starting a reference/));
});

describe('readXml: attribute values', () => {
	it('turns literal tab, LF, CR and CR LF into one space each, after which references are resolved', () => {
		expect(readXml('<a v="1\t2\n3\r4\r\n5  6" w=\'&#9;&#10;&#13;&#32;\'/>')).toEqual(
			el('a', { v: '1 2 3 4 5  6', w: '\t\n\r ' }),
		);
	});

	it('accepts the other quote and ">" inside a value', () => {
		expect(readXml(`<a x='say "hi"' y="it's" z="a>b"/>`)).toEqual(
			el('a', { x: 'say "hi"', y: "it's", z: 'a>b' }),
		);
	});
});

describe('readXml: comments and processing instructions', () => {
	it('skips comments and processing instructions before, inside and after the root', () => {
		const input =
			'<?xml-stylesheet href="a.xsl" type="text/xsl"?>\n<!-- before -->\n' +
			'<a><!----><?target?><!-- - --></a>\n<?after x?><!-- after -->\n';
		expect(readXml(input)).toEqual(el('a'));
	});

	it.each([
		['"--" inside a comment', '<a><!-- a -- b --></a>', /"--" inside a comment/],
		['a comment ending in "--->"', '<a><!-- a ---></a>', /"--" inside a comment/],
		['an unclosed comment', '<a><!-- a </a>', /comment is not closed/],
		['a processing instruction without a target', '<? x?><a/>', /expected a name/],
		['a processing instruction without space after the target', '<?pi"x"?><a/>', /malformed/],
		['an unclosed processing instruction', '<a><?pi x</a>', /not closed/],
		[
			'a processing instruction named xml in the root',
			'<a><?xml version="1.0"?></a>',
			/only at the very start/,
		],
		['a processing instruction named XmL', '<?XmL x?><a/>', /only at the very start/],
	])('refuses %s', (_case, input, message) => expectRefused(input, message));
});

describe('readXml: XML declaration', () => {
	it.each([
		'<?xml version="1.0"?><a/>',
		"<?xml version='1.0' encoding='UTF-8'?><a/>",
		'<?xml version="1.0" encoding="utf-8" standalone="yes" ?>\n<a/>',
		'<?xml version = "1.0" standalone="no"?><a/>',
	])('accepts %s', (input) => expect(readXml(input)).toEqual(el('a')));

	it.each([
		['version 1.1', '<?xml version="1.1"?><a/>', /version="1.0"/],
		['no version', '<?xml encoding="UTF-8"?><a/>', /version="1.0"/],
		['UTF-16 declared', '<?xml version="1.0" encoding="UTF-16"?><a/>', /"UTF-16" declared/],
		['ISO-8859-1 declared', '<?xml version="1.0" encoding="ISO-8859-1"?><a/>', /only UTF-8/],
		['standalone="maybe"', '<?xml version="1.0" standalone="maybe"?><a/>', /standalone/],
		[
			'encoding after standalone',
			'<?xml version="1.0" standalone="yes" encoding="UTF-8"?><a/>',
			/malformed/,
		],
		['an unknown pseudo-attribute', '<?xml version="1.0" lang="en"?><a/>', /malformed/],
		['white space before it', ' <?xml version="1.0"?><a/>', /only at the very start/],
		['a comment before it', '<!-- c --><?xml version="1.0"?><a/>', /only at the very start/],
		['a second one', '<?xml version="1.0"?><?xml version="1.0"?><a/>', /only at the very start/],
	])('refuses %s', (_case, input, message) => expectRefused(input, message));
});

describe('readXml: DOCTYPE and entities', () => {
	const billionLaughs =
		'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' +
		' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n' +
		' <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n' +
		']>\n<lolz>&lol2;</lolz>';
	const xxe =
		'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>';

	it.each([
		['billion laughs', billionLaughs],
		['XXE with a SYSTEM entity', xxe],
		['a DOCTYPE without entities', '<!DOCTYPE a><a/>'],
		[
			'a DOCTYPE with a public id',
			'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd"><html/>',
		],
	])('refuses %s as a DOCTYPE, before any entity is read', (_case, input) => {
		const error = refusal(input);
		expect(error.message).toMatch(/DOCTYPE is not accepted/);
		expect(error.offset).toBe(input.indexOf('<!DOCTYPE'));
	});

	it.each([
		['a DOCTYPE inside the root', '<a><!DOCTYPE a></a>', /DOCTYPE is not accepted/],
		['a DOCTYPE after the root', '<a/><!DOCTYPE a>', /DOCTYPE is not accepted/],
		['an entity declaration without DOCTYPE', '<!ENTITY x "y"><a/>', /markup declaration/],
		['an element declaration inside the root', '<a><!ELEMENT a ANY></a>', /markup declaration/],
	])('refuses %s', (_case, input, message) => expectRefused(input, message));
});

describe('readXml: characters, bytes and encodings', () => {
	it('reads a Buffer as UTF-8, with or without a UTF-8 BOM, and a string with U+FEFF first', () => {
		const expected = el('a', { v: 'ಕ' }, 'नमस्ते 😀');
		const xml = '<a v="ಕ">नमस्ते 😀</a>';
		expect(readXml(Buffer.from(xml))).toEqual(expected);
		expect(readXml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]))).toEqual(
			expected,
		);
		expect(readXml(`\uFEFF${xml}`)).toEqual(expected);
	});

	it.each([
		['a UTF-16 LE BOM', Buffer.from('\uFEFF<a/>', 'utf16le'), /UTF-16 byte order mark/],
		['a UTF-16 BE BOM', Buffer.from([0xfe, 0xff, 0, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e]), /UTF-16/],
		['UTF-16 without a BOM', Buffer.from('<a/>', 'utf16le'), /character not allowed/],
		['two UTF-8 BOMs', Buffer.from('\uFEFF\uFEFF<a/>'), /text before the root/],
		[
			'an invalid byte',
			Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]),
			/not valid UTF-8/,
		],
		[
			'a cut sequence',
			Buffer.concat([Buffer.from('<a>'), Buffer.from('ಕ').subarray(0, 2), Buffer.from('</a>')]),
			/not valid UTF-8/,
		],
		[
			'an overlong "/"',
			Buffer.from([0x3c, 0x61, 0x3e, 0xc0, 0xaf, 0x3c, 0x2f, 0x61, 0x3e]),
			/not valid UTF-8/,
		],
		[
			'an encoded surrogate',
			Buffer.from([0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x61, 0x3e]),
			/not valid UTF-8/,
		],
	])('refuses %s', (_case, input, message) => expectRefused(input, message));

	it.each([
		['a control character', '<a>\u0001</a>'],
		['NUL', '<a x="\u0000"/>'],
		['U+FFFE', '<a>\uFFFE</a>'],
		['U+FFFF in a comment', '<a><!-- \uFFFF --></a>'],
		['a lone high surrogate in a string', '<a>\uD800</a>'],
		['a lone low surrogate in a string', '<a>x\uDC00</a>'],
		['a lone high surrogate at the very end', '<a/>\uD83D'],
		['a reversed surrogate pair', '<a>\uDE00\uD83D</a>'],
		['a form feed after the root', '<a/>\f'],
	])('refuses %s', (_case, input) => expectRefused(input, /character not allowed/));

	it('reports byte offsets, counting UTF-8 bytes and the BOM', () => {
		expect(refusal('<a>é&bad;</a>').offset).toBe(5);
		expect(refusal(Buffer.from('\uFEFF<a>é&bad;</a>')).offset).toBe(8);
		expect(refusal('<a>é&bad;</a>').message).toMatch(/\(at byte 5\)$/);
	});

	it('refuses anything but a Buffer or a string', () => {
		expectRefused(42 as unknown as string, /Buffer or a string/);
		expectRefused(null as unknown as string, /Buffer or a string/);
	});
});

describe('readXml: limits', () => {
	const nested = (depth: number) => '<d>'.repeat(depth) + '</d>'.repeat(depth);

	it('accepts 64 levels and refuses 65, self-closing or not', () => {
		expect(readXml(nested(64)).name).toBe('d');
		expectRefused(nested(65), /nested deeper than 64/);
		expectRefused('<d>'.repeat(64) + '<e/>' + '</d>'.repeat(64), /nested deeper than 64/);
		expect(readXml(nested(3), { ...XML_LIMITS, maxDepth: 3 }).name).toBe('d');
		expectRefused(nested(4), /deeper than 3/, { ...XML_LIMITS, maxDepth: 3 });
	});

	it('accepts exactly maxBytes and refuses one byte more, counting UTF-8 bytes of strings', () => {
		const xml = '<a>é</a>'; // 8 characters, 9 bytes
		const limits = (maxBytes: number) => ({ ...XML_LIMITS, maxBytes });
		expect(readXml(xml, limits(9))).toEqual(el('a', {}, 'é'));
		expect(readXml(Buffer.from(xml), limits(9))).toEqual(el('a', {}, 'é'));
		expectRefused(xml, /9 bytes, over the limit of 8/, limits(8));
		expectRefused(Buffer.from(xml), /9 bytes, over the limit of 8/, limits(8));
	});

	it('refuses one byte over the default 20 MiB', () => {
		const body = '<a>' + 'x'.repeat(XML_LIMITS.maxBytes - 7) + '</a>';
		expect(Buffer.byteLength(body)).toBe(XML_LIMITS.maxBytes);
		expect(readXml(body).children[0]).toHaveLength(XML_LIMITS.maxBytes - 7);
		expectRefused(`${body} `, /over the limit/);
	});
});

describe('readXml: hostile input stays linear', () => {
	const mib = 1024 * 1024;
	it.each([
		['a million open tags', '<a>'.repeat(mib / 3)],
		['a million "&" in text', '<a>' + '&'.repeat(mib)],
		['a megabyte of references', '<a>' + '&amp;&#x41;'.repeat(mib / 10) + '</a>'],
		['a megabyte of "]"', '<a>' + ']'.repeat(mib) + '</a>'],
		['a megabyte of dashes in a comment', '<a><!--' + '-'.repeat(mib)],
		['a hundred thousand comments', '<a>' + '<!-- c -->'.repeat(100_000) + '</a>'],
		[
			'a hundred thousand attributes',
			'<a ' + Array.from({ length: 100_000 }, (_, i) => `a${i}="${i}"`).join(' ') + '/>',
		],
		['a hundred thousand siblings', '<a>' + '<b x="1">t</b>'.repeat(100_000) + '</a>'],
		['a megabyte name', '<' + 'n'.repeat(mib)],
		['a megabyte unclosed attribute', '<a x="' + 'v'.repeat(mib)],
		['a megabyte unclosed PI', '<?pi ' + '?'.repeat(mib)],
		['a megabyte unclosed CDATA', '<a><![CDATA[' + ']]'.repeat(mib / 2)],
	])('%s: a tree or an XmlError, fast', (_case, input) => {
		const started = performance.now();
		try {
			readXml(input);
		} catch (error) {
			expect(error).toBeInstanceOf(XmlError);
		}
		expect(performance.now() - started).toBeLessThan(2000);
	});
});
