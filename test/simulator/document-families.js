'use strict';

/**
 * A catalogue of the default seed's XML documents, one entry per document, with the facts a
 * parser should read from each, written out by hand (not computed from the generators), so
 * parser tests can assert against them. Covers every family and layout variant: PAN
 * verification records, driving licences, Class XII marksheets, caste certificates, DigiLocker
 * e-Aadhaar (the ADHAR issued document and the e-Aadhaar endpoint) and the UIDAI offline e-KYC
 * fixture. Users: Asha (layout 0), Rohan (layout 1), Kiran (layout 2); see seed.js.
 */

/**
 * Address parts as the document writes them. A part that is empty or absent in the document is
 * left out; `address: null` means the document gives no address beyond a country code.
 * @typedef {object} AddressFacts
 * @property {string} [careOf] e-Aadhaar `co`, offline `careof`, e.g. 'D/O Prakash Simulated Verma'
 * @property {string} [house]
 * @property {string} [street] e-Aadhaar `street`; certificates `line1` beside a `house`
 * @property {string} [landmark]
 * @property {string} [locality]
 * @property {string} [vtc] village, town or city
 * @property {string} [subDistrict]
 * @property {string} [district]
 * @property {string} [state]
 * @property {string} [pincode]
 * @property {string} [postOffice]
 * @property {string} [country] as written: 'India' (UIDAI) or 'IN' (certificates)
 * @property {string} [line] the whole address, when the document gives it on one line only
 */

/**
 * @typedef {object} ExpectedFacts
 * @property {string} name as written (PAN and marksheets upper-case it)
 * @property {string} dob ISO YYYY-MM-DD, whatever the document's layout
 * @property {'M' | 'F' | 'T'} gender normalised from M/F/T, MALE/FEMALE/TRANSGENDER, Male/Female/Transgender
 * @property {AddressFacts | null} address the holder's address (certificates: `Person/Address`,
 *   or the document's own address element when that one is empty)
 * @property {string | null} documentNumber `Certificate@number`; null for e-Aadhaar
 * @property {{ name: string, code: string | null } | null} issuer `Organization@name` and `@code`
 *   (null when empty); null for e-Aadhaar
 * @property {string | null} issueDate ISO, from `Certificate@issueDate`; null when empty or none
 * @property {string | null} aadhaarLast4 from a full or masked uid (or the offline referenceId);
 *   null when the document has none. A full number must never be output whole
 * @property {Record<string, string>} [extra] family-specific facts, named per entry
 */

/**
 * @typedef {object} FamilyDocument
 * @property {'PAN' | 'DRIVING_LICENCE' | 'MARKSHEET' | 'CASTE' | 'EAADHAAR' | 'OFFLINE_EKYC'} family
 * @property {string} doctype e.g. 'PANCR'; 'ADHAR' for both e-Aadhaar sources; '' for the offline file
 * @property {'xml' | 'eaadhaar' | 'fixture'} source where the XML comes from: GET /oauth2/1/xml/{uri},
 *   GET /oauth2/3/xml/eaadhaar (no uri), or a file under test/simulator/fixtures/
 * @property {string} uri the issued document's URI ('xml'), '' ('eaadhaar'), or the fixture's file name
 * @property {string} user the owner's digilockerid (the fixture: whose data it holds)
 * @property {string} layout what this document's variant shows, in a few words
 * @property {ExpectedFacts} facts
 */

const ASHA = '529c7625-9961-4b3f-9414-d2d247136131';
const ROHAN = '8cd3ebc4-e08b-44fd-bf9c-0c269a47134c';
const KIRAN = 'b7be2a3b-0aaa-432b-9eba-d42bdd183696';

/** The certificate-style (Person/Address) addresses of the three users. */
const ASHA_ADDRESS = {
	house: '42',
	street: 'Simulation Street',
	landmark: 'Near Test Park',
	locality: 'Sandbox Layout',
	vtc: 'Mocknagar',
	district: 'Fixture District',
	state: 'Karnataka',
	pincode: '560042',
	country: 'IN',
};
const ROHAN_ADDRESS = {
	house: 'Flat 7B, Mock Residency',
	street: '3rd Cross Road',
	landmark: 'Opp. Fixture Temple',
	locality: 'Stubpet',
	vtc: 'Testapuram',
	district: 'Mock District',
	state: 'Tamil Nadu',
	pincode: '600117',
	country: 'IN',
};
const KIRAN_ADDRESS = {
	landmark: 'Behind Sample Market',
	locality: 'Kalpit Wadi',
	vtc: 'Kalpitnagar',
	district: 'Sample District',
	state: 'Maharashtra',
	pincode: '411045',
	country: 'IN',
};

/** e-Aadhaar `Poa` of Asha (also the offline file's `Poa`, with careof for co). */
const ASHA_POA = {
	careOf: 'D/O Prakash Simulated Verma',
	house: '42',
	street: 'Simulation Street',
	landmark: 'Near Test Park',
	locality: 'Sandbox Layout',
	vtc: 'Mocknagar',
	subDistrict: 'Mocknagar North',
	district: 'Fixture District',
	state: 'Karnataka',
	pincode: '560042',
	postOffice: 'Mocknagar S.O',
	country: 'India',
};
/** Kiran's e-Aadhaar `Poa`: no house, no street (as in some real answers). */
const KIRAN_POA = {
	careOf: 'C/O Meena Simulated Rao',
	landmark: 'Behind Sample Market',
	locality: 'Kalpit Wadi',
	vtc: 'Kalpitnagar',
	subDistrict: 'Kalpitnagar',
	district: 'Sample District',
	state: 'Maharashtra',
	pincode: '411045',
	postOffice: 'Kalpitnagar',
	country: 'India',
};

const PAN_ISSUER = { name: 'Simulated Income Tax Department', code: null };
const DL_ISSUER = { name: 'Simulated Transport Department', code: 'SM01' };
const BOARD_ISSUER = { name: 'Simulated School Board', code: null };
const CASTE_ISSUER = { name: 'Simulated Revenue Department', code: 'in.gov.sim.edistrict' };

const ASHA_EAADHAAR = {
	name: 'Asha Simulated Verma',
	dob: '1990-03-05',
	gender: /** @type {const} */ ('F'),
	address: ASHA_POA,
	documentNumber: null,
	issuer: null,
	issueDate: null,
	aadhaarLast4: '2346',
	extra: { localLang: '07', localName: 'ಆಶಾ ಸಿಮ್ಯುಲೇಟೆಡ್ ವರ್ಮಾ' },
};
const KIRAN_EAADHAAR = {
	name: 'Kiran Simulated Rao',
	dob: '2000-01-01',
	gender: /** @type {const} */ ('T'),
	address: KIRAN_POA,
	documentNumber: null,
	issuer: null,
	issueDate: null,
	aadhaarLast4: '5898',
	extra: { localLang: '13', localName: 'किरण सिम्युलेटेड राव' },
};

/** @type {FamilyDocument[]} */
const DOCUMENT_FAMILIES = [
	{
		family: 'PAN',
		doctype: 'PANCR',
		source: 'xml',
		uri: 'in.gov.sim.pan-PANCR-SIMPV7898J',
		user: ASHA,
		layout: 'PAN child, QRMeta, FEMALE, full 12-digit Person@uid, encoding="utf-8"',
		facts: {
			name: 'ASHA SIMULATED VERMA',
			dob: '1990-03-05',
			gender: 'F',
			address: null,
			documentNumber: 'SIMPV7898J',
			issuer: PAN_ISSUER,
			issueDate: null,
			aadhaarLast4: '2346',
		},
	},
	{
		family: 'PAN',
		doctype: 'PANCR',
		source: 'xml',
		uri: 'in.gov.sim.pan-PANCR-SIMPI1324L',
		user: ROHAN,
		layout: 'PANVerificationRecord child, no QRMeta, MALE, empty uid',
		facts: {
			name: 'ROHAN SIMULATED IYER',
			dob: '1985-11-17',
			gender: 'M',
			address: null,
			documentNumber: 'SIMPI1324L',
			issuer: PAN_ISSUER,
			issueDate: null,
			aadhaarLast4: null,
		},
	},
	{
		family: 'PAN',
		doctype: 'PANCR',
		source: 'xml',
		uri: 'in.gov.sim.pan-PANCR-SIMPR1488L',
		user: KIRAN,
		layout: 'PAN child, QRMeta, TRANSGENDER, masked Person@uid',
		facts: {
			name: 'KIRAN SIMULATED RAO',
			dob: '2000-01-01',
			gender: 'T',
			address: null,
			documentNumber: 'SIMPR1488L',
			issuer: PAN_ISSUER,
			issueDate: null,
			aadhaarLast4: '5898',
		},
	},
	{
		family: 'DRIVING_LICENCE',
		doctype: 'DRVLC',
		source: 'xml',
		uri: 'in.gov.sim.transport-DRVLC-SM0120081885917',
		user: ASHA,
		layout: 'DD-MM-YYYY, Female, one-line Address and Address2, JPEG photo',
		facts: {
			name: 'ASHA SIMULATED VERMA',
			dob: '1990-03-05',
			gender: 'F',
			address: {
				line: '42, SIMULATION STREET, SANDBOX LAYOUT, MOCKNAGAR, FIXTURE DISTRICT, KARNATAKA, 560042',
				country: 'IN',
			},
			documentNumber: 'SM0120081885917',
			issuer: DL_ISSUER,
			issueDate: '2021-03-15',
			aadhaarLast4: null,
			extra: {
				validTill: '2041-03-15',
				vehicleClasses: 'MCWG,LMV',
				guardian: 'PRAKASH SIMULATED VERMA',
			},
		},
	},
	{
		family: 'DRIVING_LICENCE',
		doctype: 'DRVLC',
		source: 'xml',
		uri: 'in.gov.sim.transport-DRVLC-SM0120031792208',
		user: ROHAN,
		layout: 'DDMMYYYY, Male, Address as attributes, one-line Address2, indented',
		facts: {
			name: 'Rohan Simulated Iyer',
			dob: '1985-11-17',
			gender: 'M',
			address: ROHAN_ADDRESS,
			documentNumber: 'SM0120031792208',
			issuer: DL_ISSUER,
			issueDate: '2021-03-15',
			aadhaarLast4: null,
			extra: {
				validTill: '2041-03-15',
				vehicleClasses: 'MCWG,LMV',
				guardian: 'VENKATESH SIMULATED IYER',
			},
		},
	},
	{
		family: 'DRIVING_LICENCE',
		doctype: 'DRVLC',
		source: 'xml',
		uri: 'in.gov.sim.transport-DRVLC-SM0120183133997',
		user: KIRAN,
		layout: 'DD/MM/YYYY, Transgender, Address as attributes without house and line1',
		facts: {
			name: 'Kiran Simulated Rao',
			dob: '2000-01-01',
			gender: 'T',
			address: KIRAN_ADDRESS,
			documentNumber: 'SM0120183133997',
			issuer: DL_ISSUER,
			issueDate: '2021-03-15',
			aadhaarLast4: null,
			extra: {
				validTill: '2041-03-15',
				vehicleClasses: 'MCWG,LMV',
				guardian: 'MEENA SIMULATED RAO',
			},
		},
	},
	{
		family: 'MARKSHEET',
		doctype: 'HSCER',
		source: 'xml',
		uri: 'in.gov.sim.board-HSCER-2008/4736929',
		user: ASHA,
		layout: 'DD-MM-YYYY, gender F, School/Examination/Performance/Subjects',
		facts: {
			name: 'ASHA SIMULATED VERMA',
			dob: '1990-03-05',
			gender: 'F',
			address: ASHA_ADDRESS,
			documentNumber: '2008/4736929',
			issuer: BOARD_ISSUER,
			issueDate: '2018-05-28',
			aadhaarLast4: null,
			extra: {
				school: 'SIMULATED PUBLIC SCHOOL MOCKNAGAR',
				examYear: '2008',
				result: 'PASS',
				percentage: '75.60',
			},
		},
	},
	{
		family: 'MARKSHEET',
		doctype: 'HSCER',
		source: 'xml',
		uri: 'in.gov.sim.board-HSCER-2003/4526433',
		user: ROHAN,
		layout: 'DDMMYYYY, gender M, indented',
		facts: {
			name: 'ROHAN SIMULATED IYER',
			dob: '1985-11-17',
			gender: 'M',
			address: ROHAN_ADDRESS,
			documentNumber: '2003/4526433',
			issuer: BOARD_ISSUER,
			issueDate: '2018-05-28',
			aadhaarLast4: null,
			extra: {
				school: 'SIMULATED PUBLIC SCHOOL TESTAPURAM',
				examYear: '2003',
				result: 'PASS',
				percentage: '81.20',
			},
		},
	},
	{
		family: 'MARKSHEET',
		doctype: 'HSCER',
		source: 'xml',
		uri: 'in.gov.sim.board-HSCER-2018/4505513',
		user: KIRAN,
		layout: 'DD/MM/YYYY, gender T, address without house and line1',
		facts: {
			name: 'KIRAN SIMULATED RAO',
			dob: '2000-01-01',
			gender: 'T',
			address: KIRAN_ADDRESS,
			documentNumber: '2018/4505513',
			issuer: BOARD_ISSUER,
			issueDate: '2018-05-28',
			aadhaarLast4: null,
			extra: {
				school: 'SIMULATED PUBLIC SCHOOL KALPITNAGAR',
				examYear: '2018',
				result: 'PASS',
				percentage: '76.80',
			},
		},
	},
	{
		family: 'CASTE',
		doctype: 'CTCER',
		source: 'xml',
		uri: 'in.gov.sim.edistrict-CTCER-SIMCT34728426',
		user: ASHA,
		layout: 'DD-MM-YYYY, Person/Address as attributes',
		facts: {
			name: 'Asha Simulated Verma',
			dob: '1990-03-05',
			gender: 'F',
			address: ASHA_ADDRESS,
			documentNumber: 'SIMCT34728426',
			issuer: CASTE_ISSUER,
			issueDate: '2016-08-10',
			aadhaarLast4: null,
			extra: { caste: 'SIMULATED COMMUNITY C', category: 'OBC' },
		},
	},
	{
		family: 'CASTE',
		doctype: 'CTCER',
		source: 'xml',
		uri: 'in.gov.sim.edistrict-CTCER-SIMCT09221799',
		user: ROHAN,
		layout: 'DDMMYYYY, empty Person/Address, address in ApplicantAddress child elements, indented',
		facts: {
			name: 'Rohan Simulated Iyer',
			dob: '1985-11-17',
			gender: 'M',
			address: {
				house: 'Flat 7B, Mock Residency',
				street: '3rd Cross Road',
				landmark: 'Opp. Fixture Temple',
				locality: 'Stubpet',
				vtc: 'Testapuram',
				subDistrict: 'Testapuram',
				district: 'Mock District',
				state: 'Tamil Nadu',
				pincode: '600117',
			},
			documentNumber: 'SIMCT09221799',
			issuer: CASTE_ISSUER,
			issueDate: '2016-08-10',
			aadhaarLast4: null,
			extra: { caste: 'SIMULATED COMMUNITY F', category: 'GC' },
		},
	},
	{
		family: 'CASTE',
		doctype: 'CTCER',
		source: 'xml',
		uri: 'in.gov.sim.edistrict-CTCER-SIMCT14318565',
		user: KIRAN,
		layout: 'DD/MM/YYYY, Person/Address as attributes without house and line1',
		facts: {
			name: 'Kiran Simulated Rao',
			dob: '2000-01-01',
			gender: 'T',
			address: KIRAN_ADDRESS,
			documentNumber: 'SIMCT14318565',
			issuer: CASTE_ISSUER,
			issueDate: '2016-08-10',
			aadhaarLast4: null,
			extra: { caste: 'SIMULATED COMMUNITY B', category: 'ST' },
		},
	},
	{
		family: 'EAADHAAR',
		doctype: 'ADHAR',
		source: 'xml',
		uri: 'in.gov.sim.uidai-ADHAR-04e17addd828baba23196ac959b076a1',
		user: ASHA,
		layout: 'Certificate/CertificateData/KycRes, Kannada LData (07), JPEG Pht',
		facts: ASHA_EAADHAAR,
	},
	{
		family: 'EAADHAAR',
		doctype: 'ADHAR',
		source: 'eaadhaar',
		uri: '',
		user: ASHA,
		layout: 'Certificate/CertificateData/KycRes, Kannada LData (07), JPEG Pht',
		facts: ASHA_EAADHAAR,
	},
	{
		family: 'EAADHAAR',
		doctype: 'ADHAR',
		source: 'xml',
		uri: 'in.gov.sim.uidai-ADHAR-e8a5192d2c8210d0a73e4aaa721d0929',
		user: KIRAN,
		layout: 'Poa without house and street, Marathi LData (13) in Devanagari',
		facts: KIRAN_EAADHAAR,
	},
	{
		family: 'EAADHAAR',
		doctype: 'ADHAR',
		source: 'eaadhaar',
		uri: '',
		user: KIRAN,
		layout: 'Poa without house and street, Marathi LData (13) in Devanagari',
		facts: KIRAN_EAADHAAR,
	},
	{
		family: 'OFFLINE_EKYC',
		doctype: '',
		source: 'fixture',
		uri: 'offline-ekyc.asha.xml',
		user: ASHA,
		layout: 'OfflinePaperlessKyc, Poi with hashed e and m, Poa with careof/landmark, no uid',
		facts: {
			name: 'Asha Simulated Verma',
			dob: '1990-03-05',
			gender: 'F',
			address: ASHA_POA,
			documentNumber: null,
			issuer: null,
			issueDate: null,
			aadhaarLast4: '2346',
			extra: {
				referenceId: '234620240601101530123',
				shareCode: '4321',
				mobile: '9000000001',
				email: 'asha.sim@example.com',
			},
		},
	},
];

module.exports = { DOCUMENT_FAMILIES };
