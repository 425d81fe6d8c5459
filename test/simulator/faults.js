'use strict';

/**
 * Per-route fault injection. A fault set for a route key wins over one set for '*'.
 * `times: n` applies the fault to the next n requests on that key, then removes it.
 * On binary routes (file, xml, eaadhaar) 'truncated', 'wrong-hmac' and 'no-hmac' are body faults:
 * the route builds its real response and applies them itself (see send-file.js). 'wrong-hmac' and
 * 'no-hmac' do nothing on other routes. 'json-200' answers HTTP 200 with the given JSON body on any
 * route (an OAuth error in a success answer, an upload answer without its fields).
 */

const FAULT_TYPES = [
	'latency',
	'status',
	'reset',
	'truncated',
	'malformed-json',
	'html',
	'wrong-hmac',
	'no-hmac',
	'json-200',
];
const BODY_FAULT_TYPES = ['truncated', 'wrong-hmac', 'no-hmac'];

/** @type {Record<number, { error: string, description: string }>} */
const DEFAULT_STATUS_BODIES = {
	429: { error: 'rate_limit_exceeded', description: 'Too many requests' },
	500: { error: 'unexpected_error', description: 'Internal server error' },
	502: { error: 'bad_gateway', description: 'Bad gateway' },
	503: { error: 'service_unavailable', description: 'Service temporarily unavailable' },
	504: { error: 'gateway_timeout', description: 'Gateway timeout' },
	530: { error: 'unexpected_error', description: 'Internal server error' },
};

/**
 * @typedef {{ type: 'latency', ms: number, times?: number }
 *   | { type: 'status', status: number, retryAfter?: number, body?: object, times?: number }
 *   | { type: 'reset', times?: number }
 *   | { type: 'truncated', times?: number }
 *   | { type: 'malformed-json', times?: number }
 *   | { type: 'html', times?: number }
 *   | { type: 'wrong-hmac', times?: number }
 *   | { type: 'no-hmac', times?: number }
 *   | { type: 'json-200', body: object, times?: number }} Fault
 */

/**
 * Whether a binary route applies this fault itself (instead of `applyFault`).
 * @param {Fault} fault
 */
function isBodyFault(fault) {
	return BODY_FAULT_TYPES.includes(fault.type);
}

/** @param {Fault} fault */
function validateFault(fault) {
	if (!fault || typeof fault !== 'object' || !FAULT_TYPES.includes(fault.type)) {
		throw new TypeError(`simulator: fault type must be one of ${FAULT_TYPES.join(', ')}`);
	}
	if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
		throw new TypeError('simulator: fault times must be a positive integer');
	}
	if (fault.type === 'latency' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
		throw new TypeError('simulator: latency fault needs ms >= 0');
	}
	if (fault.type === 'json-200' && (typeof fault.body !== 'object' || fault.body === null)) {
		throw new TypeError('simulator: json-200 fault needs a body object');
	}
	if (fault.type === 'status') {
		if (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599) {
			throw new TypeError('simulator: status fault needs a 4xx/5xx status');
		}
		if (
			fault.retryAfter !== undefined &&
			!(Number.isInteger(fault.retryAfter) && fault.retryAfter >= 0)
		) {
			throw new TypeError('simulator: retryAfter must be a whole number of seconds');
		}
	}
}

/**
 * @param {string[]} routeKeys keys that may carry faults ('*' is always allowed)
 */
function createFaultRegistry(routeKeys) {
	/** @type {Map<string, { fault: Fault, remaining: number }>} */
	const faults = new Map();

	return {
		/**
		 * @param {string} key
		 * @param {Fault} fault
		 */
		set(key, fault) {
			if (key !== '*' && !routeKeys.includes(key)) {
				throw new TypeError(`simulator: unknown fault route key ${key}`);
			}
			validateFault(fault);
			faults.set(key, { fault: { ...fault }, remaining: fault.times ?? Infinity });
		},
		clear() {
			faults.clear();
		},
		/**
		 * The fault to apply to one request on this route, counting it against `times`.
		 * @param {string} key
		 * @returns {Fault | undefined}
		 */
		take(key) {
			const entryKey = faults.has(key) ? key : faults.has('*') ? '*' : undefined;
			if (entryKey === undefined) return undefined;
			const entry = /** @type {{ fault: Fault, remaining: number }} */ (faults.get(entryKey));
			entry.remaining -= 1;
			if (entry.remaining <= 0) faults.delete(entryKey);
			return entry.fault;
		},
	};
}

/**
 * Applies a fault. Resolves true when the fault produced (or killed) the response, false when
 * the normal handler should still run (latency, and wrong-hmac or no-hmac outside binary routes).
 * @param {Fault} fault
 * @param {import('http').ServerResponse} res
 * @param {(ms: number) => Promise<void>} sleep
 * @returns {Promise<boolean>}
 */
async function applyFault(fault, res, sleep) {
	switch (fault.type) {
		case 'latency':
			await sleep(fault.ms);
			return false;
		case 'status': {
			const fallback = DEFAULT_STATUS_BODIES[fault.status] ?? {
				error: 'unexpected_error',
				description: 'Simulated failure',
			};
			const body = fault.body ?? { error: fallback.error, error_description: fallback.description };
			const text = JSON.stringify(body);
			/** @type {Record<string, string>} */
			const headers = {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': String(Buffer.byteLength(text)),
			};
			if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
			res.writeHead(fault.status, headers);
			res.end(text);
			return true;
		}
		case 'reset':
			res.socket?.destroy();
			return true;
		case 'truncated': {
			const partial = '{"access_token":"';
			res.writeHead(200, {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': String(Buffer.byteLength(partial) + 512),
			});
			res.write(partial, () => {
				res.socket?.end();
			});
			return true;
		}
		case 'malformed-json': {
			const text = '{"access_token": "abc"';
			res.writeHead(200, {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': String(Buffer.byteLength(text)),
			});
			res.end(text);
			return true;
		}
		case 'json-200': {
			const text = JSON.stringify(fault.body);
			res.writeHead(200, {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': String(Buffer.byteLength(text)),
			});
			res.end(text);
			return true;
		}
		case 'html': {
			const html =
				'<!DOCTYPE html><html><head><title>Service Unavailable</title></head>' +
				'<body><h1>DigiLocker is under maintenance</h1><p>Please try again later.</p></body></html>';
			res.writeHead(200, {
				'Content-Type': 'text/html; charset=utf-8',
				'Content-Length': String(Buffer.byteLength(html)),
			});
			res.end(html);
			return true;
		}
		default:
			return false;
	}
}

/**
 * A rate limit by requests in flight, set apart from the per-route faults so it combines with them (e.g. latency on
 * '*'): while more than `max` requests are in flight (this one included), the request is answered `status` (429)
 * with `Retry-After: retryAfter` (1) at once. The counts tell what the server saw.
 */
function createInFlightLimit() {
	/** @type {{ max: number, retryAfter: number, status: number } | undefined} */
	let limit;
	const counts = { inFlight: 0, peakInFlight: 0, limited: 0 };
	return {
		counts,
		/** @param {{ max: number, retryAfter?: number, status?: number } | undefined} next */
		set(next) {
			if (next === undefined) {
				limit = undefined;
				return;
			}
			if (!(Number.isInteger(next.max) && next.max > 0)) {
				throw new TypeError('simulator: in-flight limit needs a positive whole max');
			}
			const fault = {
				type: 'status',
				status: next.status ?? 429,
				retryAfter: next.retryAfter ?? 1,
			};
			validateFault(fault);
			limit = { max: next.max, retryAfter: fault.retryAfter, status: fault.status };
		},
		reset() {
			counts.peakInFlight = counts.inFlight;
			counts.limited = 0;
		},
		/**
		 * Counts a request in until its response closes; returns the fault to answer it with when over the limit.
		 * @param {import('http').ServerResponse} res
		 * @returns {Fault | undefined}
		 */
		enter(res) {
			counts.inFlight++;
			counts.peakInFlight = Math.max(counts.peakInFlight, counts.inFlight);
			res.on('close', () => {
				counts.inFlight--;
			});
			if (!limit || counts.inFlight <= limit.max) return undefined;
			counts.limited++;
			return { type: 'status', status: limit.status, retryAfter: limit.retryAfter };
		},
	};
}

module.exports = {
	FAULT_TYPES,
	createFaultRegistry,
	createInFlightLimit,
	applyFault,
	validateFault,
	isBodyFault,
};
