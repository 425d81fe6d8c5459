import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { DigiLockerApp } from '../helpers/appConfig';
import { CREDENTIAL_TYPE } from '../helpers/constants';
import { DigiLockerError } from '../helpers/errors';
import type { RequestSettings } from '../helpers/requestSettings';
import {
	MAX_ERROR_BODY_BYTES,
	MAX_JSON_BYTES,
	MAX_XML_BYTES,
	discardBody,
	readCapped,
} from './body';
import { closeOnAbort, requestSignals, untilAborted, type RequestSignals } from './deadline';
import { transportFailure } from './failures';
import type { BinaryStream, HttpResponse } from './httpResponse';
import { parseJson, tryParseJsonObject } from './jsonBody';
import { signalOfFailure, signalOfStatus } from './pacer';
import { withRetries } from './retry';
import { parseRetryAfter } from './retryPolicy';
import { oauthErrorIn, upstreamError, type EndpointKind } from './upstreamErrors';

export type { BinaryStream, HttpResponse } from './httpResponse';

interface Call {
	method: 'GET' | 'POST';
	path: string;
	kind: EndpointKind;
	headers?: Record<string, string>;
	body?: URLSearchParams | Buffer;
	/** n8n adds the app's client authentication from the credential (token and revoke endpoints). */
	clientAuthenticated?: boolean;
}

interface OpenAnswer {
	response: HttpResponse<BinaryStream>;
	signals: RequestSignals;
	/** Stops the deadline from closing the body; call once the body has been read. */
	release: () => void;
}

const isSuccess = (status: number) => status >= 200 && status <= 299;

function redirectRefused(status: number, location: unknown): DigiLockerError {
	const target = Array.isArray(location) ? location[0] : location;
	let host = 'an unreadable address';
	try {
		host = new URL(String(target)).host || host;
	} catch {
		// a relative or broken Location: name no host
	}
	return new DigiLockerError(
		'UPSTREAM_ERROR',
		`DigiLocker answered HTTP ${status}, a redirect to ${host}; redirects are never followed, so nothing was sent there`,
		{
			status,
			hint: 'Check the environment or base URL of the credential: it should point at the DigiLocker API itself.',
		},
	);
}

/** Node runs and the DigiLocker Trigger's webhook both send through here. */
type HttpContext = IExecuteFunctions | IWebhookFunctions;

/**
 * Sends one request through n8n's HTTP helper and hands back a 2xx answer with its body still a stream. Redirects
 * are refused (n8n would re-attach credentials across origins); other non-2xx answers become DigiLocker's coded
 * error. The Timeout is a deadline for the whole request, body included; the execution's cancel aborts it too.
 */
async function open(
	context: HttpContext,
	app: DigiLockerApp,
	settings: RequestSettings,
	call: Call,
): Promise<OpenAnswer> {
	const cancel =
		'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal?.() : undefined;
	// a shared Retry-After pause is waited out first: the Timeout counts from the send
	const { pacer } = settings;
	const ticket = pacer ? await pacer.beforeSend(cancel) : undefined;
	const signals = requestSignals(settings.timeoutMs, cancel);
	const options: IHttpRequestOptions = {
		url: `${app.baseUrl}${call.path}`,
		method: call.method,
		headers: call.headers,
		...(call.body ? { body: call.body } : {}),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		json: false,
		encoding: 'stream',
		abortSignal: signals.signal,
		timeout: settings.timeoutMs,
	};
	let response: HttpResponse<BinaryStream>;
	try {
		const sent: Promise<HttpResponse<BinaryStream>> = call.clientAuthenticated
			? context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, options)
			: context.helpers.httpRequest(options);
		response = await untilAborted(sent, signals.signal, (late) => discardBody(late.body));
	} catch (error) {
		const failure = transportFailure(error, app.baseUrl, signals);
		if (pacer && ticket) pacer.record(ticket, signalOfFailure(failure));
		throw failure;
	}
	const { statusCode, body } = response;
	const headers = response.headers ?? {};
	if (pacer && ticket)
		pacer.record(
			ticket,
			signalOfStatus(statusCode),
			isSuccess(statusCode) ? undefined : parseRetryAfter(headers['retry-after'], Date.now()),
		);
	const release = closeOnAbort(body, signals.signal);
	if (statusCode >= 300 && statusCode <= 399) {
		discardBody(body);
		throw redirectRefused(statusCode, headers.location);
	}
	if (!isSuccess(statusCode)) {
		const errorText = await readCapped(body, headers, statusCode, {
			maxBytes: MAX_ERROR_BODY_BYTES,
			what: 'error answer',
			truncate: true,
		}).then(
			(bytes) => bytes.toString('utf8'),
			() => '',
		);
		release();
		const retryAfterMs = parseRetryAfter(headers['retry-after'], Date.now());
		const slowedDown =
			signalOfStatus(statusCode) === 'overload' &&
			pacer !== undefined &&
			ticket !== undefined &&
			pacer.sentAboveLimit(ticket);
		throw upstreamError(
			statusCode,
			tryParseJsonObject(errorText),
			call.kind,
			retryAfterMs,
			slowedDown,
		);
	}
	return { response: { statusCode, headers, body }, signals, release };
}

async function readWhole(
	app: DigiLockerApp,
	{ response, signals }: OpenAnswer,
	maxBytes: number,
	what: string,
): Promise<Buffer> {
	try {
		return await readCapped(response.body, response.headers, response.statusCode, {
			maxBytes,
			what,
		});
	} catch (error) {
		throw transportFailure(error, app.baseUrl, signals);
	}
}

/** A 2xx JSON answer; an OAuth `error` in it is DigiLocker refusing, whatever the status said. */
async function readJson(
	app: DigiLockerApp,
	answer: OpenAnswer,
	kind: EndpointKind,
): Promise<unknown> {
	const { statusCode } = answer.response;
	const text = (await readWhole(app, answer, MAX_JSON_BYTES, 'JSON answer')).toString('utf8');
	const parsed = parseJson(text, statusCode);
	if (oauthErrorIn(parsed)) throw upstreamError(statusCode, parsed, kind);
	return parsed;
}

function asObject(parsed: unknown, status: number): Record<string, unknown> {
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new DigiLockerError(
			'INVALID_RESPONSE',
			`DigiLocker returned JSON that is not an object (HTTP ${status})`,
			{ status },
		);
	}
	return parsed as Record<string, unknown>;
}

async function jsonCall(
	context: HttpContext,
	app: DigiLockerApp,
	settings: RequestSettings,
	call: Call,
): Promise<{ status: number; parsed: unknown }> {
	const answer = await open(context, app, settings, call);
	return { status: answer.response.statusCode, parsed: await readJson(app, answer, call.kind) };
}

async function jsonObjectCall(
	context: HttpContext,
	app: DigiLockerApp,
	settings: RequestSettings,
	call: Call,
): Promise<{ status: number; body: Record<string, unknown> }> {
	const { status, parsed } = await jsonCall(context, app, settings, call);
	return { status, body: asObject(parsed, status) };
}

/**
 * POSTs a form to the token endpoint with the app's client authentication and returns its JSON object. Never
 * retried: the request may have reached DigiLocker, and codes and refresh tokens work once.
 */
export async function postTokenForm(
	this: HttpContext,
	app: DigiLockerApp,
	path: string,
	form: URLSearchParams,
	settings: RequestSettings,
): Promise<{ status: number; body: Record<string, unknown> }> {
	return await jsonObjectCall(this, app, settings, {
		method: 'POST',
		path,
		kind: 'client',
		headers: { Accept: 'application/json' },
		body: form,
		clientAuthenticated: true,
	});
}

/** POSTs a revocation with the app's client authentication; any 2xx is success, its body is not read. Never retried. */
export async function postRevokeForm(
	this: IExecuteFunctions,
	app: DigiLockerApp,
	path: string,
	form: URLSearchParams,
	settings: RequestSettings,
): Promise<void> {
	const answer = await open(this, app, settings, {
		method: 'POST',
		path,
		kind: 'revoke',
		headers: { Accept: 'application/json' },
		body: form,
		clientAuthenticated: true,
	});
	discardBody(answer.response.body);
	answer.release();
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
	const attempt = async () =>
		(
			await jsonObjectCall(this, app, settings, {
				method: request.method,
				path: request.path,
				kind: 'bearer',
				headers: { Accept: 'application/json', Authorization: `Bearer ${request.accessToken}` },
				...(request.form ? { body: request.form } : {}),
			})
		).body;
	return request.method === 'GET' ? await withRetries(this, settings, attempt) : await attempt();
}

/**
 * A user-token GET of a file. `consume` gets the headers of a 2xx answer and the body as a stream, or as whole bytes
 * (at most 20 MiB) when `whole` is set. A failure while reading it is retried with the whole request, as GETs are
 * idempotent; a failure to store it is not.
 */
export async function bearerFile<T>(
	context: IExecuteFunctions,
	app: DigiLockerApp,
	settings: RequestSettings,
	request: { path: string; accessToken: string; whole?: boolean },
	consume: (response: HttpResponse<BinaryStream>) => Promise<T>,
): Promise<T> {
	return await withRetries<T>(context, settings, async () => {
		const answer = await open(context, app, settings, {
			method: 'GET',
			path: request.path,
			kind: 'bearer',
			headers: { Authorization: `Bearer ${request.accessToken}` },
		});
		const body = request.whole
			? await readWhole(app, answer, MAX_XML_BYTES, 'document')
			: answer.response.body;
		try {
			return await consume({ ...answer.response, body });
		} catch (error) {
			discardBody(answer.response.body);
			throw transportFailure(error, app.baseUrl, answer.signals);
		} finally {
			answer.release();
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
	const { body } = await jsonObjectCall(this, app, settings, {
		method: 'POST',
		path: request.path,
		kind: 'bearer',
		headers: {
			Accept: 'application/json',
			Authorization: `Bearer ${request.accessToken}`,
			...request.headers,
		},
		body: request.body,
	});
	return body;
}

/** The client-level meta APIs: a signed form, read-only, so retried like a GET. */
export async function metaPost(
	this: IExecuteFunctions,
	app: DigiLockerApp,
	settings: RequestSettings,
	path: string,
	signForm: () => IDataObject,
): Promise<unknown> {
	return await withRetries(
		this,
		settings,
		async () =>
			(
				await jsonCall(this, app, settings, {
					method: 'POST',
					path,
					kind: 'client',
					headers: { Accept: 'application/json' },
					body: new URLSearchParams(signForm() as Record<string, string>),
				})
			).parsed,
	);
}
