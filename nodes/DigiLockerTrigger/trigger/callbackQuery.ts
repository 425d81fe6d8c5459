/** A callback URL's query is a few hundred characters; anything near this is not DigiLocker. */
export const MAX_QUERY_LENGTH = 8192;

const CODE = /^[\x21-\x7e]{1,2048}$/;
const STATE = /^[\x21-\x7e]{1,4096}$/;
const OAUTH_ERROR = /^[A-Za-z0-9_.-]{1,64}$/;

export interface CallbackQuery {
	state?: string;
	code?: string;
	error?: string;
}

/**
 * Reads the callback's query from the raw request URL, or gives undefined when it is not a callback DigiLocker would
 * send: too long, a parameter repeated, a value out of shape, neither or both of `code` and `error`.
 */
export function readCallbackQuery(rawUrl: string): CallbackQuery | undefined {
	const mark = rawUrl.indexOf('?');
	const rawQuery = mark === -1 ? '' : rawUrl.slice(mark + 1);
	if (rawQuery.length > MAX_QUERY_LENGTH) return undefined;
	const params = new URLSearchParams(rawQuery);
	const seen = new Set<string>();
	for (const key of params.keys()) {
		if (seen.has(key)) return undefined;
		seen.add(key);
	}
	const read = (name: string, shape: RegExp): string | undefined | null => {
		const value = params.get(name);
		if (value === null) return undefined;
		return shape.test(value) ? value : null;
	};
	const state = read('state', STATE);
	const code = read('code', CODE);
	const error = read('error', OAUTH_ERROR);
	if (state === null || code === null || error === null) return undefined;
	if ((code === undefined) === (error === undefined)) return undefined;
	return { state, code, error };
}
