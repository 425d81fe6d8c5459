import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { STATE_CLOCK_SKEW_SECONDS } from '../../helpers/constants';
import { DigiLockerError } from '../../helpers/errors';

const STATE_VERSION = 'v1';
const NONCE_BYTES = 16;
/** HMAC-SHA256 in base64url: 32 bytes are 43 characters, the last one's two low bits zero. */
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface AppSecrets {
	clientId: string;
	clientSecret: string;
}

export interface StateClaims {
	nonce: string;
	issuedAt: number;
	expiresAt: number;
	context?: string;
}

interface StatePayload {
	n: string;
	iat: number;
	exp: number;
	ctx?: string;
	/** Keyed hash of the binding: the state is readable, and a session ID's plain hash could be guessed. */
	bnd?: string;
}

/** A key per purpose and app, so neither the state signature nor the verifier ever uses the raw secret. */
function deriveKey(app: AppSecrets, purpose: 'state' | 'pkce' | 'binding'): Buffer {
	return createHmac('sha256', app.clientSecret)
		.update(`n8n-nodes-digilocker/${purpose}/v1/${app.clientId}`)
		.digest();
}

function sign(app: AppSecrets, signedPart: string): Buffer {
	return createHmac('sha256', deriveKey(app, 'state')).update(signedPart).digest();
}

function hashBinding(app: AppSecrets, binding: string): string {
	return createHmac('sha256', deriveKey(app, 'binding')).update(binding).digest('base64url');
}

export function createState(
	app: AppSecrets,
	options: {
		nowSeconds: number;
		lifetimeSeconds: number;
		context?: string;
		binding?: string;
		nonce?: string;
	},
): string {
	const payload: StatePayload = {
		n: options.nonce ?? randomBytes(NONCE_BYTES).toString('base64url'),
		iat: options.nowSeconds,
		exp: options.nowSeconds + options.lifetimeSeconds,
	};
	if (options.context !== undefined && options.context !== '') payload.ctx = options.context;
	if (options.binding !== undefined && options.binding !== '') {
		payload.bnd = hashBinding(app, options.binding);
	}
	const signedPart = `${STATE_VERSION}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
	return `${signedPart}.${sign(app, signedPart).toString('base64url')}`;
}

const invalidState = (reason: string) =>
	new DigiLockerError('INVALID_STATE', `The state is not valid: ${reason}`, {
		hint: 'Pass the "state" query parameter of the callback unchanged, within its lifetime, with the same DigiLocker credential that created it.',
	});

function decodePayload(encoded: string): StatePayload {
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
	} catch {
		throw invalidState('its payload cannot be read');
	}
	const payload = parsed as Partial<StatePayload> | null;
	if (
		typeof payload !== 'object' ||
		payload === null ||
		typeof payload.n !== 'string' ||
		!Number.isInteger(payload.iat) ||
		!Number.isInteger(payload.exp) ||
		(payload.ctx !== undefined && typeof payload.ctx !== 'string') ||
		(payload.bnd !== undefined && typeof payload.bnd !== 'string')
	) {
		throw invalidState('its payload cannot be read');
	}
	return payload as StatePayload;
}

/**
 * Only one spelling of the signature is accepted: the PKCE verifier is derived from the whole state text, so a second
 * spelling of a valid signature would pass here and then spend the code on a verifier DigiLocker refuses.
 */
function decodeCanonicalSignature(encoded: string): Buffer | undefined {
	if (!SIGNATURE_PATTERN.test(encoded)) return undefined;
	const bytes = Buffer.from(encoded, 'base64url');
	return bytes.toString('base64url') === encoded ? bytes : undefined;
}

/** A bound state needs its binding; an unbound one is refused where a binding is expected. */
function checkBinding(payload: StatePayload, app: AppSecrets, binding: string): void {
	if (payload.bnd === undefined) {
		if (binding) throw invalidState('it is not bound to a session, but a Binding was given');
		return;
	}
	if (!binding) throw invalidState('it is bound to a session, and no Binding was given');
	const expected = Buffer.from(hashBinding(app, binding));
	const given = Buffer.from(payload.bnd);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		throw invalidState('it is bound to another session');
	}
}

/** Checks signature, lifetime and binding (empty: none expected) and gives back what the state carries. */
export function verifyState(
	state: string,
	app: AppSecrets,
	nowSeconds: number,
	binding = '',
): StateClaims {
	const parts = state.split('.');
	if (parts.length !== 3 || parts[0] !== STATE_VERSION || !parts[1] || !parts[2]) {
		throw invalidState('it was not created by this node');
	}
	const [version, encodedPayload, encodedSignature] = parts;
	const expected = sign(app, `${version}.${encodedPayload}`);
	const given = decodeCanonicalSignature(encodedSignature);
	if (given === undefined || !timingSafeEqual(given, expected)) {
		throw invalidState('its signature does not match this credential');
	}
	const payload = decodePayload(encodedPayload);
	if (payload.iat > nowSeconds + STATE_CLOCK_SKEW_SECONDS) {
		throw invalidState('it was issued in the future');
	}
	if (payload.exp <= nowSeconds) {
		throw invalidState(`it expired at ${new Date(payload.exp * 1000).toISOString()}`);
	}
	checkBinding(payload, app, binding);
	return { nonce: payload.n, issuedAt: payload.iat, expiresAt: payload.exp, context: payload.ctx };
}

/** The PKCE code_verifier of a state: 43 base64url characters, reproducible only with the app secret. */
export function deriveCodeVerifier(state: string, app: AppSecrets): string {
	return createHmac('sha256', deriveKey(app, 'pkce')).update(state).digest('base64url');
}
