'use strict';

/**
 * A made-up XMLDSig-looking `<Signature>` element for simulated XML documents. It has the
 * usual shape (SignedInfo, DigestValue, SignatureValue, KeyInfo) but is not a real signature:
 * the values are hashes of the signed text, so they change when the content changes.
 */

const crypto = require('crypto');
const { escapeHtml } = require('./http-util');
const { toXml } = require('./xml-build');

const W3 = 'http://www.w3.org';

/** Algorithm URIs as real DigiLocker and UIDAI documents declare them. */
const ALGORITHMS = {
	c14n: `${W3}/TR/2001/REC-xml-c14n-20010315`,
	excC14n: `${W3}/2001/10/xml-exc-c14n#`,
	rsaSha1: `${W3}/2000/09/xmldsig#rsa-sha1`,
	rsaSha256: `${W3}/2001/04/xmldsig-more#rsa-sha256`,
};

/**
 * @typedef {object} SignatureStyle
 * @property {string} [c14n] CanonicalizationMethod; default inclusive C14N 1.0
 * @property {string} [signatureMethod] default RSA-SHA256
 */

/**
 * @param {string} signedText the XML the signature claims to cover
 * @param {string | string[]} subject X509SubjectName text (unescaped); several for a chain, one pair each
 * @param {SignatureStyle} [style]
 */
function fakeSignature(signedText, subject, style = {}) {
	const digest = crypto.createHash('sha256').update(signedText).digest('base64');
	/** @type {Buffer[]} */
	const blocks = [];
	for (let i = 0; i < 4; i++) {
		blocks.push(crypto.createHash('sha512').update(`${i}:${digest}`).digest());
	}
	const signatureValue = Buffer.concat(blocks).toString('base64');
	const pairs = (Array.isArray(subject) ? subject : [subject]).map((name) => {
		const certificate = Buffer.concat(
			[0, 1, 2, 3, 4, 5].map((i) => crypto.createHash('sha512').update(`${i}:${name}`).digest()),
		).toString('base64');
		return `<X509SubjectName>${escapeHtml(name)}</X509SubjectName><X509Certificate>${certificate}</X509Certificate>`;
	});
	return (
		'<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">' +
		'<SignedInfo>' +
		`<CanonicalizationMethod Algorithm="${style.c14n ?? ALGORITHMS.c14n}"/>` +
		`<SignatureMethod Algorithm="${style.signatureMethod ?? ALGORITHMS.rsaSha256}"/>` +
		'<Reference URI="">' +
		'<Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></Transforms>' +
		'<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>' +
		`<DigestValue>${digest}</DigestValue>` +
		'</Reference>' +
		'</SignedInfo>' +
		`<SignatureValue>${signatureValue}</SignatureValue>` +
		`<KeyInfo><X509Data>${pairs.join('')}</X509Data></KeyInfo>` +
		'</Signature>'
	);
}

/**
 * A whole document: the XML declaration, then `root` with a fake enveloped signature as its
 * last child, computed over `root` as written without it.
 * @param {import('./xml-build').XmlNode} root
 * @param {{ subject: string | string[], style?: SignatureStyle, indent?: string, declaration?: string }} options
 * @returns {Buffer}
 */
function signedDocument(root, options) {
	const write = { indent: options.indent };
	const signature = fakeSignature(toXml(root, write), options.subject, options.style);
	const signed = toXml({ ...root, children: [...root.children, { raw: signature }] }, write);
	const declaration =
		options.declaration ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
	return Buffer.from(`${declaration}\n${signed}\n`, 'utf8');
}

module.exports = { fakeSignature, signedDocument, ALGORITHMS };
