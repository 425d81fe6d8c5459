import type { XmlElement } from '../../xml/tree';
import { textOf } from '../../xml/query';

export interface DocumentPhoto {
	bytes: Buffer;
	mimeType: string;
	fileExtension: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The photo an element carries as base64 text (whitespace allowed), when it is a JPEG or PNG image. */
export function readPhoto(element: XmlElement | undefined): DocumentPhoto | undefined {
	const text = textOf(element).replace(/\s+/g, '');
	if (text === '' || !BASE64.test(text)) return undefined;
	const bytes = Buffer.from(text, 'base64');
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
		return { bytes, mimeType: 'image/jpeg', fileExtension: 'jpg' };
	}
	if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
		return { bytes, mimeType: 'image/png', fileExtension: 'png' };
	}
	return undefined;
}
