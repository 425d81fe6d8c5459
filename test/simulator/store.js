'use strict';

/**
 * In-memory state: pending consent screens, authorization codes, and grants (one grant = one
 * access token + one refresh token, rotated together on refresh). All times come from `now()`.
 */

const crypto = require('crypto');

/** 40 lower-case hex characters, like DigiLocker's tokens. */
function randomHex40() {
	return crypto.randomBytes(20).toString('hex');
}

/**
 * @typedef {object} AuthorizeRequest
 * @property {string} clientId
 * @property {string} redirectUri
 * @property {string} state
 * @property {string} codeChallenge
 * @property {string} codeChallengeMethod
 * @property {string} scope granted scope, space-separated
 * @property {string[]} reqDoctype
 * @property {string} purpose
 * @property {string} dlFlow
 * @property {string} acr
 * @property {string} amr
 * @property {number | undefined} consentValidTill unix seconds requested by the app
 */

/**
 * @typedef {object} CodeRecord
 * @property {string} code
 * @property {AuthorizeRequest} request
 * @property {string} userId
 * @property {number} expiresAt ms
 * @property {boolean} used
 * @property {string[]} grantIds grants issued from this code
 */

/**
 * @typedef {object} Grant
 * @property {string} id
 * @property {string} clientId
 * @property {string} userId
 * @property {string} scope
 * @property {number} consentValidTill unix seconds
 * @property {string} accessToken
 * @property {number} accessExpiresAt ms
 * @property {string} refreshToken
 * @property {boolean} active
 */

/**
 * @param {{ now: () => number, codeTtlSeconds: number, accessTokenTtlSeconds: number, consentTtlSeconds: number }} config
 */
function createStore(config) {
	const { now } = config;
	/** @type {Map<string, { request: AuthorizeRequest, expiresAt: number }>} */
	const pending = new Map();
	/** @type {Map<string, CodeRecord>} */
	const codes = new Map();
	/** @type {Map<string, Grant>} */
	const grants = new Map();
	/** @type {Map<string, string>} access token -> grant id */
	const byAccess = new Map();
	/** @type {Map<string, string>} current refresh token -> grant id */
	const byRefresh = new Map();
	/** @type {Map<string, string>} rotated-away refresh token -> grant id */
	const retiredRefresh = new Map();

	/** @param {AuthorizeRequest} request */
	function savePendingConsent(request) {
		const txn = randomHex40();
		pending.set(txn, { request, expiresAt: now() + config.codeTtlSeconds * 1000 });
		return txn;
	}

	/**
	 * Returns and forgets a pending consent; undefined when unknown or expired.
	 * @param {string} txn
	 */
	function takePendingConsent(txn) {
		const entry = pending.get(txn);
		if (!entry) return undefined;
		pending.delete(txn);
		return now() < entry.expiresAt ? entry.request : undefined;
	}

	/**
	 * @param {AuthorizeRequest} request
	 * @param {string} userId
	 */
	function issueCode(request, userId) {
		const code = randomHex40();
		codes.set(code, {
			code,
			request,
			userId,
			expiresAt: now() + config.codeTtlSeconds * 1000,
			used: false,
			grantIds: [],
		});
		return code;
	}

	/** @param {string} code */
	function findCode(code) {
		return codes.get(code);
	}

	/** @param {CodeRecord} record */
	function isCodeExpired(record) {
		return now() >= record.expiresAt;
	}

	/** @param {Grant} grant */
	function revokeGrant(grant) {
		grant.active = false;
		byAccess.delete(grant.accessToken);
		byRefresh.delete(grant.refreshToken);
	}

	/** @param {CodeRecord} record */
	function revokeGrantsFromCode(record) {
		for (const id of record.grantIds) {
			const grant = grants.get(id);
			if (grant) revokeGrant(grant);
		}
	}

	/** @param {Grant} grant */
	function setFreshTokens(grant) {
		grant.accessToken = randomHex40();
		grant.refreshToken = randomHex40();
		grant.accessExpiresAt = now() + config.accessTokenTtlSeconds * 1000;
		byAccess.set(grant.accessToken, grant.id);
		byRefresh.set(grant.refreshToken, grant.id);
	}

	/** @param {CodeRecord} record */
	function createGrantFromCode(record) {
		const { request } = record;
		const defaultConsent = Math.floor(now() / 1000) + config.consentTtlSeconds;
		/** @type {Grant} */
		const grant = {
			id: randomHex40(),
			clientId: request.clientId,
			userId: record.userId,
			scope: request.scope,
			consentValidTill: request.consentValidTill ?? defaultConsent,
			accessToken: '',
			accessExpiresAt: 0,
			refreshToken: '',
			active: true,
		};
		grants.set(grant.id, grant);
		setFreshTokens(grant);
		record.grantIds.push(grant.id);
		return grant;
	}

	/**
	 * Replaces both tokens of a grant; the old ones stop working.
	 * @param {Grant} grant
	 * @param {string} [scope] narrower scope, if the client asked for one
	 */
	function rotateGrant(grant, scope) {
		byAccess.delete(grant.accessToken);
		byRefresh.delete(grant.refreshToken);
		retiredRefresh.set(grant.refreshToken, grant.id);
		if (scope !== undefined) grant.scope = scope;
		setFreshTokens(grant);
		return grant;
	}

	/** @param {Grant} grant */
	function isConsentExpired(grant) {
		return Math.floor(now() / 1000) >= grant.consentValidTill;
	}

	/**
	 * The active grant whose current access token this is and that has not expired.
	 * @param {string} token
	 */
	function findGrantByAccessToken(token) {
		const id = byAccess.get(token);
		const grant = id === undefined ? undefined : grants.get(id);
		if (!grant || !grant.active) return undefined;
		if (now() >= grant.accessExpiresAt) return undefined;
		return grant;
	}

	/**
	 * The grant for any access token that was ever current, expired or not (for revocation).
	 * @param {string} token
	 */
	function findGrantByAnyAccessToken(token) {
		const id = byAccess.get(token);
		return id === undefined ? undefined : grants.get(id);
	}

	/**
	 * The active grant whose current refresh token this is.
	 * @param {string} token
	 */
	function findGrantByRefreshToken(token) {
		const id = byRefresh.get(token);
		const grant = id === undefined ? undefined : grants.get(id);
		return grant && grant.active ? grant : undefined;
	}

	/**
	 * The grant a rotated-away refresh token belonged to.
	 * @param {string} token
	 */
	function findGrantByRetiredRefreshToken(token) {
		const id = retiredRefresh.get(token);
		return id === undefined ? undefined : grants.get(id);
	}

	return {
		savePendingConsent,
		takePendingConsent,
		issueCode,
		findCode,
		isCodeExpired,
		revokeGrant,
		revokeGrantsFromCode,
		createGrantFromCode,
		rotateGrant,
		isConsentExpired,
		findGrantByAccessToken,
		findGrantByAnyAccessToken,
		findGrantByRefreshToken,
		findGrantByRetiredRefreshToken,
		/** @param {string} token */
		isAccessTokenActive(token) {
			return findGrantByAccessToken(token) !== undefined;
		},
		/** @param {string} token */
		isRefreshTokenActive(token) {
			const grant = findGrantByRefreshToken(token);
			return grant !== undefined && !isConsentExpired(grant);
		},
	};
}

module.exports = { createStore, randomHex40 };
