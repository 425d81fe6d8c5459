'use strict';

/**
 * The machine-readable XML of an issued document (Get Certificate Data in XML): a
 * `<Certificate>` with IssuedBy, IssuedTo, CertificateData and a Signature-looking element.
 */

const { escapeHtml } = require('./http-util');
const { fakeSignature } = require('./xml-signature');

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
 * @param {CertificateInput} input
 * @returns {Buffer}
 */
function buildCertificateXml(input) {
	const e = escapeHtml;
	const fields = Object.entries(input.fields ?? {})
		.map(([k, v]) => `<Field name="${e(k)}" value="${e(v)}"/>`)
		.join('');
	const body =
		`<Certificate language="99" name="${e(input.name)}" type="${e(input.doctype)}" ` +
		`number="${e(input.number)}" uri="${e(input.uri)}" issueDate="${e(input.issueDate)}" status="A">` +
		`<IssuedBy><Organization name="${e(input.issuer)}" code="${e(input.issuerid)}" ` +
		'type="SG" tin="" uid=""><Address type="permanent" country="IN"/></Organization></IssuedBy>' +
		`<IssuedTo><Person name="${e(input.holder.name)}" dob="${e(input.holder.dob)}" ` +
		`gender="${e(input.holder.gender)}" uid="" phone="" email=""/></IssuedTo>` +
		`<CertificateData><Document doctype="${e(input.doctype)}">${fields}</Document></CertificateData>`;
	const xml =
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		`${body}${fakeSignature(body, `CN=${e(input.issuer)},O=DigiLocker Simulator,C=IN`)}</Certificate>\n`;
	return Buffer.from(xml, 'utf8');
}

module.exports = { buildCertificateXml };
