import { fileNameOf, mimeTypeOf } from '../../../nodes/DigiLocker/actions/document/fileNaming';

const BIDI = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';

describe('fileNameOf', () => {
	it.each([
		[{ 'content-disposition': 'attachment; filename="marksheet.pdf"' }, 'marksheet.pdf'],
		[
			{ 'content-disposition': "attachment; filename*=UTF-8''m%C3%A4rk%20sheet.pdf" },
			'märk sheet.pdf',
		],
		[{ 'content-disposition': 'attachment; filename="../../etc/passwd"' }, 'passwd'],
		[{ 'content-disposition': 'attachment; filename="a<b>:c.pdf"' }, 'a_b__c.pdf'],
		[{ 'content-type': 'application/pdf' }, 'in.gov.cbse-HSCER-2014.pdf'],
		[{ 'content-type': 'image/jpeg; charset=binary' }, 'in.gov.cbse-HSCER-2014.jpg'],
		[{}, 'in.gov.cbse-HSCER-2014'],
	])('names %j %s', (headers, name) => {
		expect(fileNameOf(headers, 'in.gov.cbse-HSCER-2014')).toBe(name);
	});

	it.each([
		['a right-to-left override', 'attachment; filename="invoice\u202Efdp.exe"', 'invoicefdp.exe'],
		['an isolate', "attachment; filename*=UTF-8''%E2%81%A6a%E2%81%A9.pdf", 'a.pdf'],
		[
			'the left-to-right and right-to-left marks',
			'attachment; filename="\u200Ea\u200F.pdf"',
			'a.pdf',
		],
		['every override and isolate', `attachment; filename="x${BIDI}.pdf"`, 'x.pdf'],
	])('strips %s from the name', (_case, disposition, name) => {
		expect(fileNameOf({ 'content-disposition': disposition }, 'in.gov.x-1')).toBe(name);
	});

	it.each([
		['.', 'attachment; filename="."'],
		['..', 'attachment; filename=".."'],
		['a path ending in ..', 'attachment; filename="a/.."'],
		['.. behind bidi controls', "attachment; filename*=UTF-8''%E2%80%AE..%E2%80%AC"],
		['only bidi controls', `attachment; filename="${BIDI}"`],
		['an encoded ..', "attachment; filename*=UTF-8''%2E%2E"],
	])('falls back to the URI-based name for %s', (_case, disposition) => {
		const headers = { 'content-disposition': disposition, 'content-type': 'application/pdf' };
		expect(fileNameOf(headers, 'in.gov.x-1')).toBe('in.gov.x-1.pdf');
	});

	it('does not add an extension the URI already has', () => {
		expect(fileNameOf({ 'content-type': 'application/xml' }, 'cert.xml')).toBe('cert.xml');
	});
});

describe('mimeTypeOf', () => {
	it.each([
		[{ 'content-type': 'Application/PDF; x=1' }, 'a', 'application/pdf'],
		[{}, 'photo.PNG', 'image/png'],
		[{}, 'blob', 'application/octet-stream'],
	])('reads %j with name %s as %s', (headers, name, mime) => {
		expect(mimeTypeOf(headers, name)).toBe(mime);
	});
});
