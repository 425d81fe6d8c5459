const EXTENSION_BY_MIME: Record<string, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/png': 'png',
	'application/xml': 'xml',
	'text/xml': 'xml',
	'application/json': 'json',
};

const MIME_BY_EXTENSION: Record<string, string> = {
	pdf: 'application/pdf',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	xml: 'application/xml',
	json: 'application/json',
};

const headerText = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export function extensionOf(fileName: string): string {
	const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
	return match ? match[1].toLowerCase() : '';
}

export function mimeTypeForExtension(extension: string): string | undefined {
	return MIME_BY_EXTENSION[extension.toLowerCase()];
}

/** The response's Content-Type without parameters, else what the file name suggests, else binary. */
export function mimeTypeOf(headers: Record<string, unknown>, fileName: string): string {
	const contentType = headerText(headers['content-type']);
	if (typeof contentType === 'string' && contentType.trim() !== '') {
		return contentType.split(';')[0].trim().toLowerCase();
	}
	return mimeTypeForExtension(extensionOf(fileName)) ?? 'application/octet-stream';
}

function fileNameFromDisposition(disposition: unknown): string | undefined {
	if (typeof disposition !== 'string') return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			// fall through to the plain parameter
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
	return plain ? plain[1].trim() : undefined;
}

/** Marks and overrides that reorder how a name is shown, so `cod.exe` can display as `exe.doc`. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A safe file name: no path, no control, bidi or reserved characters; undefined when nothing usable is left. */
function sanitize(fileName: string): string | undefined {
	const base = (fileName.split(/[/\\]/).pop() ?? '').replace(BIDI_CONTROLS, '').trim();
	// eslint-disable-next-line no-control-regex
	const safe = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').slice(0, 200);
	return safe === '' || safe === '.' || safe === '..' ? undefined : safe;
}

/** Content-Disposition's file name, else the document URI with an extension for its MIME type. */
export function fileNameOf(
	headers: Record<string, unknown>,
	uri: string,
	fallbackMime?: string,
): string {
	const fromHeader = fileNameFromDisposition(headerText(headers['content-disposition']));
	const safeFromHeader = fromHeader === undefined ? undefined : sanitize(fromHeader);
	if (safeFromHeader) return safeFromHeader;
	const contentType = headerText(headers['content-type']);
	const mime =
		typeof contentType === 'string' ? contentType.split(';')[0].trim().toLowerCase() : fallbackMime;
	const extension = (mime && EXTENSION_BY_MIME[mime]) ?? '';
	const base = sanitize(uri) ?? 'document';
	return extension && extensionOf(base) !== extension ? `${base}.${extension}` : base;
}
