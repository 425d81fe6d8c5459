'use strict';

/**
 * PANCR, the PAN verification record (Income Tax Department), as DigiLocker serves it:
 * `CertificateData/PAN num verifiedOn` with a `QRMeta` PNG after CertificateData (layouts 0
 * and 2), or APISetu's `PANVerificationRecord` without QRMeta (layout 1). Name upper-case,
 * gender MALE/FEMALE/TRANSGENDER, dates DD-MM-YYYY whatever the layout, no issue date.
 * `Person@uid`: the full seeded Aadhaar number in layout 0 (the node must mask it), the masked
 * one in layout 2 when Aadhaar is linked, else empty.
 */

const { el } = require('../xml-build');
const { ALGORITHMS } = require('../xml-signature');
const { certificateDocument } = require('../certificate-xml');
const { formatDate, verifiedOn } = require('../date-layout');
const { patternPng } = require('../png');
const { genderWord, lineAddress, organization, photo } = require('./common');

/** @param {import('../holder').Holder} holder */
function personUid(holder) {
	if (holder.layout === 0) return holder.aadhaar;
	if (holder.layout === 2 && holder.linked) return `xxxxxxxx${holder.aadhaarLast4}`;
	return '';
}

/**
 * @param {import('./common').FamilyDoc} doc
 * @param {import('../holder').Holder} holder
 */
function buildPan(doc, holder) {
	const record = holder.layout === 1 ? 'PANVerificationRecord' : 'PAN';
	const seed = Buffer.from(doc.number).reduce((sum, byte) => sum * 31 + byte, 7) >>> 0;
	return certificateDocument({
		declaration: '<?xml version="1.0" encoding="utf-8"?>',
		attributes: {
			language: '99',
			name: doc.name,
			type: doc.doctype,
			number: doc.number,
			issuedAt: 'DigiLocker',
			issueDate: '',
			validFromDate: '',
			status: 'A',
		},
		organization: organization(doc.issuer, '', 'CG'),
		person: el(
			'Person',
			{
				uid: personUid(holder),
				title: '',
				name: holder.name.toUpperCase(),
				dob: formatDate(holder.dob),
				swd: '',
				swdIndicator: '',
				gender: genderWord(holder.gender),
				maritalStatus: '',
				religion: '',
				phone: '',
				email: '',
			},
			[lineAddress('Address', 'permanent'), photo(holder, false)],
		),
		data: [el(record, { num: doc.number, verifiedOn: verifiedOn(Date.parse(doc.date)) })],
		after: [holder.layout !== 1 && el('QRMeta', {}, [patternPng(seed).toString('base64')])],
		signer: `CN=Simulated Digital India Corporation,O=DigiLocker Simulator,C=IN`,
		signature: { signatureMethod: ALGORITHMS.rsaSha1 },
	});
}

module.exports = { buildPan };
