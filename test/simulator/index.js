'use strict';

/**
 * A local DigiLocker-compatible HTTP simulator for tests. All routes live under `/public`.
 * Start it with `startSimulator(options)`; see the typedefs below for the API.
 */

const http = require('http');
const {
	OAuthError,
	readBody,
	sendError,
	paramsToObject,
	isFormUrlEncoded,
} = require('./http-util');
const { createStore } = require('./store');
const { normalizeApps, normalizeUsers } = require('./seed');
const { createFaultRegistry, applyFault } = require('./faults');
const { authorizeDirect } = require('./authorize');
const { ROUTES, ROUTE_KEYS } = require('./routes');

const BASE_PATH = '/public';

/**
 * @typedef {object} SimulatorOptions
 * @property {number} [port] default 0 (ephemeral)
 * @property {string} [host] default '127.0.0.1'
 * @property {import('./seed').SimApp[]} [apps]
 * @property {import('./seed').SimUser[]} [users]
 * @property {number} [codeTtlSeconds] default 600
 * @property {number} [accessTokenTtlSeconds] default 3600
 * @property {number} [consentTtlSeconds] consent lifetime when the app asks for none; default 30 days
 * @property {boolean} [revokeGrantOnRefreshReuse] replaying a rotated-away refresh token revokes the grant; default false
 * @property {() => number} [now] clock in ms; default Date.now
 * @property {(line: string) => void} [logger] one line per request: method, path, status (no query, no body)
 */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {Record<string, string | string[] | undefined>} headers lower-cased names
 * @property {Record<string, string> | null} form parsed urlencoded body, or null
 * @property {string} rawBody
 */

/**
 * @typedef {object} AuthorizeInput
 * @property {string} clientId
 * @property {string} redirectUri
 * @property {string} codeChallenge
 * @property {string} [codeChallengeMethod] default 'S256'
 * @property {string} state
 * @property {string} [userId] digilockerid of a seeded user; default the first user
 * @property {string} [scope]
 * @property {string} [reqDoctype]
 * @property {string} [purpose]
 * @property {number | string} [consentValidTill]
 * @property {string} [responseType] default 'code'
 * @property {'allow' | 'deny'} [decision] default 'allow'
 */

/**
 * @typedef {object} Simulator
 * @property {string} baseUrl e.g. http://127.0.0.1:PORT/public
 * @property {number} port
 * @property {RecordedRequest[]} requests
 * @property {() => void} clearRequests
 * @property {(input: AuthorizeInput) => { code?: string, error?: string, state: string, redirectUrl: string }} authorize
 * @property {(routeKey: string, fault: import('./faults').Fault) => void} setFault
 * @property {() => void} clearFaults
 * @property {{ isAccessTokenActive: (token: string) => boolean, isRefreshTokenActive: (token: string) => boolean }} tokens
 * @property {import('./seed').SimApp[]} apps copies of the registered apps
 * @property {import('./seed').SimUser[]} users copies of the seeded users
 * @property {Error[]} serverErrors unexpected handler errors (answered with 500 unexpected_error)
 * @property {() => Promise<void>} stop
 */

/**
 * @param {SimulatorOptions} [options]
 * @returns {Promise<Simulator>}
 */
async function startSimulator(options = {}) {
	const now = options.now ?? Date.now;
	const accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 3600;
	const apps = normalizeApps(options.apps);
	const users = normalizeUsers(options.users);
	const store = createStore({
		now,
		codeTtlSeconds: options.codeTtlSeconds ?? 600,
		accessTokenTtlSeconds,
		consentTtlSeconds: options.consentTtlSeconds ?? 30 * 24 * 3600,
	});
	const sim = {
		apps,
		users,
		store,
		now,
		basePath: BASE_PATH,
		accessTokenTtlSeconds,
		revokeGrantOnRefreshReuse: options.revokeGrantOnRefreshReuse === true,
	};
	const faults = createFaultRegistry(ROUTE_KEYS);
	/** @type {RecordedRequest[]} */
	const requests = [];
	/** @type {Error[]} */
	const serverErrors = [];
	/** @type {Set<NodeJS.Timeout>} */
	const timers = new Set();

	/** @param {number} ms */
	function sleep(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve(undefined);
			}, ms);
			timers.add(timer);
		});
	}

	/**
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 */
	async function onRequest(req, res) {
		const url = new URL(req.url ?? '/', 'http://simulator.invalid');
		const method = req.method ?? 'GET';
		if (options.logger) {
			const log = options.logger;
			res.on('close', () => log(`${method} ${url.pathname} ${res.statusCode}`));
		}
		const body = await readBody(req);
		const isForm = isFormUrlEncoded(req.headers['content-type']);
		requests.push({
			method,
			path: url.pathname,
			query: { ...paramsToObject(url.searchParams).values },
			headers: { ...req.headers },
			form: isForm ? { ...paramsToObject(new URLSearchParams(body.text)).values } : null,
			rawBody: body.text,
		});

		const relative = url.pathname.startsWith(BASE_PATH + '/')
			? url.pathname.slice(BASE_PATH.length)
			: undefined;
		const samePath = relative === undefined ? [] : ROUTES.filter((r) => r.path === relative);
		const route = samePath.find((r) => r.method === method);

		const fault = faults.take(samePath.length > 0 ? samePath[0].key : '');
		if (fault && (await applyFault(fault, res, sleep))) return;
		if (res.destroyed) return;

		const ctx = {
			req,
			res,
			method,
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			rawBody: body.text,
			sim,
		};
		try {
			if (body.tooLarge) {
				throw new OAuthError(413, 'invalid_request', 'The request body is too large');
			}
			if (!route) {
				if (samePath.length > 0) {
					const allow = samePath.map((r) => r.method).join(', ');
					throw new OAuthError(405, 'method_not_allowed', `Use ${allow} for this endpoint`, {
						Allow: allow,
					});
				}
				throw new OAuthError(404, 'not_found', 'No such endpoint on the DigiLocker simulator');
			}
			await route.handler(ctx);
		} catch (err) {
			if (res.headersSent) {
				res.destroy();
				return;
			}
			if (err instanceof OAuthError) {
				sendError(res, err);
				return;
			}
			serverErrors.push(err instanceof Error ? err : new Error(String(err)));
			sendError(res, new OAuthError(500, 'unexpected_error', 'Internal server error'));
		}
	}

	const server = http.createServer((req, res) => {
		onRequest(req, res).catch((err) => {
			serverErrors.push(err instanceof Error ? err : new Error(String(err)));
			res.destroy();
		});
	});
	const host = options.host ?? '127.0.0.1';
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('simulator: no TCP address');
	const port = address.port;
	const hostForUrl = host.includes(':') ? `[${host}]` : host;

	return {
		baseUrl: `http://${hostForUrl}:${port}${BASE_PATH}`,
		port,
		requests,
		clearRequests() {
			requests.length = 0;
		},
		authorize(input) {
			return authorizeDirect(input, sim);
		},
		setFault(routeKey, fault) {
			faults.set(routeKey, fault);
		},
		clearFaults() {
			faults.clear();
		},
		tokens: {
			isAccessTokenActive: (token) => store.isAccessTokenActive(token),
			isRefreshTokenActive: (token) => store.isRefreshTokenActive(token),
		},
		apps: [...apps.values()].map((a) => ({ ...a, redirectUris: [...a.redirectUris] })),
		users: [...users.values()].map((u) => ({ ...u })),
		serverErrors,
		stop() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			return new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections();
			});
		},
	};
}

module.exports = { startSimulator, BASE_PATH };
