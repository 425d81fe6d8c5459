'use strict';

/**
 * SSCER and HSCER, Class X and XII marksheets (school board), after APISetu's CBSE schema:
 * `CertificateData/School`, `Examination`, `Performance/Subjects/Subject` with theory, practical
 * and total marks and a grade per subject. Marks derive from the URI. Person has the board's
 * extra attributes (motherName, disabilityStatus, category) and a structured permanent address.
 * Dates follow the holder's date layout; layout 1 is indented.
 */

const crypto = require('crypto');
const { el } = require('../xml-build');
const { certificateDocument } = require('../certificate-xml');
const { formatDate, fromIso } = require('../date-layout');
const { dateLayoutOf, organization, photo, structuredAddress } = require('./common');

/** @type {Record<string, { exam: string, subjects: Array<[string, string]> }>} */
const EXAMS = {
	SSCER: {
		exam: 'SECONDARY SCHOOL EXAMINATION',
		subjects: [
			['ENGLISH LNG & LIT.', '184'],
			['HINDI COURSE-A', '002'],
			['MATHEMATICS STANDARD', '041'],
			['SCIENCE', '086'],
			['SOCIAL SCIENCE', '087'],
		],
	},
	HSCER: {
		exam: 'SENIOR SCHOOL CERTIFICATE EXAMINATION',
		subjects: [
			['ENGLISH CORE', '301'],
			['MATHEMATICS', '041'],
			['PHYSICS', '042'],
			['CHEMISTRY', '043'],
			['COMPUTER SCIENCE', '083'],
		],
	},
};

/** @param {number} total out of 100 */
function gradeOf(total) {
	const bands = /** @type {Array<[number, string]>} */ ([
		[91, 'A1'],
		[81, 'A2'],
		[71, 'B1'],
		[61, 'B2'],
		[51, 'C1'],
		[41, 'C2'],
		[33, 'D'],
	]);
	return bands.find(([min]) => total >= min)?.[1] ?? 'E';
}

/**
 * @param {import('./common').FamilyDoc} doc
 * @param {import('../holder').Holder} holder
 */
function buildMarksheet(doc, holder) {
	const layout = dateLayoutOf(holder);
	const { exam, subjects } = EXAMS[doc.doctype] ?? EXAMS.HSCER;
	const year = /^(\d{4})\//.exec(doc.number)?.[1] ?? doc.date.slice(0, 4);
	const h = crypto.createHash('sha256').update(doc.uri).digest();
	let sum = 0;
	const rows = subjects.map(([name, code], i) => {
		const theory = 40 + (h[i] % 31);
		const practical = 20 + (h[i + 8] % 11);
		const total = theory + practical;
		sum += total;
		return el('Subject', {
			name,
			code,
			marksTheory: String(theory),
			marksMaxTheory: '70',
			marksPractical: String(practical),
			marksMaxPractical: '30',
			marksTotal: String(total),
			marksMax: '100',
			gp: '',
			gpMax: '',
			grade: gradeOf(total),
		});
	});
	const max = subjects.length * 100;
	const a = holder.address;
	return certificateDocument({
		indented: holder.layout === 1,
		attributes: {
			language: '99',
			name: doc.name,
			type: doc.doctype,
			number: doc.number,
			issuedAt: '',
			issueDate: formatDate(fromIso(doc.date), layout),
			validFromDate: '',
			status: 'A',
		},
		organization: organization(doc.issuer, '', 'CG'),
		person: el(
			'Person',
			{
				uid: '',
				title: '',
				name: holder.name.toUpperCase(),
				dob: formatDate(holder.dob, layout),
				swd: holder.guardian.name.toUpperCase(),
				swdIndicator: holder.guardian.indicator,
				motherName: '',
				gender: holder.gender,
				maritalStatus: '',
				disabilityStatus: '',
				category: '',
				religion: '',
				phone: '',
				email: '',
			},
			[structuredAddress('Address', 'permanent', a), photo(holder, false)],
		),
		data: [
			el('School', {
				name: `SIMULATED PUBLIC SCHOOL ${a.vtc.toUpperCase()}`,
				code: String(10000 + (h.readUInt16BE(20) % 90000)),
			}),
			el('Examination', { name: exam, month: 'MARCH', year }),
			el(
				'Performance',
				{
					result: 'PASS',
					marksTotal: String(sum),
					marksMax: String(max),
					percentage: ((sum * 100) / max).toFixed(2),
					cgpa: '',
					cgpaMax: '',
					grade: '',
					resultDate: formatDate({ day: '28', month: '05', year }, layout),
					updateDate: '',
				},
				[el('Subjects', {}, rows)],
			),
		],
		signer: `CN=Simulated Digital India Corporation,O=DigiLocker Simulator,C=IN`,
	});
}

module.exports = { buildMarksheet };
