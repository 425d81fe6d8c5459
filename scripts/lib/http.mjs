// One HTTP request the way a browser's address bar makes it, without following redirects:
// -> { status, location, contentType, text, json } (json: parsed body or null).
export async function request(url, { method = 'GET', json, timeoutMs = 30_000 } = {}) {
	const res = await fetch(url, {
		method,
		redirect: 'manual',
		headers: json === undefined ? {} : { 'content-type': 'application/json' },
		body: json === undefined ? undefined : JSON.stringify(json),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await res.text();
	let parsed = null;
	try {
		parsed = JSON.parse(text);
	} catch {
		// not JSON
	}
	return {
		status: res.status,
		location: res.headers.get('location'),
		contentType: res.headers.get('content-type'),
		text,
		json: parsed,
	};
}

/** Adds query parameters to a URL string. */
export function withQuery(url, params) {
	const u = new URL(url);
	for (const [key, value] of Object.entries(params)) u.searchParams.set(key, value);
	return u.toString();
}
