'use strict';

/**
 * The machine-readable XML of an issued document (Get Certificate Data in XML): a
 * `<Certificate>` with IssuedBy, IssuedTo, CertificateData and a Signature-looking element.
 * `certificateDocument` writes the envelope every family shares (see families/); the generic
 * `buildCertificateXml` carries free-form fields, for seeded and pulled documents that bring
 * their own `fields`.
 */

const { el } = require('./xml-build');
const { signedDocument } = require('./xml-signature');

/**
 * @typedef {object} CertificateParts
 * @property {Record<string, string>} attributes of `Certificate`, in order
 * @property {import('./xml-build').XmlNode} organization the `Organization` element
 * @property {import('./xml-build').XmlNode} person the `Person` element
 * @property {Array<import('./xml-build').XmlContent | undefined | false>} data `CertificateData` children
 * @property {Array<import('./xml-build').XmlContent | undefined | false>} [after] siblings after
 *   `CertificateData`, e.g. PANCR's `QRMeta`
 * @property {import('./xml-signature').SignatureStyle} [signature]
 * @property {boolean} [indented] one element per line, two-space indentation
 * @property {string} [declaration] the XML declaration; default UTF-8, standalone
 */

/**
 * @param {CertificateParts} parts
 * @returns {Buffer}
 */
function certificateDocument(parts) {
	const root = el('Certificate', parts.attributes, [
		el('IssuedBy', {}, [parts.organization]),
		el('IssuedTo', {}, [parts.person]),
		el('CertificateData', {}, parts.data),
		...(parts.after ?? []),
	]);
	return signedDocument(root, {
		style: parts.signature,
		indent: parts.indented ? '  ' : undefined,
		declaration: parts.declaration,
	});
}

/**
 * @typedef {object} CertificateInput
 * @property {string} uri
 * @property {string} doctype
 * @property {string} name document name, e.g. 'Driving Licence'
 * @property {string} number document number (the part of the URI after the doctype)
 * @property {string} issuer
 * @property {string} issuerid
 * @property {string} issueDate DD-MM-YYYY
 * @property {{ name: string, dob: string, gender: string }} holder dob as DD-MM-YYYY
 * @property {Record<string, string>} [fields] document-specific data
 */

/**
 * A generic certificate: `CertificateData/Document/Field name value` for each field.
 * @param {CertificateInput} input
 * @returns {Buffer}
 */
function buildCertificateXml(input) {
	const fields = Object.entries(input.fields ?? {}).map(([name, value]) =>
		el('Field', { name, value }),
	);
	return certificateDocument({
		attributes: {
			language: '99',
			name: input.name,
			type: input.doctype,
			number: input.number,
			uri: input.uri,
			issueDate: input.issueDate,
			status: 'A',
		},
		organization: el(
			'Organization',
			{ name: input.issuer, code: input.issuerid, type: 'SG', tin: '', uid: '' },
			[el('Address', { type: 'permanent', country: 'IN' })],
		),
		person: el('Person', {
			name: input.holder.name,
			dob: input.holder.dob,
			gender: input.holder.gender,
			uid: '',
			phone: '',
			email: '',
		}),
		data: [el('Document', { doctype: input.doctype }, fields)],
	});
}

module.exports = { buildCertificateXml, certificateDocument };
