const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[redacted]';

const formEncode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
const base64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

/** A secret as it may be echoed back: as given, trimmed, URL-encoded, form-encoded, in Base64. */
function encodings(secret: string): string[] {
	const trimmed = secret.trim();
	return [secret, trimmed, encodeURIComponent(trimmed), formEncode(trimmed), base64(trimmed)];
}

/**
 * Every form in which this item's secrets could come back in an upstream body, header or message: each value in its
 * encodings, and the app's HTTP Basic credentials (Base64 of `id:secret`, raw and form-encoded, as sent).
 */
export function secretForms(
	values: Array<string | undefined>,
	app?: { clientId: string; clientSecret: string },
): string[] {
	const forms = values
		.filter((value): value is string => typeof value === 'string')
		.flatMap(encodings);
	if (app) {
		forms.push(...encodings(app.clientSecret));
		forms.push(base64(`${app.clientId}:${app.clientSecret}`));
		forms.push(base64(`${formEncode(app.clientId)}:${formEncode(app.clientSecret)}`));
	}
	return forms;
}

/** Replaces every occurrence of each secret in `text`; secrets shorter than 4 characters are ignored. */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	const usable = [...new Set(secrets)]
		.filter(
			(secret): secret is string =>
				typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH,
		)
		.sort((a, b) => b.length - a.length);
	return usable.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}
