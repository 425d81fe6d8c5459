import { fileNameOf, mimeTypeOf } from '../../../nodes/DigiLocker/actions/document/fileNaming';

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
