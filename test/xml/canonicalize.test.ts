import { canonicalizeDocument, canonicalizeElement } from '../../nodes/DigiLocker/xml/canonicalize';
import { readXml, readXmlDocument } from '../../nodes/DigiLocker/xml/reader';
import type { MarkedXmlElement } from '../../nodes/DigiLocker/xml/tree';

const XML = `<?xml version="1.0"?>
<?xml-stylesheet   href="doc.xsl"
   type="text/xsl"   ?>
<!-- Comment 1 -->
<doc xmlns="urn:a" xmlns:b="urn:b" xmlns:unused="urn:u"><!-- inner -->
   <e1   />
   <e2   ></e2>
   <b:e3   name = "elem3"   id="elem3"   />
   <e4 z="1" a="&#9;x&#13;" b:a="2">T&#13;xt &lt;&gt;&amp; "q"<![CDATA[<c>]]><?pi data?></e4>
</doc>
<?pi-after?>
<!-- Comment 2 -->`;

describe('readXmlDocument', () => {
	it('keeps comments and processing instructions in place; readXml still drops them', () => {
		const document = readXmlDocument(XML);
		expect(document.before).toEqual([
			{
				kind: 'instruction',
				target: 'xml-stylesheet',
				data: 'href="doc.xsl"\n   type="text/xsl"   ',
			},
			{ kind: 'comment', text: ' Comment 1 ' },
		]);
		expect(document.after).toEqual([
			{ kind: 'instruction', target: 'pi-after', data: '' },
			{ kind: 'comment', text: ' Comment 2 ' },
		]);
		expect(document.root.children[0]).toEqual({ kind: 'comment', text: ' inner ' });
		const plain = readXml(XML);
		expect(plain.children.some((child) => typeof child !== 'string' && 'kind' in child)).toBe(
			false,
		);
	});
});

describe('canonicalize (Canonical XML 1.0 and exclusive, as the W3C examples)', () => {
	const document = readXmlDocument(XML);
	const body = (comments: boolean) =>
		`<doc xmlns="urn:a" xmlns:b="urn:b" xmlns:unused="urn:u">${comments ? '<!-- inner -->' : ''}
   <e1></e1>
   <e2></e2>
   <b:e3 id="elem3" name="elem3"></b:e3>
   <e4 a="&#x9;x&#xD;" z="1" b:a="2">T&#xD;xt &lt;&gt;&amp; "q"&lt;c&gt;<?pi data?></e4>
</doc>`;

	it('writes a whole document with and without comments', () => {
		const pi = '<?xml-stylesheet href="doc.xsl"\n   type="text/xsl"   ?>\n';
		expect(canonicalizeDocument(document, { exclusive: false, comments: false })).toBe(
			`${pi}${body(false)}\n<?pi-after?>`,
		);
		expect(canonicalizeDocument(document, { exclusive: false, comments: true })).toBe(
			`${pi}<!-- Comment 1 -->\n${body(true)}\n<?pi-after?>\n<!-- Comment 2 -->`,
		);
	});

	it('gives a subtree the namespaces in scope (inclusive) or only those it uses (exclusive)', () => {
		const root = document.root;
		const e3 = root.children.find(
			(child): child is MarkedXmlElement =>
				typeof child !== 'string' && !('kind' in child) && child.name === 'b:e3',
		)!;
		expect(canonicalizeElement(e3, [root], { exclusive: false, comments: false })).toBe(
			'<b:e3 xmlns="urn:a" xmlns:b="urn:b" xmlns:unused="urn:u" id="elem3" name="elem3"></b:e3>',
		);
		expect(canonicalizeElement(e3, [root], { exclusive: true, comments: false })).toBe(
			'<b:e3 xmlns:b="urn:b" id="elem3" name="elem3"></b:e3>',
		);
		expect(
			canonicalizeElement(e3, [root], {
				exclusive: true,
				comments: false,
				inclusivePrefixes: ['unused', '#default'],
			}),
		).toBe(
			'<b:e3 xmlns="urn:a" xmlns:b="urn:b" xmlns:unused="urn:u" id="elem3" name="elem3"></b:e3>',
		);
	});

	it('undoes a default namespace with xmlns="" only when one was rendered above', () => {
		const nested = readXmlDocument('<a xmlns="urn:x"><b xmlns=""><c xmlns=""/></b></a>');
		expect(canonicalizeDocument(nested, { exclusive: false, comments: false })).toBe(
			'<a xmlns="urn:x"><b xmlns=""><c></c></b></a>',
		);
		const plain = readXmlDocument('<a><b xmlns=""/></a>');
		expect(canonicalizeDocument(plain, { exclusive: true, comments: false })).toBe(
			'<a><b></b></a>',
		);
	});
});
