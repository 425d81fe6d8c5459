import { validationError } from '../../helpers/errors';
import { extensionOf, mimeTypeForExtension } from './fileNaming';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_TOO_LARGE = "The file to upload is larger than DigiLocker's 10 MB limit";
const ALLOWED_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const FORBIDDEN_NAME_CHARACTERS = /[\\/:*?<>|'^~]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
/** The `path` header carries the name, and DigiLocker documents no encoding for anything outside ASCII. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** The type the bytes themselves show, from their first bytes. */
export function sniffFileType(bytes: Buffer): string | undefined {
	if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
	if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
		return 'image/png';
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
	return undefined;
}

export function checkUploadFileName(fileName: string): string {
	const name = fileName.trim();
	if (name === '')
		throw validationError('File Name is empty: set it, or give the binary data a file name');
	if (name.length > 200) throw validationError('File Name is longer than 200 characters');
	if (FORBIDDEN_NAME_CHARACTERS.test(name) || CONTROL_CHARACTERS.test(name)) {
		throw validationError(
			"File Name must not contain \\ / : * ? < > | ' ^ ~ or control characters",
		);
	}
	if (NOT_PRINTABLE_ASCII.test(name)) {
		throw validationError(
			'File Name must be plain ASCII: DigiLocker documents no way to send other characters',
		);
	}
	if (
		!mimeTypeForExtension(extensionOf(name)) ||
		!ALLOWED_TYPES.has(mimeTypeForExtension(extensionOf(name)) as string)
	) {
		throw validationError('File Name must end in .pdf, .jpg, .jpeg or .png');
	}
	return name;
}

/** "/", or "/A/B" style folders: no empty, "." or ".." segments, no characters DigiLocker refuses. */
export function checkUploadFolder(folder: string): string {
	const text = folder.trim() === '' ? '/' : folder.trim();
	const segments = text.split('/').slice(1);
	const valid =
		text.startsWith('/') &&
		!CONTROL_CHARACTERS.test(text) &&
		segments.every((segment, index) =>
			segment === ''
				? index === segments.length - 1
				: segment !== '.' && segment !== '..' && !/[\\:*?<>|'^~]/.test(segment),
		);
	if (!valid || text.length > 512) {
		throw validationError(
			"Destination Folder must be a path like / or /Documents/KYC, without . or .. and \\ : * ? < > | ' ^ ~",
		);
	}
	if (NOT_PRINTABLE_ASCII.test(text)) {
		throw validationError(
			'Destination Folder must be plain ASCII: DigiLocker documents no way to send other characters',
		);
	}
	return text.endsWith('/') ? text : `${text}/`;
}

/** The Content-Type to send: what the bytes are, which must agree with the file name and stay within PDF/JPEG/PNG. */
export function checkUploadContent(
	bytes: Buffer,
	fileName: string,
	declaredMimeType: string | undefined,
): string {
	if (bytes.length === 0) throw validationError('The file to upload is empty');
	if (bytes.length > MAX_UPLOAD_BYTES) throw validationError(UPLOAD_TOO_LARGE);
	const sniffed = sniffFileType(bytes);
	if (!sniffed)
		throw validationError(
			'DigiLocker accepts only PDF, JPEG and PNG files, and this file is none of them',
		);
	const byName = mimeTypeForExtension(extensionOf(fileName));
	const declared = declaredMimeType === 'image/jpg' ? 'image/jpeg' : declaredMimeType;
	if (byName !== sniffed || (declared && ALLOWED_TYPES.has(declared) && declared !== sniffed)) {
		throw validationError(
			`The file's content is ${sniffed}, which does not match its name or MIME type`,
		);
	}
	return sniffed;
}
