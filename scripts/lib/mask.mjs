// Masks secrets before an envelope is printed: token and verifier values become their first 6 characters + '…'.
const SECRET_KEYS = new Set(['access_token', 'refresh_token', 'id_token', 'code_verifier', 'code']);

export const maskValue = (value) =>
	typeof value === 'string' && value.length > 0 ? `${value.slice(0, 6)}…` : value;

export function maskSecrets(value) {
	if (Array.isArray(value)) return value.map(maskSecrets);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, inner]) => [
			key,
			SECRET_KEYS.has(key) ? maskValue(inner) : maskSecrets(inner),
		]),
	);
}
