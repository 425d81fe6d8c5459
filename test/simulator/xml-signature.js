'use strict';

/**
 * A real enveloped XML-DSig signature for simulated XML documents, made with node:crypto and the TEST-ONLY PKI in
 * fixtures/signing/ (a root, CA, sub-CA and document signer, shaped like DigiLocker's chain). The simulator writes
 * its documents itself, so it writes their canonical form itself too (Canonical XML 1.0 of a document without
 * namespaces or comments, which exclusive canonicalization gives identically): no code of the package is used, so
 * the package's verifier is checked against an independent signer.
 */

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { toXml, toCanonicalXml } = require('./xml-build');

const W3 = 'http://www.w3.org';
const DSIG = `${W3}/2000/09/xmldsig#`;

/** Algorithm URIs as real DigiLocker and UIDAI documents declare them. */
const ALGORITHMS = {
	c14n: `${W3}/TR/2001/REC-xml-c14n-20010315`,
	excC14n: `${W3}/2001/10/xml-exc-c14n#`,
	rsaSha1: `${DSIG}rsa-sha1`,
	rsaSha256: `${W3}/2001/04/xmldsig-more#rsa-sha256`,
};

const HASH_OF = { [ALGORITHMS.rsaSha1]: 'sha1', [ALGORITHMS.rsaSha256]: 'sha256' };

const SIGNING_DIR = path.join(__dirname, 'fixtures', 'signing');

/** @type {{ key: crypto.KeyObject, chain: Record<string, crypto.X509Certificate>, rootPem: string } | undefined} */
let pki;

/** The test PKI, read once per process. */
function signingPki() {
	if (!pki) {
		const read = (name) => fs.readFileSync(path.join(SIGNING_DIR, name), 'utf8');
		pki = {
			key: crypto.createPrivateKey(read('signer.key')),
			chain: {
				signer: new crypto.X509Certificate(read('signer.pem')),
				root: new crypto.X509Certificate(read('root.pem')),
				ca: new crypto.X509Certificate(read('ca.pem')),
				subca: new crypto.X509Certificate(read('subca.pem')),
			},
			rootPem: read('root.pem'),
		};
	}
	return pki;
}

/** The simulator's trust anchor as PEM (served at GET /sim/ca.pem). */
function simulatorCaPem() {
	return signingPki().rootPem;
}

/** "CN=…,O=…,C=…" (RFC 4514 order) from node's one-per-line subject. */
function subjectName(certificate) {
	return certificate.subject.split('\n').filter(Boolean).reverse().join(',');
}

/** Text escaped for canonical XML. */
const escapeText = (text) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');

/**
 * @typedef {object} SignatureStyle
 * @property {string} [c14n] CanonicalizationMethod; default inclusive C14N 1.0
 * @property {string} [signatureMethod] default RSA-SHA256
 * @property {boolean} [chain] KeyInfo lists four certificates (leaf, root, CA, sub-CA) as DigiLocker's e-Aadhaar
 *   does; otherwise the leaf, the sub-CA and the CA
 */

/**
 * A signature over `canonicalDocument`, the canonical form of the document it will be enveloped in (without it).
 * SignedInfo is written in its canonical form, so it is signed exactly as written.
 * @param {string} canonicalDocument
 * @param {SignatureStyle} [style]
 */
function signature(canonicalDocument, style = {}) {
	const { key, chain } = signingPki();
	const signatureMethod = style.signatureMethod ?? ALGORITHMS.rsaSha256;
	const digest = crypto.createHash('sha256').update(canonicalDocument, 'utf8').digest('base64');
	const signedInfo =
		`<SignedInfo xmlns="${DSIG}">` +
		`<CanonicalizationMethod Algorithm="${style.c14n ?? ALGORITHMS.c14n}"></CanonicalizationMethod>` +
		`<SignatureMethod Algorithm="${signatureMethod}"></SignatureMethod>` +
		'<Reference URI="">' +
		`<Transforms><Transform Algorithm="${DSIG}enveloped-signature"></Transform></Transforms>` +
		`<DigestMethod Algorithm="${W3}/2001/04/xmlenc#sha256"></DigestMethod>` +
		`<DigestValue>${digest}</DigestValue>` +
		'</Reference>' +
		'</SignedInfo>';
	const value = crypto.sign(HASH_OF[signatureMethod], Buffer.from(signedInfo, 'utf8'), key);
	const listed = style.chain
		? [chain.signer, chain.root, chain.ca, chain.subca]
		: [chain.signer, chain.subca, chain.ca];
	const pairs = listed.map(
		(certificate) =>
			`<X509SubjectName>${escapeText(subjectName(certificate))}</X509SubjectName>` +
			`<X509Certificate>${certificate.raw.toString('base64')}</X509Certificate>`,
	);
	return (
		`<Signature xmlns="${DSIG}">` +
		signedInfo +
		`<SignatureValue>${value.toString('base64')}</SignatureValue>` +
		`<KeyInfo><X509Data>${pairs.join('')}</X509Data></KeyInfo>` +
		'</Signature>'
	);
}

/**
 * A whole document: the XML declaration, then `root` with an enveloped signature as its last child, computed over
 * `root` as written without it (the white space the indented form puts around it stays signed).
 * @param {import('./xml-build').XmlNode} root
 * @param {{ style?: SignatureStyle, indent?: string, declaration?: string }} options
 * @returns {Buffer}
 */
function signedDocument(root, options) {
	const write = { indent: options.indent };
	const withSignature = (raw) => ({ ...root, children: [...root.children, { raw }] });
	const canonical = toCanonicalXml(withSignature(''), write);
	const signed = toXml(withSignature(signature(canonical, options.style)), write);
	const declaration =
		options.declaration ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
	return Buffer.from(`${declaration}\n${signed}\n`, 'utf8');
}

module.exports = { signedDocument, simulatorCaPem, ALGORITHMS };
