const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[redacted]';

/** Replaces every occurrence of each secret in `text`; secrets shorter than 4 characters are ignored. */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	const usable = secrets
		.filter(
			(secret): secret is string =>
				typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH,
		)
		.sort((a, b) => b.length - a.length);
	return usable.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}
