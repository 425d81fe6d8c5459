'use strict';

/**
 * The realistic XML of each issued-document family, by doctype: PANCR, DRVLC, SSCER/HSCER,
 * CTCER, and ADHAR (the user's e-Aadhaar, stamped with the document's date).
 */

const { buildKycXml } = require('../kyc-xml');
const { buildPan } = require('./pan');
const { buildDrivingLicence } = require('./driving-licence');
const { buildMarksheet } = require('./marksheet');
const { buildCaste } = require('./caste');

/** @type {Record<string, (doc: import('./common').FamilyDoc, holder: import('../holder').Holder) => Buffer>} */
const BUILDERS = {
	PANCR: buildPan,
	DRVLC: buildDrivingLicence,
	SSCER: buildMarksheet,
	HSCER: buildMarksheet,
	CTCER: buildCaste,
	ADHAR: (doc, holder) => buildKycXml(holder, Date.parse(doc.date)),
};

/**
 * @param {import('./common').FamilyDoc} doc
 * @param {import('../holder').Holder} holder
 * @returns {Buffer | undefined} undefined for a doctype without a family
 */
function familyXml(doc, holder) {
	const build = BUILDERS[doc.doctype];
	return build ? build(doc, holder) : undefined;
}

module.exports = { familyXml, FAMILY_DOCTYPES: Object.keys(BUILDERS) };
