import { extractFacts } from '../../../nodes/DigiLocker/document/facts';
import { isLikelyAadhaar } from '../../../nodes/DigiLocker/document/facts/aadhaar';
import { readXml } from '../../../nodes/DigiLocker/xml/reader';
import {
	DIGILOCKER_EAADHAAR,
	DRIVING_LICENCE,
	JPEG_BASE64,
	MARKSHEET,
	OTHER_XML,
	PAN_WITH_FULL_UID,
	UIDAI_OFFLINE,
} from './documents';

const facts = (xml: string, detail: 'minimal' | 'full' = 'minimal') => {
	const bytes = Buffer.from(xml, 'utf8');
	return extractFacts(readXml(bytes), bytes, detail);
};

/** Every 12-digit run (together, spaced or dashed) in the output that could be an Aadhaar number. */
function fullAadhaarNumbersIn(value: unknown): string[] {
	const text = JSON.stringify(value);
	return [...text.matchAll(/(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)/g)]
		.map((match) => match[0].replace(/\D/g, ''))
		.filter(isLikelyAadhaar);
}

const ALL = [
	DIGILOCKER_EAADHAAR,
	UIDAI_OFFLINE,
	PAN_WITH_FULL_UID,
	DRIVING_LICENCE,
	MARKSHEET,
	OTHER_XML,
];

describe('extractFacts: e-Aadhaar', () => {
	it('reads DigiLocker e-Aadhaar into identity facts only, by default', () => {
		const { data, photo } = facts(DIGILOCKER_EAADHAAR);
		expect(photo).toBeUndefined();
		expect(data).toEqual({
			format: 'e-aadhaar',
			document_type: 'ADHAR',
			source: 'digilocker',
			name: 'Asha Simulated Verma',
			dob: '1991-02-14',
			gender: 'F',
			address: {
				care_of: 'D/O Ravi Verma',
				house: '12',
				street: 'Simulation Street',
				landmark: 'Near Test Park',
				locality: 'Sandbox Layout',
				vtc: 'Mocknagar',
				sub_district: 'Fixture Taluk',
				district: 'Fixture District',
				state: 'Karnataka',
				pincode: '560001',
				post_office: 'Mocknagar',
				country: 'India',
				full: 'D/O Ravi Verma, 12, Simulation Street, Near Test Park, Sandbox Layout, Mocknagar, Fixture Taluk, Fixture District, Karnataka, 560001, Mocknagar, India',
			},
			aadhaar_last4: '4821',
			issued_at: '2024-06-01T05:00:00.123Z',
			sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
	});

	it('adds local-language data, the values as written and the JPEG photo with Full detail', () => {
		const { data, photo } = facts(DIGILOCKER_EAADHAAR, 'full');
		expect(data.local_language).toEqual({
			language: '07',
			name: 'ಆಶಾ ವರ್ಮಾ',
			address: { care_of: 'ರವಿ ವರ್ಮಾ', vtc: 'ಮಾಕ್‌ನಗರ', full: 'ರವಿ ವರ್ಮಾ, ಮಾಕ್‌ನಗರ' },
		});
		expect(data.as_written).toEqual({
			dob: '14-02-1991',
			gender: 'F',
			issued_at: '2024-06-01T10:30:00.123+05:30',
		});
		expect(photo?.mimeType).toBe('image/jpeg');
		expect(photo?.bytes.toString('base64')).toBe(JPEG_BASE64);
	});

	it("reads UIDAI's offline e-KYC: last 4 digits and time from referenceId, a year-only birth date", () => {
		const { data } = facts(UIDAI_OFFLINE);
		expect(data).toMatchObject({
			format: 'e-aadhaar',
			source: 'uidai_offline',
			name: 'Ravi Sim Kumar',
			dob: '1991',
			gender: 'M',
			aadhaar_last4: '4821',
			issued_at: '2024-06-01T05:00:00.123Z',
		});
		expect(data.address).toMatchObject({ care_of: 'S/O Mohan Kumar', landmark: 'Old Well' });
		expect(facts(UIDAI_OFFLINE, 'full').data.hashes).toEqual({ email: '5f2a', mobile: '9c1d' });
	});
});

describe('extractFacts: issued certificates', () => {
	it('reads a PAN record, giving only the last 4 digits of the full Aadhaar number it holds', () => {
		const { data } = facts(PAN_WITH_FULL_UID);
		expect(data).toEqual({
			format: 'certificate',
			document_type: 'PANCR',
			name: 'PAN Verification Record',
			number: 'ABCPV1234K',
			issuer: { name: 'Income Tax Department', code: 'ITD' },
			issue_date: '2020-03-05',
			status: 'A',
			holder: {
				name: 'Asha Simulated Verma',
				dob: '1991-02-14',
				gender: 'F',
				aadhaar_last4: '2346',
			},
			sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(facts(PAN_WITH_FULL_UID, 'full').data.fields).toEqual({
			'PAN.num': 'ABCPV1234K',
			'PAN.verifiedOn': '05-03-2020 10:11:12',
			'PAN.note': 'linked to XXXX XXXX 2346',
		});
	});

	it('reads a driving licence with an address, validity and (Full) photo and categories', () => {
		const { data, photo } = facts(DRIVING_LICENCE, 'full');
		expect(data).toMatchObject({
			document_type: 'DRVLC',
			number: 'KA0120201234567',
			issue_date: '2020-01-10',
			valid_from: '2020-01-10',
			valid_to: '2040-01-09',
			status: 'Active',
			holder: {
				name: 'Ravi Sim Kumar',
				dob: '1988-12-31',
				gender: 'M',
				aadhaar_last4: '9012',
				address: {
					street: '7, Lane 2, Test Colony',
					vtc: 'Testpur',
					district: 'Fixture District',
					state: 'Karnataka',
					pincode: '560002',
					country: 'IN',
					full: '7, Lane 2, Test Colony, Testpur, Fixture District, Karnataka, 560002, IN',
				},
			},
		});
		expect(data.fields).toMatchObject({
			'DrivingLicense.verifiedOn': '10-01-2020',
			'DrivingLicense.Categories.Category[0].abbreviation': 'LMV',
			'DrivingLicense.Categories.Category[1].abbreviation': 'MCWG',
		});
		expect(photo?.mimeType).toBe('image/jpeg');
	});

	it('flattens a nested marksheet into numbered paths', () => {
		const { data } = facts(MARKSHEET, 'full');
		expect(data.fields).toEqual({
			'School.name': 'Sim Public School',
			'School.code': '99999',
			'Examination.name': 'AISSE',
			'Examination.month': 'March',
			'Examination.year': '2007',
			'Performance.result': 'PASS',
			'Performance.percentage': '91.2',
			'Performance.Subjects.Subject[0].name': 'MATHEMATICS',
			'Performance.Subjects.Subject[0].code': '041',
			'Performance.Subjects.Subject[0].marksTotal': '95',
			'Performance.Subjects.Subject[1].name': 'SCIENCE',
			'Performance.Subjects.Subject[1].code': '086',
			'Performance.Subjects.Subject[1].marksTotal': '92',
		});
		expect(facts(MARKSHEET).data.fields).toBeUndefined();
	});
});

describe('extractFacts: anything else', () => {
	it('keeps every element, attribute and text in a generic form', () => {
		expect(facts(OTHER_XML).data).toEqual({
			format: 'generic',
			root: {
				name: 'Invoice',
				attributes: { id: '42' },
				children: [
					{ name: 'Line', attributes: { qty: '1' }, children: ['Tea & biscuits'] },
					{ name: 'Note', attributes: {}, children: ['Aadhaar XXXX XXXX 2346'] },
				],
			},
			sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
	});
});

describe('extractFacts: what never comes out', () => {
	it.each(ALL.flatMap((xml) => [[xml, 'minimal'] as const, [xml, 'full'] as const]))(
		'no full Aadhaar number in any output (%#)',
		(xml, detail) => {
			expect(fullAadhaarNumbersIn(facts(xml, detail).data)).toEqual([]);
		},
	);

	it('gives the sha256 of the exact bytes', () => {
		const bytes = Buffer.from(MARKSHEET, 'utf8');
		const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
		expect(extractFacts(readXml(bytes), bytes, 'minimal').data.sha256).toBe(
			createHash('sha256').update(bytes).digest('hex'),
		);
	});
});
