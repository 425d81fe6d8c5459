/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: a loud message on stderr when the xmlsec1 proof is skipped */
import { X509Certificate } from 'node:crypto';

import { verifyXmlSignature } from '../../../nodes/DigiLocker/document/signature/verify';
import { ensureXmlsec, makePki, xmlsecSign, xmlsecVerifies, type Pki } from './xmlsec';

/**
 * Proof against an independent implementation: xmlsec1 signs, the package verifies. Every accepted combination of
 * canonicalization, signature and digest algorithm must verify; every tamper must fail with a precise reason.
 */

const W3 = 'http://www.w3.org';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const C14N = {
	c14n: `${W3}/TR/2001/REC-xml-c14n-20010315`,
	'c14n-with-comments': `${W3}/TR/2001/REC-xml-c14n-20010315#WithComments`,
	'exc-c14n': `${W3}/2001/10/xml-exc-c14n#`,
	'exc-c14n-with-comments': `${W3}/2001/10/xml-exc-c14n#WithComments`,
} as const;
const SIGNATURE = {
	'rsa-sha1': `${DSIG}rsa-sha1`,
	'rsa-sha256': `${W3}/2001/04/xmldsig-more#rsa-sha256`,
} as const;
const DIGEST = { sha1: `${DSIG}sha1`, sha256: `${W3}/2001/04/xmlenc#sha256` } as const;

type C14nName = keyof typeof C14N;

interface TemplateOptions {
	c14n: C14nName;
	signature: keyof typeof SIGNATURE;
	digest: keyof typeof DIGEST;
	/** Reference URIs; "" for the whole document. */
	uris?: string[];
	/** A prefix for the XML-DSig elements (`ds`), or none (a default namespace). */
	prefix?: string;
	/** A default namespace on the root element. */
	rootNamespace?: string;
	prefixList?: string;
	/** A c14n Transform after the enveloped one (the same algorithm as SignedInfo's). */
	referenceC14n?: boolean;
}

function template(options: TemplateOptions): string {
	const p = options.prefix ? `${options.prefix}:` : '';
	const dsigNs = options.prefix ? `xmlns:${options.prefix}="${DSIG}"` : `xmlns="${DSIG}"`;
	const inclusive = options.prefixList
		? `<ec:InclusiveNamespaces xmlns:ec="${C14N['exc-c14n']}" PrefixList="${options.prefixList}"/>`
		: '';
	const references = (options.uris ?? ['']).map(
		(uri) =>
			`
      <${p}Reference URI="${uri}">
        <${p}Transforms><${p}Transform Algorithm="${DSIG}enveloped-signature"/>${
					options.referenceC14n
						? `<${p}Transform Algorithm="${C14N[options.c14n]}">${inclusive}</${p}Transform>`
						: ''
				}</${p}Transforms>
        <${p}DigestMethod Algorithm="${DIGEST[options.digest]}"/>
        <${p}DigestValue></${p}DigestValue>
      </${p}Reference>`,
	);
	const rootNs = options.rootNamespace ? ` xmlns="${options.rootNamespace}"` : '';
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- issued by the test issuer -->
<?issuer-stylesheet href="x.xsl"?>
<Certificate${rootNs} xmlns:x="urn:example:extra" xmlns:unused="urn:example:unused" ID="cert-1" language="99" number="IN&amp;123">
  <!-- a comment inside the document -->
  <IssuedBy><Organization name="Board &quot;of&quot; Secondary Education" x:code="A&#9;B&#10;C" tp="SG"/></IssuedBy>
  <IssuedTo><Person name="Asha   Verma" dob="01-01-1990"><Address line1="12, MG Road" state="Karnataka"/></Person></IssuedTo>
  <CertificateData ID="data-1"><x:Result grade="A&lt;B">Passed &amp; promoted; CR here:&#13; ü, देवनागरी, ${'<'}![CDATA[<raw> & text]]></x:Result><Empty/></CertificateData>
  <?processing instruction-inside?>
  <${p}Signature ${dsigNs}>
    <${p}SignedInfo>
      <!-- a comment inside SignedInfo -->
      <${p}CanonicalizationMethod Algorithm="${C14N[options.c14n]}">${inclusive}</${p}CanonicalizationMethod>
      <${p}SignatureMethod Algorithm="${SIGNATURE[options.signature]}"/>${references.join('')}
    </${p}SignedInfo>
    <${p}SignatureValue></${p}SignatureValue>
    <${p}KeyInfo><${p}X509Data></${p}X509Data></${p}KeyInfo>
  </${p}Signature>
</Certificate>
`;
}

const skipReason = ensureXmlsec();
if (skipReason) {
	// A loud skip: only when xmlsec1 can neither be found nor installed.
	process.stderr.write(`\n\n*** SKIPPING the xmlsec1 signature proof: ${skipReason} ***\n\n`);
}
const describeXmlsec = skipReason ? describe.skip : describe;

const ID_ATTRIBUTES = ['Certificate:ID', 'CertificateData:ID'];

describeXmlsec('XML signatures made by xmlsec1', () => {
	let pki: Pki;
	let trusted: X509Certificate[];
	const sign = (options: TemplateOptions, key?: string, certificates?: string[]) =>
		xmlsecSign(pki, template(options), {
			key: key ?? pki.signerKey,
			// KeyInfo as DigiLocker sends it: leaf first, then a CA, not necessarily in path order.
			certificates: certificates ?? [pki.signerPem, pki.subCaPem],
			idAttributes: ID_ATTRIBUTES,
		});
	const verify = (bytes: Buffer | string, anchors = trusted, now = new Date()) =>
		verifyXmlSignature(Buffer.from(bytes), anchors, now);

	beforeAll(() => {
		pki = makePki();
		trusted = [new X509Certificate(pki.caPem)];
	});
	afterAll(() => pki?.cleanup());

	const combinations: TemplateOptions[] = [];
	for (const c14n of Object.keys(C14N) as C14nName[]) {
		for (const signature of Object.keys(SIGNATURE) as Array<keyof typeof SIGNATURE>) {
			for (const digest of Object.keys(DIGEST) as Array<keyof typeof DIGEST>) {
				combinations.push({ c14n, signature, digest });
			}
		}
	}

	it.each(combinations)('verifies %o', (options) => {
		for (const variant of [
			options,
			{ ...options, prefix: 'ds', referenceC14n: true },
			{ ...options, rootNamespace: 'urn:example:doc', referenceC14n: true },
		]) {
			const signed = sign(variant);
			expect(xmlsecVerifies(pki, signed, ID_ATTRIBUTES)).toBe(true);
			const report = verify(signed);
			expect(report).toMatchObject({
				present: true,
				valid: true,
				algorithm: options.signature,
				digest_algorithm: options.digest,
				canonicalization: options.c14n,
				chain_trusted: true,
				trusted_by: 'C=IN, O=Test PKI, CN=Test Root CA',
			});
			expect(report.reason).toBeUndefined();
			expect(report.signer).toMatchObject({
				subject: 'C=IN, O=Test Issuer, CN=DS TEST DOCUMENT SIGNER 1',
				issuer: 'C=IN, O=Test PKI, CN=Test Sub-CA for Document Signer',
				expired: false,
			});
		}
	});

	it('verifies exclusive canonicalization with an InclusiveNamespaces PrefixList', () => {
		for (const c14n of ['exc-c14n', 'exc-c14n-with-comments'] as const) {
			const signed = sign({
				c14n,
				signature: 'rsa-sha256',
				digest: 'sha256',
				prefix: 'ds',
				prefixList: 'x unused #default',
				referenceC14n: true,
			});
			expect(xmlsecVerifies(pki, signed, ID_ATTRIBUTES)).toBe(true);
			expect(verify(signed)).toMatchObject({ valid: true, chain_trusted: true });
		}
	});

	it('verifies several references: the whole document and an element by ID', () => {
		for (const uris of [
			['', '#data-1'],
			['#data-1', '#cert-1'],
		]) {
			const signed = sign({ c14n: 'exc-c14n', signature: 'rsa-sha256', digest: 'sha256', uris });
			expect(xmlsecVerifies(pki, signed, ID_ATTRIBUTES)).toBe(true);
			expect(verify(signed)).toMatchObject({ valid: true, chain_trusted: true });
		}
	});

	describe('trust', () => {
		it('never trusts KeyInfo alone: without Trusted Certificates the chain is not trusted', () => {
			const report = verify(sign({ c14n: 'c14n', signature: 'rsa-sha256', digest: 'sha256' }), []);
			expect(report).toMatchObject({ valid: true, chain_trusted: false });
			expect(report.trusted_by).toBeUndefined();
		});

		it('trusts the signer certificate itself or the sub-CA when those are configured', () => {
			const signed = sign({ c14n: 'c14n', signature: 'rsa-sha256', digest: 'sha256' });
			expect(verify(signed, [new X509Certificate(pki.signerPem)]).chain_trusted).toBe(true);
			expect(verify(signed, [new X509Certificate(pki.subCaPem)])).toMatchObject({
				chain_trusted: true,
				trusted_by: 'C=IN, O=Test PKI, CN=Test Sub-CA for Document Signer',
			});
		});

		it('does not chain without the sub-CA in KeyInfo', () => {
			const signed = sign({ c14n: 'c14n', signature: 'rsa-sha256', digest: 'sha256' }, undefined, [
				pki.signerPem,
			]);
			expect(verify(signed)).toMatchObject({ valid: true, chain_trusted: false });
		});

		it('reports a valid signature by an untrusted key (a re-signed document) as not chained', () => {
			const signed = sign(
				{ c14n: 'c14n', signature: 'rsa-sha256', digest: 'sha256' },
				pki.otherKey,
				[pki.otherPem],
			);
			expect(verify(signed)).toMatchObject({ valid: true, chain_trusted: false });
		});

		it('reports an expired signer certificate, not hides it', () => {
			const signed = sign({ c14n: 'c14n', signature: 'rsa-sha256', digest: 'sha256' });
			const later = new Date(Date.now() + 900 * 24 * 3600 * 1000);
			const report = verify(signed, trusted, later);
			expect(report).toMatchObject({ valid: true, chain_trusted: true });
			expect(report.signer?.expired).toBe(true);
		});
	});

	describe('tampering', () => {
		let signed: string;
		let signedWithComments: string;
		beforeAll(() => {
			signed = sign({
				c14n: 'exc-c14n',
				signature: 'rsa-sha1',
				digest: 'sha256',
				prefix: 'ds',
			}).toString();
			signedWithComments = sign({
				c14n: 'c14n-with-comments',
				signature: 'rsa-sha256',
				digest: 'sha1',
			}).toString();
		});

		const DIGEST_CHANGED =
			/^Reference 1 \(URI ""\): the sha\d+ digest of the signed data does not match/;
		const SIGNATURE_FAILS = /^SignatureValue does not verify over SignedInfo/;

		/** Changes one character at `index` to another one. */
		const flip = (text: string, index: number) => {
			const c = text[index];
			const replacement =
				c === 'A' ? 'B' : /[a-z]/.test(c) ? c.toUpperCase() : c === ' ' ? '_' : 'A';
			return text.slice(0, index) + replacement + text.slice(index + 1);
		};

		it('starts from a document that verifies', () => {
			expect(verify(signed)).toMatchObject({ valid: true, chain_trusted: true });
			expect(verify(signedWithComments)).toMatchObject({ valid: true, chain_trusted: true });
		});

		it('fails every single-character change in the signed data, as a changed digest or unreadable XML', () => {
			const start = signed.indexOf('<Certificate');
			const end = signed.indexOf('<ds:Signature');
			const comment = signed.indexOf('<!-- a comment inside the document -->');
			const afterComment = signed.indexOf('-->', comment) + 3;
			for (let i = start; i < end; i++) {
				// Comments are never signed with URI="": XML-DSig leaves them out of the node set.
				if (i >= comment && i < afterComment) continue;
				const report = verify(flip(signed, i));
				expect({ i, valid: report.valid }).toEqual({ i, valid: false });
				expect(report.reason).toMatch(
					/does not match its DigestValue|not XML the node can read|Reference 1 .* points at|no Reference covers/,
				);
			}
		});

		it('fails a change of the data as a changed digest', () => {
			const report = verify(signed.replace('Asha   Verma', 'Asha   Varma'));
			expect(report).toMatchObject({ present: true, valid: false });
			expect(report.reason).toMatch(DIGEST_CHANGED);
			expect(verify(signed.replace('grade="A&lt;B"', 'grade="A&lt;C"')).reason).toMatch(
				DIGEST_CHANGED,
			);
		});

		it('fails a change in SignedInfo, in the digest and in the signature value', () => {
			const inSignedInfo = signed.replace('<ds:SignatureMethod', '<ds:SignatureMethod ');
			expect(
				verify(inSignedInfo.replace('<ds:SignatureMethod  ', '<ds:SignatureMethod\t')).valid,
			).toBe(true);
			expect(verify(signed.replace('</ds:SignedInfo>', ' </ds:SignedInfo>')).reason).toMatch(
				SIGNATURE_FAILS,
			);
			const digest = /<ds:DigestValue>([^<]+)</.exec(signed)![1];
			expect(verify(signed.replace(digest, flip(digest, 5))).reason).toMatch(SIGNATURE_FAILS);
			const value = /<ds:SignatureValue>([^<]+)</.exec(signed)![1];
			expect(verify(signed.replace(value, flip(value, 10))).reason).toMatch(SIGNATURE_FAILS);
		});

		it('fails a removed comment when SignedInfo is canonicalized with comments', () => {
			const report = verify(signedWithComments.replace('<!-- a comment inside SignedInfo -->', ''));
			expect(report.reason).toMatch(SIGNATURE_FAILS);
			// Without comments the comment is not signed; comments outside SignedInfo never are (URI="").
			expect(verify(signed.replace('<!-- a comment inside SignedInfo -->', '')).valid).toBe(true);
			expect(
				verify(signedWithComments.replace('<!-- a comment inside the document -->', '')).valid,
			).toBe(true);
		});

		it('reads a DigestValue split by a comment whole (not only its first text)', () => {
			const digest = /<ds:DigestValue>([^<]+)</.exec(signed)![1];
			const split = signed.replace(digest, `${digest.slice(0, 8)}<!-- x -->${digest.slice(8)}`);
			expect(verify(split).valid).toBe(true);
		});

		it('accepts Base64 with spaces and &#13; line ends in SignatureValue and X509Certificate', () => {
			const spaced = signed.replace(
				/(<ds:(?:SignatureValue|X509Certificate)>)([^<]+)</g,
				(_, open: string, text: string) => `${open}${text.replace(/\n/g, '&#13;\n  ')}<`,
			);
			expect(spaced).not.toEqual(signed);
			expect(verify(spaced)).toMatchObject({ valid: true, chain_trusted: true });
		});

		it('fails a swapped certificate', () => {
			const certificate = /<ds:X509Certificate>([^<]+)</.exec(signed)![1];
			const other = pki.otherPem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
			const report = verify(
				signed
					.replace(certificate, other)
					.replace(
						/<ds:X509Certificate>(?![^<]*<\/ds:X509Certificate>\s*<\/ds:X509Data>)[^<]*<\/ds:X509Certificate>/,
						'',
					),
			);
			expect(report).toMatchObject({ valid: false, chain_trusted: false });
			expect(report.reason).toMatch(SIGNATURE_FAILS);
		});

		it('fails a wrapped document, a moved reference and a duplicated ID', () => {
			// The signed root wrapped in a new one: the signature is no longer the root's child.
			const body = signed.slice(signed.indexOf('<Certificate'));
			expect(verify(`<Wrapper>${body}</Wrapper>`).reason).toBe(
				'the Signature element is not a child of the root element',
			);
			const twoRefs = sign({
				c14n: 'exc-c14n',
				signature: 'rsa-sha256',
				digest: 'sha256',
				uris: ['#data-1'],
			}).toString();
			// Signing only a part: what the node would read is not what was signed.
			expect(verify(twoRefs).reason).toBe(
				'no Reference covers the whole document, so its data is not what was signed',
			);
			const byId = sign({
				c14n: 'exc-c14n',
				signature: 'rsa-sha256',
				digest: 'sha256',
				uris: ['#data-1', '#cert-1'],
			}).toString();
			// The signed data moved into an unsigned wrapper, a forged copy in its place.
			const original = /<CertificateData ID="data-1">[\s\S]*?<\/CertificateData>/.exec(byId)![0];
			const forged = original.replace('Passed', 'Failed');
			const moved = byId.replace(original, `${forged}<Extra>${original}</Extra>`);
			expect(verify(moved).reason).toBe(
				'Reference 1 points at #data-1, which more than one element has as its ID',
			);
			const movedOut = byId
				.replace(original, forged.replace('ID="data-1"', ''))
				.replace('</Certificate>', `<Extra>${original}</Extra></Certificate>`);
			expect(verify(movedOut).reason).toMatch(
				/^Reference 2 \(URI "#cert-1"\): the sha256 digest .* does not match/,
			);
		});

		it('fails a second Signature, a second SignedInfo and an unaccepted algorithm', () => {
			const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)![0];
			expect(verify(signed.replace(signature, signature + signature)).reason).toBe(
				'the root element has more than one Signature',
			);
			const signedInfo = /<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>/.exec(signed)![0];
			expect(verify(signed.replace(signedInfo, signedInfo + signedInfo)).reason).toBe(
				'SignedInfo is not followed by SignatureValue',
			);
			expect(
				verify(signed.replace(`${DSIG}rsa-sha1`, `${W3}/2001/04/xmldsig-more#rsa-md5`)).reason,
			).toBe(`SignatureMethod ${W3}/2001/04/xmldsig-more#rsa-md5 is not accepted`);
		});

		it('says when there is no signature, or one in another namespace', () => {
			expect(verify('<a><b/></a>')).toEqual({
				present: false,
				valid: false,
				reason: 'the document has no XML signature',
				chain_trusted: false,
			});
			expect(verify(signed.replace(`xmlns:ds="${DSIG}"`, 'xmlns:ds="urn:not-dsig"')).present).toBe(
				false,
			);
		});
	});
});
