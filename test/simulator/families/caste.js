'use strict';

/**
 * CTCER, a caste certificate from a state e-District office: `CertificateData/Caste name
 * category subCategory description`. Layouts 0 and 2 give the holder's address as attributes of
 * `Person/Address`; layout 1 leaves that element empty and puts the address in a
 * document-specific `ApplicantAddress` with one child element per part (a simulated variation:
 * issuers' own layouts are not documented), and is indented. Community names are invented.
 */

const { el } = require('../xml-build');
const { certificateDocument } = require('../certificate-xml');
const { formatDate, fromIso } = require('../date-layout');
const { dateLayoutOf, lineAddress, organization, photo, structuredAddress } = require('./common');

const CATEGORIES = ['OBC', 'GC', 'ST'];

/** @param {import('../holder').SimAddress} a */
function applicantAddress(a) {
	const parts = /** @type {Array<[string, string]>} */ ([
		['House', a.house],
		['Street', a.street],
		['Landmark', a.lm],
		['Locality', a.loc],
		['Village', a.vtc],
		['Taluka', a.subdist],
		['District', a.dist],
		['State', a.state],
		['PinCode', a.pc],
	]);
	return el(
		'ApplicantAddress',
		{},
		parts.filter(([, v]) => v !== '').map(([name, value]) => el(name, {}, [value])),
	);
}

/**
 * @param {import('./common').FamilyDoc} doc
 * @param {import('../holder').Holder} holder
 */
function buildCaste(doc, holder) {
	const layout = dateLayoutOf(holder);
	const category = CATEGORIES[holder.layout];
	const community = `SIMULATED COMMUNITY ${String.fromCharCode(65 + (doc.number.charCodeAt(doc.number.length - 1) % 26))}`;
	const childLayout = holder.layout === 1;
	return certificateDocument({
		indented: childLayout,
		attributes: {
			language: '99',
			name: doc.name,
			type: doc.doctype,
			number: doc.number,
			prevNumber: '',
			issuedAt: `Tahsildar, ${holder.address.subdist}`,
			issueDate: formatDate(fromIso(doc.date), layout),
			validFromDate: '',
			expiryDate: '',
			status: 'A',
		},
		organization: organization(doc.issuer, doc.issuerid, 'SG'),
		person: el(
			'Person',
			{
				uid: '',
				title: '',
				name: holder.name,
				dob: formatDate(holder.dob, layout),
				swd: holder.guardian.name,
				swdIndicator: holder.guardian.indicator,
				gender: holder.gender,
				maritalStatus: '',
				religion: '',
				phone: '',
				email: '',
			},
			[
				childLayout
					? lineAddress('Address', 'permanent')
					: structuredAddress('Address', 'permanent', holder.address),
				photo(holder, false),
			],
		),
		data: [
			el('Caste', {
				name: community,
				category,
				subCategory: '',
				description: `${community} is recognised as ${category} (simulated)`,
			}),
			childLayout && applicantAddress(holder.address),
		],
		signer: `CN=Simulated State e-District Signer,O=DigiLocker Simulator,C=IN`,
	});
}

module.exports = { buildCaste };
