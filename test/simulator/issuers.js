'use strict';

/**
 * Simulated issuers for the meta APIs and Pull Document: organisations, their document types,
 * the search parameters of each, and issuer "database" records that a pull can find. All of it
 * is invented.
 */

/**
 * @typedef {object} SimParameter
 * @property {string} label
 * @property {string} paramname
 * @property {string} example
 * @property {string | null} valuelist comma-separated allowed values, or null
 */

/**
 * @typedef {object} SimDoctype
 * @property {string} doctype 5 characters
 * @property {string} description
 * @property {string[]} mime what a pulled document offers, e.g. ['application/pdf','application/xml']
 * @property {boolean} aadhaarRequired pulling needs eaadhaar 'Y' (else aadhaar_not_linked)
 * @property {SimParameter[]} parameters
 */

/**
 * @typedef {object} SimIssuer
 * @property {string} orgid
 * @property {string} issuerid
 * @property {string} name
 * @property {string} description
 * @property {string} categories
 * @property {SimDoctype[]} doctypes
 */

/**
 * @typedef {object} PullRecord
 * @property {string} orgid
 * @property {string} doctype
 * @property {Record<string, string>} values paramname -> value (compared trimmed, case-insensitively)
 * @property {string} number the document number; the URI is `${issuerid}-${doctype}-${number}`
 * @property {boolean} [pending] answer pull_response_pending instead of issuing
 */

const PDF_XML = ['application/pdf', 'application/xml'];

/** @type {SimIssuer[]} */
const DEFAULT_ISSUERS = [
	{
		orgid: '001891',
		issuerid: 'in.gov.sim.transport',
		name: 'Simulated Transport Department',
		description: 'Driving licences and vehicle registrations (simulated)',
		categories: 'Transport',
		doctypes: [
			{
				doctype: 'DRVLC',
				description: 'Driving Licence',
				mime: PDF_XML,
				aadhaarRequired: false,
				parameters: [
					{
						label: 'Driving Licence Number',
						paramname: 'dl_no',
						example: 'SM0120150001234',
						valuelist: null,
					},
					{
						label: 'Date of Birth (DD-MM-YYYY)',
						paramname: 'dob',
						example: '01-01-1995',
						valuelist: null,
					},
				],
			},
			{
				doctype: 'RVCER',
				description: 'Registration of Vehicles',
				mime: PDF_XML,
				aadhaarRequired: false,
				parameters: [
					{
						label: 'Registration Number',
						paramname: 'reg_no',
						example: 'SM01AB1234',
						valuelist: null,
					},
					{
						label: 'Last 5 characters of Chassis Number',
						paramname: 'chasis_no',
						example: '56789',
						valuelist: null,
					},
				],
			},
		],
	},
	{
		orgid: '002345',
		issuerid: 'in.gov.sim.pan',
		name: 'Simulated Income Tax Department',
		description: 'PAN verification records (simulated)',
		categories: 'Central Government',
		doctypes: [
			{
				doctype: 'PANCR',
				description: 'PAN Verification Record',
				mime: ['application/pdf'],
				aadhaarRequired: false,
				parameters: [
					{ label: 'PAN', paramname: 'panno', example: 'SIMPZ9999Z', valuelist: null },
					{
						label: 'Full Name',
						paramname: 'fullname',
						example: 'Sim Pull Tester',
						valuelist: null,
					},
				],
			},
		],
	},
	{
		orgid: '003456',
		issuerid: 'in.gov.sim.board',
		name: 'Simulated School Board',
		description: 'Class X and XII marksheets (simulated)',
		categories: 'Education',
		doctypes: [
			{
				doctype: 'SSCER',
				description: 'Class X Marksheet',
				mime: PDF_XML,
				aadhaarRequired: true,
				parameters: [
					{ label: 'Roll Number', paramname: 'rroll', example: '1234567', valuelist: null },
					{
						label: 'Year of Passing',
						paramname: 'year',
						example: '2006',
						valuelist: '2004,2005,2006,2007,2008,2009,2010',
					},
				],
			},
			{
				doctype: 'HSCER',
				description: 'Class XII Marksheet',
				mime: PDF_XML,
				aadhaarRequired: true,
				parameters: [
					{ label: 'Roll Number', paramname: 'rroll', example: '7654321', valuelist: null },
					{
						label: 'Year of Passing',
						paramname: 'year',
						example: '2008',
						valuelist: '2004,2005,2006,2007,2008,2009,2010',
					},
				],
			},
		],
	},
];

/** @type {PullRecord[]} */
const DEFAULT_PULL_RECORDS = [
	{
		orgid: '001891',
		doctype: 'RVCER',
		values: { reg_no: 'SM01AB1234', chasis_no: '56789' },
		number: 'SM01AB1234',
	},
	{
		orgid: '001891',
		doctype: 'RVCER',
		values: { reg_no: 'SM02CD5678', chasis_no: '24680' },
		number: 'SM02CD5678',
		pending: true,
	},
	{
		orgid: '001891',
		doctype: 'DRVLC',
		values: { dl_no: 'SM0120150001234', dob: '01-01-1995' },
		number: 'SM0120150001234',
	},
	{
		orgid: '002345',
		doctype: 'PANCR',
		values: { panno: 'SIMPZ9999Z', fullname: 'Sim Pull Tester' },
		number: 'SIMPZ9999Z',
	},
	{
		orgid: '003456',
		doctype: 'SSCER',
		values: { rroll: '1234567', year: '2006' },
		number: '2006/1234567',
	},
	{
		orgid: '003456',
		doctype: 'HSCER',
		values: { rroll: '7654321', year: '2008' },
		number: '2008/7654321',
	},
];

/**
 * @param {string} orgid
 * @returns {SimIssuer | undefined}
 */
function findIssuer(orgid) {
	return DEFAULT_ISSUERS.find((issuer) => issuer.orgid === orgid);
}

/**
 * @param {SimIssuer} issuer
 * @param {string} doctype
 * @returns {SimDoctype | undefined}
 */
function findDoctype(issuer, doctype) {
	return issuer.doctypes.find((d) => d.doctype === doctype);
}

module.exports = { DEFAULT_ISSUERS, DEFAULT_PULL_RECORDS, findIssuer, findDoctype };
