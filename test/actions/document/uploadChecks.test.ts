import {
	checkUploadContent,
	checkUploadFileName,
	checkUploadFolder,
	sniffFileType,
} from '../../../nodes/DigiLocker/actions/document/uploadChecks';

const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const png = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	Buffer.alloc(8),
]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);

describe('upload checks', () => {
	it('recognises PDF, PNG and JPEG by their first bytes', () => {
		expect([pdf, png, jpeg, Buffer.from('GIF89a')].map(sniffFileType)).toEqual([
			'application/pdf',
			'image/png',
			'image/jpeg',
			undefined,
		]);
	});

	it.each(['a.pdf', 'Photo 1.JPG', 'scan.jpeg', 'x.png'])('accepts the file name %s', (name) => {
		expect(checkUploadFileName(name)).toBe(name);
	});

	it.each([
		['', 'File Name is empty: set it, or give the binary data a file name'],
		['a/b.pdf', "File Name must not contain \\ / : * ? < > | ' ^ ~ or control characters"],
		["it's.pdf", "File Name must not contain \\ / : * ? < > | ' ^ ~ or control characters"],
		['a~b.pdf', "File Name must not contain \\ / : * ? < > | ' ^ ~ or control characters"],
		['a\r\nb.pdf', "File Name must not contain \\ / : * ? < > | ' ^ ~ or control characters"],
		['a.gif', 'File Name must end in .pdf, .jpg, .jpeg or .png'],
		['noextension', 'File Name must end in .pdf, .jpg, .jpeg or .png'],
		[`${'x'.repeat(200)}.pdf`, 'File Name is longer than 200 characters'],
		[
			'दस्तावेज़.pdf',
			'File Name must be plain ASCII: DigiLocker documents no way to send other characters',
		],
		[
			'r\u00e9sum\u00e9.pdf',
			'File Name must be plain ASCII: DigiLocker documents no way to send other characters',
		],
	])('refuses the file name %j', (name, message) => {
		expect(() => checkUploadFileName(name)).toThrow(
			expect.objectContaining({ code: 'VALIDATION_ERROR', message }),
		);
	});

	it.each([
		['', '/'],
		['/', '/'],
		['/Documents', '/Documents/'],
		['/Documents/KYC/', '/Documents/KYC/'],
	])('accepts the folder %j as %s', (folder, normalized) => {
		expect(checkUploadFolder(folder)).toBe(normalized);
	});

	it.each([
		'Documents',
		'/a/../b',
		'/a/./b',
		'//a',
		'/a//b',
		'/a?b',
		'/a\nb',
		'/दस्तावेज़',
		'/Caf\u00e9',
	])('refuses the folder %j', (folder) => {
		expect(() => checkUploadFolder(folder)).toThrow(
			expect.objectContaining({ code: 'VALIDATION_ERROR' }),
		);
	});

	it('gives the content type the bytes show', () => {
		expect(checkUploadContent(pdf, 'a.pdf', 'application/pdf')).toBe('application/pdf');
		expect(checkUploadContent(jpeg, 'a.jpg', 'image/jpg')).toBe('image/jpeg');
		expect(checkUploadContent(png, 'a.png', undefined)).toBe('image/png');
	});

	it.each([
		[Buffer.alloc(0), 'a.pdf', 'application/pdf', 'The file to upload is empty'],
		[
			Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]),
			'a.pdf',
			'application/pdf',
			"The file to upload is larger than DigiLocker's 10 MB limit",
		],
		[
			Buffer.from('GIF89a'),
			'a.pdf',
			'application/pdf',
			'DigiLocker accepts only PDF, JPEG and PNG files, and this file is none of them',
		],
		[
			png,
			'a.pdf',
			'application/pdf',
			"The file's content is image/png, which does not match its name or MIME type",
		],
		[
			pdf,
			'a.pdf',
			'image/png',
			"The file's content is application/pdf, which does not match its name or MIME type",
		],
	])('refuses content %#', (bytes, name, mime, message) => {
		expect(() => checkUploadContent(bytes, name, mime)).toThrow(
			expect.objectContaining({ code: 'VALIDATION_ERROR', message }),
		);
	});
});
