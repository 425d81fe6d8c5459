import { createHash, randomBytes } from 'crypto';

import { otherApp, testApp } from '../fixtures';
import { startSimulator } from './index';

/** Helpers for the simulator's document tests: a simulator with two apps, tokens, HTTP calls. */

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
export type SimulatorOptions = NonNullable<Parameters<typeof startSimulator>[0]>;

export const ALL_SCOPES = 'openid userdetails files.issueddocs files.uploadeddocs';

export interface HttpResult {
	status: number;
	headers: Headers;
	bytes: Buffer;
	text: string;
	json: Record<string, unknown>;
}

export function asRecord(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

export function asArray(value: unknown): Record<string, unknown>[] {
	if (!Array.isArray(value)) throw new Error(`expected an array, got ${typeof value}`);
	return value.map(asRecord);
}

export function str(value: unknown): string {
	if (typeof value !== 'string') throw new Error(`expected a string, got ${typeof value}`);
	return value;
}

/** Test app plus a second app, so hmac keys and tokens can be told apart. */
export async function startDocumentSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	return await startSimulator({
		apps: [
			{
				clientId: testApp.clientId,
				clientSecret: testApp.clientSecret,
				redirectUris: [testApp.redirectUri],
			},
			{
				clientId: otherApp.clientId,
				clientSecret: otherApp.clientSecret,
				redirectUris: [otherApp.redirectUri],
			},
		],
		...options,
	});
}

export async function request(url: string, init: RequestInit = {}): Promise<HttpResult> {
	const res = await fetch(url, { redirect: 'manual', ...init });
	const bytes = Buffer.from(await res.arrayBuffer());
	const text = bytes.toString('utf8');
	let json: Record<string, unknown> = {};
	if ((res.headers.get('content-type') ?? '').includes('application/json')) {
		try {
			json = asRecord(JSON.parse(text));
		} catch {
			json = {};
		}
	}
	return { status: res.status, headers: res.headers, bytes, text, json };
}

export function postForm(
	url: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {},
): Promise<HttpResult> {
	return request(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString(),
	});
}

/** An access token for a user (default: the first) through the real token endpoint. */
export async function accessToken(
	sim: Simulator,
	options: { userId?: string; scope?: string; app?: typeof testApp } = {},
): Promise<string> {
	const app = options.app ?? testApp;
	const verifier = randomBytes(32).toString('base64url');
	const challenge = createHash('sha256').update(verifier).digest('base64url');
	const { code } = sim.authorize({
		clientId: app.clientId,
		redirectUri: app.redirectUri,
		codeChallenge: challenge,
		state: 'st',
		scope: options.scope ?? ALL_SCOPES,
		userId: options.userId,
	});
	const res = await postForm(`${sim.baseUrl}/oauth2/1/token`, {
		grant_type: 'authorization_code',
		code: str(code),
		redirect_uri: app.redirectUri,
		code_verifier: verifier,
		client_id: app.clientId,
		client_secret: app.clientSecret,
	});
	if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${res.text}`);
	return str(res.json.access_token);
}

export function bearer(token: string): Record<string, string> {
	return { Authorization: `Bearer ${token}` };
}

/** GET with a Bearer token. */
export function getWith(token: string, url: string): Promise<HttpResult> {
	return request(url, { headers: bearer(token) });
}
