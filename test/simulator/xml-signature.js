'use strict';

/**
 * A made-up XMLDSig-looking `<Signature>` element for simulated XML documents. It has the
 * usual shape (SignedInfo, DigestValue, SignatureValue, KeyInfo) but is not a real signature:
 * the values are hashes of the signed text, so they change when the content changes.
 */

const crypto = require('crypto');

/**
 * @param {string} signedText the XML the signature claims to cover
 * @param {string} subject X509SubjectName text
 */
function fakeSignature(signedText, subject) {
	const digest = crypto.createHash('sha256').update(signedText).digest('base64');
	/** @type {Buffer[]} */
	const blocks = [];
	for (let i = 0; i < 4; i++) {
		blocks.push(crypto.createHash('sha512').update(`${i}:${digest}`).digest());
	}
	const signatureValue = Buffer.concat(blocks).toString('base64');
	const certificate = Buffer.concat(
		[0, 1, 2, 3, 4, 5].map((i) => crypto.createHash('sha512').update(`${i}:${subject}`).digest()),
	).toString('base64');
	return (
		'<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">' +
		'<SignedInfo>' +
		'<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>' +
		'<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
		'<Reference URI="">' +
		'<Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></Transforms>' +
		'<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>' +
		`<DigestValue>${digest}</DigestValue>` +
		'</Reference>' +
		'</SignedInfo>' +
		`<SignatureValue>${signatureValue}</SignatureValue>` +
		'<KeyInfo><X509Data>' +
		`<X509SubjectName>${subject}</X509SubjectName>` +
		`<X509Certificate>${certificate}</X509Certificate>` +
		'</X509Data></KeyInfo>' +
		'</Signature>'
	);
}

module.exports = { fakeSignature };
