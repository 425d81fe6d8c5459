'use strict';

/**
 * DRVLC, a driving licence (state transport department), after DigiLocker's sample: status
 * 'Active', gender Male/Female/Transgender, guardian in `swd`, a present `Address` and a
 * permanent `Address2`, a JPEG `Photo format="JPG"`, and the vehicle classes in
 * `DrivingLicense/Categories/Category`. Layout 0 writes the present address on one upper-case
 * `line1`; layouts 1 and 2 split it into attributes. Dates follow the holder's date layout;
 * layout 1 is indented.
 */

const { el } = require('../xml-build');
const { ALGORITHMS } = require('../xml-signature');
const { certificateDocument } = require('../certificate-xml');
const { addYears, formatDate, fromIso, verifiedOn } = require('../date-layout');
const {
	dateLayoutOf,
	genderWord,
	lineAddress,
	oneLine,
	organization,
	photo,
	structuredAddress,
} = require('./common');

const CLASSES = [
	['MCWG', 'Motor Cycle with Gear(Non Transport)'],
	['LMV', 'LIGHT MOTOR VEHICLE'],
];

/**
 * @param {import('./common').FamilyDoc} doc
 * @param {import('../holder').Holder} holder
 */
function buildDrivingLicence(doc, holder) {
	const layout = dateLayoutOf(holder);
	const issued = fromIso(doc.date);
	const issueDate = formatDate(issued, layout);
	const a = holder.address;
	const name = holder.layout === 0 ? holder.name.toUpperCase() : holder.name;
	const present =
		holder.layout === 0
			? lineAddress('Address', 'present', oneLine(a))
			: structuredAddress('Address', 'present', a);
	const categories = CLASSES.map(([abbreviation, description]) =>
		el('Category', { code: 'NT', abbreviation, description, issueDate, endorseDate: '' }),
	);
	return certificateDocument({
		declaration: '<?xml version="1.0" encoding="UTF-8"?>',
		indented: holder.layout === 1,
		attributes: {
			language: '99',
			name: doc.name,
			type: doc.doctype,
			number: doc.number,
			prevNumber: '',
			issuedAt: `RTO,${a.vtc.toUpperCase()}`,
			issueDate,
			expiryDate: formatDate(addYears(issued, 20), layout),
			validFromDate: issueDate,
			status: 'Active',
		},
		organization: organization(doc.issuer, doc.number.slice(0, 4), 'SG'),
		person: el(
			'Person',
			{
				uid: '',
				uidToken: '',
				aadhaarName: '',
				title: '',
				name,
				dlConcateName: name,
				dlNatName: name,
				dob: formatDate(holder.dob, layout),
				age: '',
				swd: holder.guardian.name.toUpperCase(),
				swdIndicator: holder.guardian.indicator,
				gender: genderWord(holder.gender, true),
				maritalStatus: '',
				religion: '',
				phone: '',
				email: '',
			},
			[present, lineAddress('Address2', 'permanent', oneLine(a)), photo(holder, true)],
		),
		data: [
			el('DrivingLicense', { verifiedOn: verifiedOn(Date.parse(doc.date)) }, [
				el('Categories', {}, categories),
			]),
		],
		signer: `CN=Simulated Digital India Corporation,O=DigiLocker Simulator,C=IN`,
		signature: { signatureMethod: ALGORITHMS.rsaSha1 },
	});
}

module.exports = { buildDrivingLicence };
