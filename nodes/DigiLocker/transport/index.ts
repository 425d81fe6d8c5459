import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { DigiLockerApp } from '../helpers/appConfig';
import { CREDENTIAL_TYPE } from '../helpers/constants';
import { parseJson, parseJsonObject, tryParseJsonObject } from './jsonBody';
import type { RequestSettings } from '../helpers/requestSettings';
import { parseRetryAfter } from './retryPolicy';
import type { HttpResponse } from '../actions/authorization/tokenResponse';
import { upstreamError, type EndpointKind } from './upstreamErrors';
import { transportFailure } from './failures';
import { withRetries } from './retry';

export type BinaryStream = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

const MAX_ERROR_BODY_BYTES = 64 * 1024;

function baseOptions(
	app: DigiLockerApp,
	settings: RequestSettings,
	path: string,
): IHttpRequestOptions {
	return {
		url: `${app.baseUrl}${path}`,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
		timeout: settings.timeoutMs,
	};
}

/** Plain HTTP through n8n's helper; HTTP error statuses come back as responses, socket failures as coded errors. */
async function send<B>(
	context: IExecuteFunctions,
	app: DigiLockerApp,
	options: IHttpRequestOptions,
): Promise<HttpResponse<B>> {
	try {
		const response = (await context.helpers.httpRequest(options)) as HttpResponse<B>;
		return {
			statusCode: response.statusCode,
			headers: response.headers ?? {},
			body: response.body,
		};
	} catch (error) {
		throw transportFailure(error, app.baseUrl);
	}
}

const asText = (body: unknown) =>
	typeof body === 'string'
		? body
		: Buffer.isBuffer(body)
			? body.toString('utf8')
			: String(body ?? '');

/** Throws DigiLocker's coded error for a non-2xx answer, with its Retry-After. */
function assertSuccess(
	response: HttpResponse<unknown>,
	errorText: string,
	kind: EndpointKind,
): void {
	if (response.statusCode >= 200 && response.statusCode <= 299) return;
	const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now());
	throw upstreamError(response.statusCode, tryParseJsonObject(errorText), kind, retryAfterMs);
}

/** Whole-body answers come as a Buffer or an ArrayBuffer, depending on the HTTP adapter. */
function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (Object.prototype.toString.call(body) === '[object ArrayBuffer]')
		return Buffer.from(body as ArrayBuffer);
	return Buffer.from(String(body ?? ''));
}

async function readSmallText(stream: BinaryStream): Promise<string> {
	if (Buffer.isBuffer(stream) || typeof (stream as { pipe?: unknown }).pipe !== 'function')
		return toBuffer(stream).toString('utf8');
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		chunks.push(chunk);
		size += chunk.length;
		if (size > MAX_ERROR_BODY_BYTES) break;
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * POSTs a form to a client-authenticated endpoint (token, revoke). n8n adds the client authentication from the
 * credential. Never retried: the request may have reached DigiLocker, and codes and refresh tokens work once.
 */
export async function postClientForm(
	this: IExecuteFunctions,
	app: DigiLockerApp,
	path: string,
	form: URLSearchParams,
	settings: RequestSettings,
): Promise<HttpResponse> {
	const options: IHttpRequestOptions = {
		...baseOptions(app, settings, path),
		method: 'POST',
		headers: { Accept: 'application/json' },
		body: form,
		encoding: 'text',
	};
	let response: HttpResponse<unknown>;
	try {
		response = await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		);
	} catch (error) {
		throw transportFailure(error, app.baseUrl);
	}
	return {
		statusCode: response.statusCode,
		headers: response.headers ?? {},
		body: asText(response.body),
	};
}

export interface BearerRequest {
	method: 'GET' | 'POST';
	path: string;
	accessToken: string;
	form?: URLSearchParams;
}

/** A user-token request answered with a JSON object; GETs are retried, POSTs (pull) never. */
export async function bearerJson(
	this: IExecuteFunctions,
	app: DigiLockerApp,
	settings: RequestSettings,
	request: BearerRequest,
): Promise<Record<string, unknown>> {
	const attempt = async () => {
		const response = await send<unknown>(this, app, {
			...baseOptions(app, settings, request.path),
			method: request.method,
			headers: { Accept: 'application/json', Authorization: `Bearer ${request.accessToken}` },
			...(request.form ? { body: request.form } : {}),
			encoding: 'text',
		});
		const text = asText(response.body);
		assertSuccess(response, text, 'bearer');
		return parseJsonObject(text, response.statusCode);
	};
	return request.method === 'GET' ? await withRetries(this, settings, attempt) : await attempt();
}

/**
 * A user-token GET of a file. `consume` gets the body as a stream (or whole bytes when `whole` is set) and the
 * headers of a 2xx answer; a failure while reading it is retried with the whole request, as GETs are idempotent.
 */
export async function bearerFile<T>(
	context: IExecuteFunctions,
	app: DigiLockerApp,
	settings: RequestSettings,
	request: { path: string; accessToken: string; whole?: boolean },
	consume: (response: HttpResponse<BinaryStream>) => Promise<T>,
): Promise<T> {
	return await withRetries<T>(context, settings, async () => {
		const response = await send<BinaryStream>(context, app, {
			...baseOptions(app, settings, request.path),
			method: 'GET',
			headers: { Authorization: `Bearer ${request.accessToken}` },
			encoding: request.whole ? 'arraybuffer' : 'stream',
		});
		if (response.statusCode < 200 || response.statusCode > 299) {
			assertSuccess(response, await readSmallText(response.body).catch(() => ''), 'bearer');
		}
		const body = request.whole ? toBuffer(response.body) : response.body;
		try {
			return await consume({ ...response, body });
		} catch (error) {
			throw transportFailure(error, app.baseUrl);
		}
	});
}

/** Uploads bytes with the user's token. Never retried: a second upload would store the file twice. */
export async function bearerUpload(
	this: IExecuteFunctions,
	app: DigiLockerApp,
	settings: RequestSettings,
	request: { path: string; accessToken: string; headers: Record<string, string>; body: Buffer },
): Promise<Record<string, unknown>> {
	const response = await send<unknown>(this, app, {
		...baseOptions(app, settings, request.path),
		method: 'POST',
		headers: {
			Accept: 'application/json',
			Authorization: `Bearer ${request.accessToken}`,
			...request.headers,
		},
		body: request.body,
		encoding: 'text',
	});
	const text = asText(response.body);
	assertSuccess(response, text, 'bearer');
	return parseJsonObject(text, response.statusCode);
}

/** The client-level meta APIs: a signed form, read-only, so retried like a GET. */
export async function metaPost(
	this: IExecuteFunctions,
	app: DigiLockerApp,
	settings: RequestSettings,
	path: string,
	signForm: () => IDataObject,
): Promise<unknown> {
	return await withRetries(this, settings, async () => {
		const form = new URLSearchParams(signForm() as Record<string, string>);
		const response = await send<unknown>(this, app, {
			...baseOptions(app, settings, path),
			method: 'POST',
			headers: { Accept: 'application/json' },
			body: form,
			encoding: 'text',
		});
		const text = asText(response.body);
		assertSuccess(response, text, 'client');
		return parseJson(text, response.statusCode);
	});
}
