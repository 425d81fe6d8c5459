import {
	aadhaarLastFour,
	isLikelyAadhaar,
	maskAadhaarNumbers,
} from '../../../nodes/DigiLocker/document/facts/aadhaar';
import { toIsoDate, toIsoTimestamp } from '../../../nodes/DigiLocker/document/facts/dates';
import { toGender } from '../../../nodes/DigiLocker/document/facts/gender';

describe('toIsoDate', () => {
	it.each([
		['31-12-1990', '1990-12-31'],
		['31/12/1990', '1990-12-31'],
		['31121990', '1990-12-31'],
		['1990-12-31', '1990-12-31'],
		['05-03-2024 10:11:12', '2024-03-05'],
		['05/03/2024T00:00:00.000000Z', '2024-03-05'],
		['29-02-2000', '2000-02-29'],
		['1987', '1987'],
	])('reads %s as %s', (raw, iso) => {
		expect(toIsoDate(raw)).toBe(iso);
	});

	it.each([
		'',
		'31-13-1990',
		'32-01-1990',
		'29-02-1900',
		'29-02-2023',
		'1990/12/31',
		'12-1990',
		'soon',
		'0000',
	])('gives nothing for %p', (raw) => {
		expect(toIsoDate(raw)).toBeUndefined();
	});
});

describe('toIsoTimestamp', () => {
	it('reads an offset or a naive time and answers in UTC', () => {
		expect(toIsoTimestamp('2024-06-01T10:30:00.123+05:30')).toBe('2024-06-01T05:00:00.123Z');
		expect(toIsoTimestamp('2024-06-01T10:30:00Z')).toBe('2024-06-01T10:30:00.000Z');
		expect(toIsoTimestamp('yesterday')).toBeUndefined();
		expect(toIsoTimestamp('2024-13-01T10:30:00Z')).toBeUndefined();
	});
});

describe('toGender', () => {
	it.each([
		['M', 'M'],
		['MALE', 'M'],
		['Male', 'M'],
		[' f ', 'F'],
		['Female', 'F'],
		['T', 'T'],
		['Transgender', 'T'],
	])('%p is %p', (raw, gender) => {
		expect(toGender(raw)).toBe(gender);
	});

	it('gives nothing for spellings it does not know', () => {
		expect(toGender('O')).toBeUndefined();
		expect(toGender('')).toBeUndefined();
		expect(toGender(undefined)).toBeUndefined();
	});
});

describe('Aadhaar numbers', () => {
	it("knows the fact sheet's test vectors", () => {
		expect(isLikelyAadhaar('234123412346')).toBe(true);
		expect(isLikelyAadhaar('234123412347')).toBe(false);
		expect(isLikelyAadhaar('123412341234')).toBe(false);
	});

	it('masks likely numbers written together, spaced or dashed, and nothing else', () => {
		expect(maskAadhaarNumbers('uid 234123412346.')).toBe('uid XXXX XXXX 2346.');
		expect(maskAadhaarNumbers('2341 2341 2346 and 2341-2341-2346')).toBe(
			'XXXX XXXX 2346 and XXXX XXXX 2346',
		);
		expect(maskAadhaarNumbers('234123412347 (wrong check digit)')).toBe(
			'234123412347 (wrong check digit)',
		);
		expect(maskAadhaarNumbers('92341234123460')).toBe('92341234123460');
	});

	it('finds the last four digits of masked and full uids', () => {
		expect(aadhaarLastFour('xxxxxxxx1234')).toBe('1234');
		expect(aadhaarLastFour('234123412346')).toBe('2346');
		expect(aadhaarLastFour('')).toBeUndefined();
	});
});
