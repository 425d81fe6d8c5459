import type { IDataObject } from 'n8n-workflow';

import { invalidResponse } from '../../helpers/errors';

function readItems(body: Record<string, unknown>, status: number, list: string): IDataObject[] {
	const { items } = body;
	if (!Array.isArray(items))
		throw invalidResponse(`The ${list} list from DigiLocker has no "items" array`, status);
	items.forEach((item, index) => {
		if (typeof item !== 'object' || item === null || Array.isArray(item)) {
			throw invalidResponse(
				`Entry ${index} of the ${list} list from DigiLocker is not an object`,
				status,
			);
		}
	});
	return items as IDataObject[];
}

/** `mime` as a list, whatever DigiLocker sent: the v2 array, the v1 string, or nothing. */
export function mimeList(mime: unknown): string[] {
	if (Array.isArray(mime))
		return mime.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
	if (typeof mime === 'string' && mime.trim() !== '')
		return mime
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
	return [];
}

export function normalizeIssuedList(body: Record<string, unknown>, status: number): IDataObject[] {
	return readItems(body, status, 'issued documents').map((item) => ({
		...item,
		mime: mimeList(item.mime),
	}));
}

export function normalizeUploadedList(
	body: Record<string, unknown>,
	status: number,
): IDataObject[] {
	return readItems(body, status, 'uploaded documents');
}
