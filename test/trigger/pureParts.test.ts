import {
	bindingCookieName,
	clearBindingCookie,
	readCookie,
	setBindingCookie,
} from '../../nodes/DigiLockerTrigger/trigger/bindingCookie';
import { readCallbackQuery } from '../../nodes/DigiLockerTrigger/trigger/callbackQuery';
import { claimState } from '../../nodes/DigiLockerTrigger/trigger/replayGuard';

describe('readCallbackQuery', () => {
	it('reads code and state, or error and state, from the raw URL', () => {
		expect(readCallbackQuery('/cb?code=c0de&state=v1.a.b')).toEqual({
			code: 'c0de',
			state: 'v1.a.b',
			error: undefined,
		});
		expect(
			readCallbackQuery('/cb?error=access_denied&state=s&error_description=User+said+no'),
		).toEqual({
			error: 'access_denied',
			state: 's',
			code: undefined,
		});
	});

	it('keeps a missing state for the caller to judge (outcome invalid)', () => {
		expect(readCallbackQuery('/cb?code=c0de')).toEqual({
			code: 'c0de',
			state: undefined,
			error: undefined,
		});
	});

	it('refuses a query of exactly 8193 characters but not 8192', () => {
		const base = 'code=a&state=b&pad=';
		expect(readCallbackQuery(`/cb?${base}${'x'.repeat(8192 - base.length)}`)).toBeDefined();
		expect(readCallbackQuery(`/cb?${base}${'x'.repeat(8193 - base.length)}`)).toBeUndefined();
	});

	it('refuses a repeated parameter even when it is one DigiLocker never sends', () => {
		expect(readCallbackQuery('/cb?code=a&state=b&x=1&x=2')).toBeUndefined();
	});

	it('refuses a code over 2048 characters and a state over 4096', () => {
		expect(readCallbackQuery(`/cb?code=${'a'.repeat(2049)}&state=s`)).toBeUndefined();
		expect(readCallbackQuery(`/cb?code=a&state=${'s'.repeat(4097)}`)).toBeUndefined();
		expect(
			readCallbackQuery(`/cb?code=${'a'.repeat(2048)}&state=${'s'.repeat(4096)}`),
		).toBeDefined();
	});
});

describe('the binding cookie', () => {
	it('is named after the first 16 characters of the state nonce', () => {
		expect(bindingCookieName('ABCDEFGHIJKLMNOPQRSTUV')).toBe('dl_consent_ABCDEFGHIJKLMNOP');
	});

	it('is set HttpOnly and SameSite=Lax on the callback path, Secure on https, and cleared with Max-Age=0', () => {
		const scope = { path: '/webhook/x/callback', secure: true };
		expect(setBindingCookie('dl_consent_a', 'v', scope, 60)).toBe(
			'dl_consent_a=v; Path=/webhook/x/callback; Max-Age=60; HttpOnly; SameSite=Lax; Secure',
		);
		expect(clearBindingCookie('dl_consent_a', { ...scope, secure: false })).toBe(
			'dl_consent_a=; Path=/webhook/x/callback; Max-Age=0; HttpOnly; SameSite=Lax',
		);
	});

	it('is read by exact name; two different values under one name count as none', () => {
		expect(readCookie('a=1; dl_consent_x=v1; dl_consent_xy=v2', 'dl_consent_x')).toBe('v1');
		expect(readCookie('dl_consent_x=v1; dl_consent_x=v1', 'dl_consent_x')).toBe('v1');
		expect(readCookie('dl_consent_x=v1; dl_consent_x=v2', 'dl_consent_x')).toBe('');
		expect(readCookie(undefined, 'dl_consent_x')).toBe('');
		expect(readCookie(['dl_consent_x=v1', 'b=2'], 'dl_consent_x')).toBe('v1');
	});
});

describe('claimState', () => {
	it('lets a nonce through once within its lifetime', () => {
		expect(claimState('nonce-once', 2000, 1000)).toBe(true);
		expect(claimState('nonce-once', 2000, 1500)).toBe(false);
	});

	it('stays bounded: after 10,000 live claims the oldest is forgotten, the newest kept', () => {
		const now = 5000;
		for (let i = 0; i < 10_000; i++) claimState(`bulk-${i}`, now + 600, now);
		expect(claimState('bulk-new', now + 600, now)).toBe(true);
		expect(claimState('bulk-new', now + 600, now)).toBe(false);
		expect(claimState('bulk-9999', now + 600, now)).toBe(false);
	});
});
