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

/** Why a state was refused; the DigiLocker Trigger turns `expired` into its own outcome. */
export type StateProblem = 'unreadable' | 'signature' | 'future' | 'expired' | 'binding';

export class InvalidStateError extends DigiLockerError {
	constructor(
		readonly problem: StateProblem,
		reason: string,
	) {
		super('INVALID_STATE', `The state is not valid: ${reason}`, {
			hint: 'Pass the "state" query parameter of the callback unchanged, within its lifetime, with the same DigiLocker credential that created it.',
		});
	}
}

const stateProblem = (problem: StateProblem, reason: string) =>
	new InvalidStateError(problem, reason);

/** A state whose signature and payload were checked; lifetime and binding not yet. */
export interface OpenedState {
	claims: StateClaims;
	/** The keyed hash of the binding, when the state was bound to a browser session. */
	boundTo?: string;
}

function decodePayload(encoded: string): StatePayload {
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
	} catch {
		throw stateProblem('unreadable', 'its payload cannot be read');
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
		throw stateProblem('unreadable', 'its payload cannot be read');
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

/** Checks that the state was signed with this app's secret, and reads it. */
export function openState(state: string, app: AppSecrets): OpenedState {
	const parts = state.split('.');
	if (parts.length !== 3 || parts[0] !== STATE_VERSION || !parts[1] || !parts[2]) {
		throw stateProblem('unreadable', 'it was not created by this node');
	}
	const [version, encodedPayload, encodedSignature] = parts;
	const expected = sign(app, `${version}.${encodedPayload}`);
	const given = decodeCanonicalSignature(encodedSignature);
	if (given === undefined || !timingSafeEqual(given, expected)) {
		throw stateProblem('signature', 'its signature does not match this credential');
	}
	const payload = decodePayload(encodedPayload);
	return {
		claims: {
			nonce: payload.n,
			issuedAt: payload.iat,
			expiresAt: payload.exp,
			context: payload.ctx,
		},
		boundTo: payload.bnd,
	};
}

export function checkStateLifetime({ claims }: OpenedState, nowSeconds: number): void {
	if (claims.issuedAt > nowSeconds + STATE_CLOCK_SKEW_SECONDS) {
		throw stateProblem('future', 'it was issued in the future');
	}
	if (claims.expiresAt <= nowSeconds) {
		throw stateProblem(
			'expired',
			`it expired at ${new Date(claims.expiresAt * 1000).toISOString()}`,
		);
	}
}

/** A bound state needs its binding; an unbound one is refused where a binding is expected. */
export function checkStateBinding(
	{ boundTo }: OpenedState,
	app: AppSecrets,
	binding: string,
): void {
	if (boundTo === undefined) {
		if (binding) {
			throw stateProblem('binding', 'it is not bound to a session, but a Binding was given');
		}
		return;
	}
	if (!binding) {
		throw stateProblem('binding', 'it is bound to a session, and no Binding was given');
	}
	const expected = Buffer.from(hashBinding(app, binding));
	const given = Buffer.from(boundTo);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		throw stateProblem('binding', 'it is bound to another session');
	}
}

/** Checks signature, lifetime and binding (empty: none expected) and gives back what the state carries. */
export function verifyState(
	state: string,
	app: AppSecrets,
	nowSeconds: number,
	binding = '',
): StateClaims {
	const opened = openState(state, app);
	checkStateLifetime(opened, nowSeconds);
	checkStateBinding(opened, app, binding);
	return opened.claims;
}

/** The PKCE code_verifier of a state: 43 base64url characters, reproducible only with the app secret. */
export function deriveCodeVerifier(state: string, app: AppSecrets): string {
	return createHmac('sha256', deriveKey(app, 'pkce')).update(state).digest('base64url');
}
