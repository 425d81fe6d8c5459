import {
	codeChallengeS256,
	isValidCodeVerifier,
} from '../../../nodes/DigiLocker/actions/authorization/pkce';
import {
	createState,
	deriveCodeVerifier,
	verifyState,
} from '../../../nodes/DigiLocker/actions/authorization/state';
import { otherApp, testApp } from '../../fixtures';

const app = testApp;
const issuedAt = 1_800_000_000;
const make = (overrides: { context?: string; lifetimeSeconds?: number } = {}) =>
	createState(app, {
		nowSeconds: issuedAt,
		lifetimeSeconds: overrides.lifetimeSeconds ?? 600,
		context: overrides.context,
	});

function flipLastCharacter(text: string) {
	return text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
}

function replacePayload(state: string, payload: object) {
	const [version, , signature] = state.split('.');
	return [version, Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');
}

describe('state', () => {
	it('gives back the context, issue time and expiry it was created with', () => {
		const claims = verifyState(make({ context: 'customer-4711 ✓' }), app, issuedAt + 10);
		expect(claims).toEqual({
			nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
			issuedAt,
			expiresAt: issuedAt + 600,
			context: 'customer-4711 ✓',
		});
	});

	it('carries a fresh 128-bit nonce each time', () => {
		const nonces = new Set(
			Array.from({ length: 50 }, () => verifyState(make(), app, issuedAt).nonce),
		);
		expect(nonces.size).toBe(50);
	});

	it('is URL-safe text', () => {
		expect(make({ context: 'a/b?c=d&e#f' })).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
	});

	it.each([
		['an empty string', () => '', 'The state is not valid: it was not created by this node'],
		['garbage', () => 'hello world', 'The state is not valid: it was not created by this node'],
		[
			'another version',
			() => make().replace(/^v1\./, 'v2.'),
			'The state is not valid: it was not created by this node',
		],
		[
			'a truncated state',
			() => make().slice(0, 40),
			'The state is not valid: it was not created by this node',
		],
		[
			'a missing signature',
			() => `${make().split('.').slice(0, 2).join('.')}.`,
			'The state is not valid: it was not created by this node',
		],
		[
			'an altered signature',
			() => flipLastCharacter(make()),
			'The state is not valid: its signature does not match this credential',
		],
		[
			'a shortened signature',
			() => make().slice(0, -2),
			'The state is not valid: its signature does not match this credential',
		],
		[
			'junk inside the signature',
			() => make().replace(/.{10}$/, '!$&'),
			'The state is not valid: its signature does not match this credential',
		],
		[
			'a signature with padding',
			() => `${make()}=`,
			'The state is not valid: its signature does not match this credential',
		],
		[
			'a tampered context',
			() =>
				replacePayload(make({ context: 'a' }), {
					n: 'x',
					iat: issuedAt,
					exp: issuedAt + 600,
					ctx: 'b',
				}),
			'The state is not valid: its signature does not match this credential',
		],
		[
			'a state of another app',
			() => createState(otherApp, { nowSeconds: issuedAt, lifetimeSeconds: 600 }),
			'The state is not valid: its signature does not match this credential',
		],
	])('rejects %s', (_case, state, message) => {
		expect(() => verifyState(state(), app, issuedAt + 1)).toThrow(message);
	});

	it('rejects a state after its lifetime, with the moment it expired', () => {
		expect(() => verifyState(make({ lifetimeSeconds: 600 }), app, issuedAt + 600)).toThrow(
			'The state is not valid: it expired at 2027-01-15T08:10:00.000Z',
		);
	});

	it('accepts a state one second before it expires', () => {
		expect(verifyState(make({ lifetimeSeconds: 600 }), app, issuedAt + 599).expiresAt).toBe(
			issuedAt + 600,
		);
	});

	it('rejects a state issued more than a minute in the future', () => {
		expect(() => verifyState(make(), app, issuedAt - 61)).toThrow(
			'The state is not valid: it was issued in the future',
		);
	});

	it('tags every rejection INVALID_STATE', () => {
		expect.assertions(1);
		try {
			verifyState('nonsense', app, issuedAt);
		} catch (error) {
			expect(error).toMatchObject({ code: 'INVALID_STATE' });
		}
	});
});

describe('deriveCodeVerifier', () => {
	it('makes a valid RFC 7636 verifier that is the same for the same state and app', () => {
		const state = make();
		const verifier = deriveCodeVerifier(state, app);
		expect(isValidCodeVerifier(verifier)).toBe(true);
		expect(verifier).toHaveLength(43);
		expect(deriveCodeVerifier(state, app)).toBe(verifier);
	});

	it('differs between states, and between apps for the same state', () => {
		const state = make();
		expect(deriveCodeVerifier(make(), app)).not.toBe(deriveCodeVerifier(state, app));
		expect(deriveCodeVerifier(state, otherApp)).not.toBe(deriveCodeVerifier(state, app));
	});

	it('does not reveal the secret or the state in the verifier or its challenge', () => {
		const state = make();
		const verifier = deriveCodeVerifier(state, app);
		expect(verifier).not.toContain(app.clientSecret);
		expect(codeChallengeS256(verifier)).not.toBe(verifier);
	});
});

describe('state binding', () => {
	const bound = (binding: string, forApp = app) =>
		createState(forApp, { nowSeconds: issuedAt, lifetimeSeconds: 600, binding });
	const payloadOf = (state: string) =>
		JSON.parse(Buffer.from(state.split('.')[1], 'base64url').toString('utf8')) as {
			bnd?: string;
		};

	it('verifies only with the same binding', () => {
		const state = bound('session-123456');
		expect(verifyState(state, app, issuedAt, 'session-123456').issuedAt).toBe(issuedAt);
		expect(() => verifyState(state, app, issuedAt, 'session-654321')).toThrow(
			'The state is not valid: it is bound to another session',
		);
		expect(() => verifyState(state, app, issuedAt)).toThrow(
			'The state is not valid: it is bound to a session, and no Binding was given',
		);
		expect(() => verifyState(make(), app, issuedAt, 'session-123456')).toThrow(
			'The state is not valid: it is not bound to a session, but a Binding was given',
		);
	});

	it('carries a keyed hash of the binding that differs between apps', () => {
		const hash = payloadOf(bound('session-123456')).bnd;
		expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(payloadOf(bound('session-123456', otherApp)).bnd).not.toBe(hash);
		expect(bound('session-123456')).not.toContain(
			Buffer.from('session-123456').toString('base64url'),
		);
	});
});
