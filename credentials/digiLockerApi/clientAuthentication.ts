import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks of each Basic part (space as "+"). */
const formEncode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);

/**
 * Adds the app's client authentication to a token or revoke request: an HTTP Basic header, or
 * `client_id` and `client_secret` form fields, as the credential's "Client Authentication" says.
 */
export function applyClientAuthentication(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '').trim();
	if (credentials.clientAuthentication === 'body') {
		const { body } = requestOptions;
		if (body instanceof URLSearchParams) {
			const form = new URLSearchParams(body);
			form.set('client_id', clientId);
			form.set('client_secret', clientSecret);
			return { ...requestOptions, body: form };
		}
		const fields = typeof body === 'object' && body !== null ? (body as IDataObject) : {};
		return {
			...requestOptions,
			body: { ...fields, client_id: clientId, client_secret: clientSecret },
		};
	}
	const basic = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString(
		'base64',
	);
	return {
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Basic ${basic}` },
	};
}
