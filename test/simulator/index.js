'use strict';

/**
 * A local DigiLocker-compatible HTTP simulator for tests. All routes live under `/public`.
 * Start it with `startSimulator(options)`; see the typedefs below for the API.
 *
 * Routes (fault key): authorize, authorize/decision (authorize), token (token), revoke (revoke),
 * user (user), 2/files/issued and 1/files/issued (issued), 1/files/ and 1/files/{id}
 * (uploaded), 1/file/{uri} (file), 1/xml/{uri} (xml), 3/xml/eaadhaar and 2/xml/eaadhaar
 * (eaadhaar), 1/pull/pulldocument (pull), 1/pull/issuers|doctype|parameters (meta),
 * 1/file/upload (upload).
 *
 * Documents: every user gets issued documents (DRVLC, PANCR, HSCER and CTCER with realistic XML,
 * a VACER PNG, and ADHAR when eaadhaar is 'Y') with URIs derived from its digilockerid; the XML
 * layout variant follows the user (see holder.js, families/, and the catalogue of the default
 * seed's documents with their facts in document-families.js). An uploaded
 * tree /notes.pdf, /Documents/resume.pdf, /Documents/Certificates/{degree.pdf,award.png},
 * /Photos/passport-photo.png. `sim.documents(userId)` lists them; a seeded user may bring its
 * own `issued` / `uploaded` lists instead (see documents-seed.js).
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
const { DEFAULT_USERS, normalizeApps, normalizeUsers } = require('./seed');
const { createFaultRegistry, createInFlightLimit, applyFault, isBodyFault } = require('./faults');
const { authorizeDirect } = require('./authorize');
const { ROUTE_KEYS, matchRoutes } = require('./routes');
const { seedLockers, documentView } = require('./documents-view');
const { simulatorCaPem } = require('./xml-signature');

/** Outside the DigiLocker API paths: the simulator's test CA (PEM) its XML signatures chain to. */
const SIM_CA_PATH = '/sim/ca.pem';
const { DEFAULT_ISSUERS } = require('./issuers');
const { sendTruncatedError } = require('./send-file');
const { MAX_UPLOAD_BYTES } = require('./upload');
const { metaHmac } = require('./meta-hmac');
const { bodyHmac } = require('./body-hmac');

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
 * @property {import('./locker').LargeFilesOption} [largeFiles] extra generated PDFs for one user (benchmarks)
 */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {Record<string, string | string[] | undefined>} headers lower-cased names
 * @property {Record<string, string> | null} form parsed urlencoded body, or null
 * @property {string} rawBody the body as UTF-8 text; '' for uploads (file bytes)
 * @property {number} bodySize bytes received
 */

/**
 * @typedef {import('./documents-view').IssuedInfo} IssuedInfo
 * @typedef {import('./documents-view').UploadedInfo} UploadedInfo
 * @typedef {import('./documents-view').StoredFile} StoredFile
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
 * @property {(limit: { max: number, retryAfter?: number, status?: number } | undefined) => void} setInFlightLimit answer 429 (or `status`) with Retry-After (1 s) while more than `max` requests are in flight; undefined lifts it
 * @property {{ connections: number, requests: number, inFlight: number, peakInFlight: number, limited: number }} stats TCP connections accepted, requests received, in flight now and at most, answered by the in-flight limit
 * @property {() => void} resetStats zeroes the counts (in flight now stays)
 * @property {{ isAccessTokenActive: (token: string) => boolean, isRefreshTokenActive: (token: string) => boolean }} tokens
 * @property {import('./seed').SimApp[]} apps copies of the registered apps
 * @property {import('./seed').SimUser[]} users copies of the seeded users
 * @property {Error[]} serverErrors unexpected handler errors (answered with 500 unexpected_error)
 * @property {import('./upload').UploadRecord[]} uploads every accepted upload, in order (live array)
 * @property {() => void} clearUploads
 * @property {(userId?: string) => { rootId: string, issued: IssuedInfo[], uploaded: UploadedInfo[] }} documents a user's documents now; default the first user
 * @property {(uri: string, userId?: string) => StoredFile | undefined} readFile what Get File would send (any user when userId is omitted)
 * @property {(uri: string, userId?: string) => Buffer | undefined} readXml what Get Certificate Data would send
 * @property {import('./issuers').SimIssuer[]} issuers copies of the simulated issuers (meta APIs, pull)
 * @property {import('./issuers').PullRecord[]} pullRecords copies of the records Pull Document can find
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
	const { lockers, nextId, pullRecords } = seedLockers(
		options.users ?? DEFAULT_USERS,
		users,
		options.largeFiles,
		[...apps.values()].map((a) => a.clientSecret),
	);
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
		lockers,
		nextId,
		pullRecords,
		/** @type {import('./upload').UploadRecord[]} */
		uploads: [],
	};
	const faults = createFaultRegistry(ROUTE_KEYS);
	const inFlightLimit = createInFlightLimit();
	const stats = { connections: 0, requests: 0 };
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
		stats.requests++;
		const overLimit = inFlightLimit.enter(res);
		if (options.logger) {
			const log = options.logger;
			res.on('close', () => log(`${method} ${url.pathname} ${res.statusCode}`));
		}
		if (url.pathname === SIM_CA_PATH && (method === 'GET' || method === 'HEAD')) {
			// The test CA the seeded XML is signed under, for Verify Signature's Trusted Certificates.
			res.writeHead(200, { 'Content-Type': 'application/x-pem-file' });
			res.end(method === 'HEAD' ? undefined : simulatorCaPem());
			return;
		}
		const relative = url.pathname.startsWith(BASE_PATH + '/')
			? url.pathname.slice(BASE_PATH.length)
			: undefined;
		const samePath = relative === undefined ? [] : matchRoutes(relative);
		const match = samePath.find((m) => m.route.method === method);
		const route = match?.route;

		const body = await readBody(req, route?.fileBody ? MAX_UPLOAD_BYTES : undefined);
		const text = route?.fileBody ? '' : body.bytes.toString('utf8');
		const isForm = isFormUrlEncoded(req.headers['content-type']);
		requests.push({
			method,
			path: url.pathname,
			query: { ...paramsToObject(url.searchParams).values },
			headers: { ...req.headers },
			form:
				isForm && !route?.fileBody ? { ...paramsToObject(new URLSearchParams(text)).values } : null,
			rawBody: text,
			bodySize: body.size,
		});

		if (overLimit) {
			await applyFault(overLimit, res, sleep);
			return;
		}
		const faultKey = route ? route.key : samePath.length > 0 ? samePath[0].route.key : '';
		const fault = faults.take(faultKey);
		const bodyFault = fault !== undefined && route?.binary === true && isBodyFault(fault);
		if (fault && !bodyFault && (await applyFault(fault, res, sleep))) return;
		if (res.destroyed) return;

		const ctx = {
			req,
			res,
			method,
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			rawBody: text,
			body,
			params: match?.params ?? {},
			fault: bodyFault ? fault : undefined,
			sim,
		};
		try {
			if (body.tooLarge && !route?.fileBody) {
				throw new OAuthError(413, 'invalid_request', 'The request body is too large');
			}
			if (!route) {
				if (samePath.length > 0) {
					const allow = [...new Set(samePath.map((m) => m.route.method))].join(', ');
					throw new OAuthError(405, 'method_not_allowed', `Use ${allow} for this endpoint`, {
						Allow: allow,
					});
				}
				throw new OAuthError(404, 'not_found', 'No such endpoint on the DigiLocker simulator');
			}
			await route.handler(ctx);
		} catch (err) {
			if (res.headersSent) {
				if (!(err instanceof OAuthError)) {
					serverErrors.push(err instanceof Error ? err : new Error(String(err)));
				}
				res.destroy();
				return;
			}
			if (err instanceof OAuthError) {
				if (ctx.fault?.type === 'truncated') sendTruncatedError(res, err);
				else sendError(res, err);
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
	server.on('connection', () => {
		stats.connections++;
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
		setInFlightLimit(limit) {
			inFlightLimit.set(limit);
		},
		get stats() {
			return { ...stats, ...inFlightLimit.counts };
		},
		resetStats() {
			stats.connections = 0;
			stats.requests = 0;
			inFlightLimit.reset();
		},
		tokens: {
			isAccessTokenActive: (token) => store.isAccessTokenActive(token),
			isRefreshTokenActive: (token) => store.isRefreshTokenActive(token),
		},
		apps: [...apps.values()].map((a) => ({ ...a, redirectUris: [...a.redirectUris] })),
		users: [...users.values()].map((u) => ({ ...u })),
		serverErrors,
		uploads: sim.uploads,
		clearUploads() {
			sim.uploads.length = 0;
		},
		...documentView(lockers, users),
		issuers: structuredClone(DEFAULT_ISSUERS),
		pullRecords: structuredClone(pullRecords),
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

module.exports = { startSimulator, BASE_PATH, metaHmac, bodyHmac };
