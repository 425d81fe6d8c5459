import { createHash, randomBytes } from 'crypto';

import { startSimulator } from './index';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

const CLIENT_ID = 'SIMCLIENT01';
const CLIENT_SECRET = 'sim-secret-do-not-use';
const REDIRECT_URI = 'http://localhost:5678/webhook/digilocker/callback';
const OTHER_CLIENT_ID = 'SIMCLIENT02';
const OTHER_CLIENT_SECRET = 'other-sim-secret';
const OTHER_REDIRECT_URI = 'http://localhost:9999/other/callback';

interface HttpResult {
	status: number;
	headers: Headers;
	text: string;
	json: Record<string, unknown>;
}

function asRecord(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

function str(value: unknown): string {
	if (typeof value !== 'string') throw new Error(`expected a string, got ${typeof value}`);
	return value;
}

function basic(id: string, secret: string): string {
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

function newPkce(): { verifier: string; challenge: string } {
	const verifier = randomBytes(32).toString('base64url');
	const challenge = createHash('sha256').update(verifier).digest('base64url');
	return { verifier, challenge };
}

async function request(url: string, init: RequestInit = {}): Promise<HttpResult> {
	const res = await fetch(url, { redirect: 'manual', ...init });
	const text = await res.text();
	let json: Record<string, unknown> = {};
	if ((res.headers.get('content-type') ?? '').includes('application/json')) {
		try {
			json = asRecord(JSON.parse(text));
		} catch {
			json = {};
		}
	}
	return { status: res.status, headers: res.headers, text, json };
}

function postForm(
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

describe('DigiLocker simulator', () => {
	let sim: Simulator;
	let clock = Date.now();

	beforeAll(async () => {
		sim = await startSimulator({
			now: () => clock,
			apps: [
				{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] },
				{
					clientId: OTHER_CLIENT_ID,
					clientSecret: OTHER_CLIENT_SECRET,
					redirectUris: [OTHER_REDIRECT_URI],
				},
			],
		});
	});

	afterAll(async () => {
		await sim.stop();
	});

	beforeEach(() => {
		clock = Date.now();
		sim.clearFaults();
		sim.clearRequests();
	});

	function authorizeQuery(overrides: Record<string, string | undefined> = {}): string {
		const { challenge } = newPkce();
		const base: Record<string, string | undefined> = {
			response_type: 'code',
			client_id: CLIENT_ID,
			redirect_uri: REDIRECT_URI,
			state: 'state-123',
			code_challenge: challenge,
			code_challenge_method: 'S256',
			...overrides,
		};
		const params = new URLSearchParams();
		for (const [k, v] of Object.entries(base)) if (v !== undefined) params.set(k, v);
		return `${sim.baseUrl}/oauth2/1/authorize?${params.toString()}`;
	}

	function getCode(
		options: { scope?: string; userId?: string; clientId?: string; redirectUri?: string } = {},
	): { code: string; verifier: string } {
		const { verifier, challenge } = newPkce();
		const result = sim.authorize({
			clientId: options.clientId ?? CLIENT_ID,
			redirectUri: options.redirectUri ?? REDIRECT_URI,
			codeChallenge: challenge,
			state: 'st',
			scope: options.scope,
			userId: options.userId,
		});
		return { code: str(result.code), verifier };
	}

	function exchange(
		code: string,
		verifier: string,
		auth: 'basic' | 'form' = 'basic',
		redirectUri = REDIRECT_URI,
	): Promise<HttpResult> {
		const fields: Record<string, string> = {
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			code_verifier: verifier,
		};
		if (auth === 'form') {
			return postForm(`${sim.baseUrl}/oauth2/1/token`, {
				...fields,
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
			});
		}
		return postForm(`${sim.baseUrl}/oauth2/1/token`, fields, {
			Authorization: basic(CLIENT_ID, CLIENT_SECRET),
		});
	}

	async function issueTokens(
		options: { scope?: string; userId?: string } = {},
	): Promise<{ accessToken: string; refreshToken: string; body: Record<string, unknown> }> {
		const { code, verifier } = getCode(options);
		const res = await exchange(code, verifier);
		expect(res.status).toBe(200);
		return {
			accessToken: str(res.json.access_token),
			refreshToken: str(res.json.refresh_token),
			body: res.json,
		};
	}

	describe('start-up', () => {
		it('mounts routes under /public on 127.0.0.1 with an ephemeral port', () => {
			expect(sim.baseUrl).toBe(`http://127.0.0.1:${sim.port}/public`);
			expect(sim.port).toBeGreaterThan(0);
		});

		it('has default apps and at least two users when no options are given', async () => {
			const plain = await startSimulator();
			try {
				expect(plain.apps[0]).toEqual({
					clientId: CLIENT_ID,
					clientSecret: CLIENT_SECRET,
					redirectUris: [REDIRECT_URI],
					allowedScopes: undefined,
				});
				expect(plain.users.length).toBeGreaterThanOrEqual(2);
				for (const user of plain.users) {
					expect(user.digilockerid).toMatch(/^[0-9a-f-]{36}$/);
					expect(user.dob).toMatch(/^\d{8}$/);
					expect(['Y', 'N']).toContain(user.eaadhaar);
				}
			} finally {
				await plain.stop();
			}
		});
	});

	describe('GET /oauth2/1/authorize validation', () => {
		it.each([
			[
				'unknown client_id',
				{ client_id: 'NOPE' },
				'invalid_client_id',
				'The client_id parameter is invalid',
			],
			['missing client_id', { client_id: undefined }, 'invalid_client_id', undefined],
			[
				'redirect_uri with a trailing slash',
				{ redirect_uri: `${REDIRECT_URI}/` },
				'redirect_uri_mismatch',
				undefined,
			],
			[
				"another app's redirect_uri",
				{ redirect_uri: OTHER_REDIRECT_URI },
				'redirect_uri_mismatch',
				undefined,
			],
			[
				'missing code_challenge',
				{ code_challenge: undefined },
				'invalid_request',
				'The code_challenge and code_challenge_method parameter is required',
			],
			[
				'missing code_challenge_method',
				{ code_challenge_method: undefined },
				'invalid_request',
				'The code_challenge and code_challenge_method parameter is required',
			],
			[
				'plain method',
				{ code_challenge_method: 'plain' },
				'invalid_request',
				'The code_challenge and code_challenge_method parameter is required',
			],
			['padded challenge', { code_challenge: `${'A'.repeat(43)}=` }, 'invalid_request', undefined],
			['response_type=token', { response_type: 'token' }, 'unsupported_response_type', undefined],
			['missing state', { state: undefined }, 'invalid_request', undefined],
			['unknown scope', { scope: 'openid everything' }, 'invalid_scope', undefined],
			[
				'purpose without service_name (v2.4)',
				{ purpose: 'kyc' },
				'invalid_request',
				'The service_name parameter is required with purpose',
			],
			[
				'an unknown prompt',
				{ prompt: 'consent' },
				'invalid_request',
				'The prompt parameter must be login or login_mobile',
			],
			[
				'login_hint without prompt=login_mobile',
				{ prompt: 'login', login_hint: '9876543210' },
				'invalid_request',
				'The login_hint parameter is used only with prompt=login_mobile',
			],
			[
				'a login_hint that is not a mobile number',
				{ prompt: 'login_mobile', login_hint: '+919876543210' },
				'invalid_request',
				'The login_hint parameter must be a 10-digit mobile number',
			],
			[
				'pla other than Y or N',
				{ pla: 'yes' },
				'invalid_request',
				'The pla parameter must be Y or N',
			],
			[
				'verified_mobile without dl_flow=signup',
				{ verified_mobile: '9876543210' },
				'invalid_request',
				'The verified_mobile parameter is used only with dl_flow=signup',
			],
		])('rejects %s', async (_label, overrides, error, description) => {
			const res = await request(authorizeQuery(overrides));
			expect(res.status).toBe(400);
			expect(res.headers.get('content-type')).toContain('application/json');
			expect(res.json.error).toBe(error);
			if (description !== undefined) expect(res.json.error_description).toBe(description);
		});

		it('rejects a repeated parameter', async () => {
			const res = await request(`${authorizeQuery()}&state=again`);
			expect(res.status).toBe(400);
			expect(res.json.error).toBe('invalid_request');
		});

		it('applies the same validation to sim.authorize()', () => {
			const { challenge } = newPkce();
			const call = (over: Record<string, string>) => () =>
				sim.authorize({
					clientId: CLIENT_ID,
					redirectUri: REDIRECT_URI,
					codeChallenge: challenge,
					state: 's',
					...over,
				});
			expect(call({ clientId: 'NOPE' })).toThrow(
				expect.objectContaining({ error: 'invalid_client_id' }),
			);
			expect(call({ redirectUri: 'http://evil.example/cb' })).toThrow(
				expect.objectContaining({ error: 'redirect_uri_mismatch' }),
			);
			expect(call({ codeChallengeMethod: 'plain' })).toThrow(
				expect.objectContaining({ error: 'invalid_request' }),
			);
			expect(call({ userId: '00000000-0000-0000-0000-000000000000' })).toThrow(
				expect.objectContaining({ error: 'invalid_request' }),
			);
		});
	});

	describe('consent page', () => {
		it('shows an HTML page with Allow and Deny, escaping reflected values', async () => {
			const res = await request(
				authorizeQuery({
					state: '"><script>alert(1)</script>',
					purpose: '<img src=x onerror=alert(1)>',
					service_name: 'Loans',
					req_doctype: 'ADHAR,PANCR',
					scope: 'openid userdetails files.issueddocs',
				}),
			);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('text/html');
			expect(res.text).toContain('>Allow</button>');
			expect(res.text).toContain('>Deny</button>');
			expect(res.text).toContain(sim.users[0].name);
			expect(res.text).toContain('files.issueddocs');
			expect(res.text).toContain('PANCR');
			expect(res.text).not.toContain('<script>');
			expect(res.text).not.toContain('<img');
			expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
		});

		it('Allow redirects with code and state; the decision cannot be replayed', async () => {
			const page = await request(authorizeQuery({ state: 'abc def' }));
			const txn = str(/name="txn" value="([0-9a-f]+)"/.exec(page.text)?.[1]);
			const user = sim.users[1].digilockerid;
			const decisionUrl = `${sim.baseUrl}/oauth2/1/authorize/decision?txn=${txn}&decision=allow&user=${user}`;
			const res = await request(decisionUrl);
			expect(res.status).toBe(302);
			const location = new URL(str(res.headers.get('location')));
			expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
			expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
			expect(location.searchParams.get('state')).toBe('abc def');

			const replay = await request(decisionUrl);
			expect(replay.status).toBe(400);
			expect(replay.json.error).toBe('invalid_request');
		});

		it('Deny redirects with access_denied and state', async () => {
			const page = await request(authorizeQuery({ state: 'deny-state' }));
			const txn = str(/name="txn" value="([0-9a-f]+)"/.exec(page.text)?.[1]);
			const res = await request(
				`${sim.baseUrl}/oauth2/1/authorize/decision?txn=${txn}&decision=deny`,
			);
			expect(res.status).toBe(302);
			const location = new URL(str(res.headers.get('location')));
			expect(location.searchParams.get('error')).toBe('access_denied');
			expect(location.searchParams.get('error_description')).toBeTruthy();
			expect(location.searchParams.get('state')).toBe('deny-state');
			expect(location.searchParams.get('code')).toBeNull();
		});
	});

	describe('sim_auto', () => {
		it('sim_auto=allow redirects at once with a usable code and the chosen user', async () => {
			const { verifier, challenge } = newPkce();
			const user = sim.users[1];
			const res = await request(
				authorizeQuery({
					code_challenge: challenge,
					sim_auto: 'allow',
					sim_user: user.digilockerid,
				}),
			);
			expect(res.status).toBe(302);
			const location = new URL(str(res.headers.get('location')));
			expect(location.searchParams.get('state')).toBe('state-123');
			const tokens = await exchange(str(location.searchParams.get('code')), verifier);
			expect(tokens.status).toBe(200);
			expect(tokens.json.digilockerid).toBe(user.digilockerid);
		});

		it('sim_auto=deny redirects with access_denied', async () => {
			const res = await request(authorizeQuery({ sim_auto: 'deny' }));
			expect(res.status).toBe(302);
			const location = new URL(str(res.headers.get('location')));
			expect(location.searchParams.get('error')).toBe('access_denied');
			expect(location.searchParams.get('state')).toBe('state-123');
		});

		it('still validates before redirecting', async () => {
			const res = await request(authorizeQuery({ sim_auto: 'allow', client_id: 'NOPE' }));
			expect(res.status).toBe(400);
			expect(res.json.error).toBe('invalid_client_id');
		});
	});

	describe('POST /oauth2/1/token (authorization_code)', () => {
		it('issues tokens with HTTP Basic client authentication', async () => {
			const { code, verifier } = getCode();
			const res = await exchange(code, verifier, 'basic');
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('application/json');
			expect(res.headers.get('cache-control')).toBe('no-store');
			const user = sim.users[0];
			expect(res.json).toEqual({
				access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
				token_type: 'Bearer',
				expires_in: 3600,
				refresh_token: expect.stringMatching(/^[0-9a-f]{40}$/),
				scope: 'openid userdetails files.issueddocs files.uploadeddocs',
				consent_valid_till: expect.any(Number),
				digilockerid: user.digilockerid,
				name: user.name,
				dob: user.dob,
				gender: user.gender,
				eaadhaar: user.eaadhaar,
				reference_key: user.reference_key,
				new_account: 'N',
				mobile: user.mobile,
			});
			expect(Number(res.json.consent_valid_till)).toBeGreaterThan(Math.floor(clock / 1000));
			expect(sim.tokens.isAccessTokenActive(str(res.json.access_token))).toBe(true);
			expect(sim.tokens.isRefreshTokenActive(str(res.json.refresh_token))).toBe(true);
		});

		it('issues tokens with form client authentication and grants the requested scope', async () => {
			const { code, verifier } = getCode({ scope: 'openid files.issueddocs' });
			const res = await exchange(code, verifier, 'form');
			expect(res.status).toBe(200);
			expect(res.json.scope).toBe('openid files.issueddocs');
		});

		it('accepts Basic and form credentials together when they agree', async () => {
			const { code, verifier } = getCode();
			const res = await postForm(
				`${sim.baseUrl}/oauth2/1/token`,
				{
					grant_type: 'authorization_code',
					code,
					redirect_uri: REDIRECT_URI,
					code_verifier: verifier,
					client_id: CLIENT_ID,
					client_secret: CLIENT_SECRET,
				},
				{ Authorization: basic(CLIENT_ID, CLIENT_SECRET) },
			);
			expect(res.status).toBe(200);
		});

		it.each([
			['a wrong secret (Basic)', { Authorization: basic(CLIENT_ID, 'wrong') }, {}],
			['a wrong secret (form)', {}, { client_id: CLIENT_ID, client_secret: 'wrong' }],
			['an unknown client', { Authorization: basic('NOPE', CLIENT_SECRET) }, {}],
			['no credentials', {}, {}],
			['client_id without secret', {}, { client_id: CLIENT_ID }],
			[
				'Basic and form disagreeing',
				{ Authorization: basic(CLIENT_ID, CLIENT_SECRET) },
				{ client_id: OTHER_CLIENT_ID, client_secret: OTHER_CLIENT_SECRET },
			],
			['malformed Basic', { Authorization: 'Basic !!!' }, {}],
		])('answers 401 invalid_client for %s', async (_label, headers, creds) => {
			const { code, verifier } = getCode();
			const res = await postForm(
				`${sim.baseUrl}/oauth2/1/token`,
				{
					grant_type: 'authorization_code',
					code,
					redirect_uri: REDIRECT_URI,
					code_verifier: verifier,
					...creds,
				},
				headers,
			);
			expect(res.status).toBe(401);
			expect(res.json).toEqual({
				error: 'invalid_client',
				error_description: 'Client authentication failed',
			});
		});

		it('requires a form-urlencoded body', async () => {
			const { code, verifier } = getCode();
			const res = await request(`${sim.baseUrl}/oauth2/1/token`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Authorization: basic(CLIENT_ID, CLIENT_SECRET),
				},
				body: JSON.stringify({
					grant_type: 'authorization_code',
					code,
					redirect_uri: REDIRECT_URI,
					code_verifier: verifier,
				}),
			});
			expect(res.status).toBe(400);
			expect(res.json.error).toBe('invalid_request');
		});

		it.each(['code', 'redirect_uri', 'code_verifier', 'grant_type'])(
			'answers invalid_request when %s is missing',
			async (missing) => {
				const { code, verifier } = getCode();
				const fields: Record<string, string> = {
					grant_type: 'authorization_code',
					code,
					redirect_uri: REDIRECT_URI,
					code_verifier: verifier,
				};
				delete fields[missing];
				const res = await postForm(`${sim.baseUrl}/oauth2/1/token`, fields, {
					Authorization: basic(CLIENT_ID, CLIENT_SECRET),
				});
				expect(res.status).toBe(400);
				expect(res.json.error).toBe('invalid_request');
			},
		);

		it('answers invalid_grant_type for an unknown grant_type', async () => {
			const res = await postForm(
				`${sim.baseUrl}/oauth2/1/token`,
				{ grant_type: 'password', username: 'u', password: 'p' },
				{ Authorization: basic(CLIENT_ID, CLIENT_SECRET) },
			);
			expect(res.status).toBe(400);
			expect(res.json.error).toBe('invalid_grant_type');
		});

		it('rejects a code_verifier that does not match the challenge', async () => {
			const { code } = getCode();
			const res = await exchange(code, newPkce().verifier);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({
				error: 'invalid_grant',
				error_description: 'The code_verifier does not match the code_challenge',
			});
		});

		it('rejects a malformed code_verifier', async () => {
			const { code } = getCode();
			const res = await exchange(code, 'too-short');
			expect(res.status).toBe(400);
			expect(res.json.error).toBe('invalid_grant');
			expect(res.json.error_description).toMatch(/code_verifier/);
		});

		it('rejects a redirect_uri different from the one used at authorize', async () => {
			const { code, verifier } = getCode();
			const res = await exchange(code, verifier, 'basic', `${REDIRECT_URI}?x=1`);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({
				error: 'invalid_grant',
				error_description: 'redirect_uri does not match',
			});
		});

		it('rejects an unknown code', async () => {
			const res = await exchange('0'.repeat(40), newPkce().verifier);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({
				error: 'invalid_grant',
				error_description: 'The authorization code is invalid or expired',
			});
		});

		it('rejects an expired code', async () => {
			const { code, verifier } = getCode();
			clock += 601 * 1000;
			const res = await exchange(code, verifier);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({
				error: 'invalid_grant',
				error_description: 'The authorization code is invalid or expired',
			});
		});

		it('accepts a code just before it expires', async () => {
			const { code, verifier } = getCode();
			clock += 599 * 1000;
			const res = await exchange(code, verifier);
			expect(res.status).toBe(200);
		});

		it('rejects a reused code and revokes the tokens it issued', async () => {
			const { code, verifier } = getCode();
			const first = await exchange(code, verifier);
			expect(first.status).toBe(200);
			const accessToken = str(first.json.access_token);
			const refreshToken = str(first.json.refresh_token);

			const second = await exchange(code, verifier);
			expect(second.status).toBe(400);
			expect(second.json.error).toBe('invalid_grant');
			expect(second.json.error_description).not.toBe(
				'The code_verifier does not match the code_challenge',
			);
			expect(sim.tokens.isAccessTokenActive(accessToken)).toBe(false);
			expect(sim.tokens.isRefreshTokenActive(refreshToken)).toBe(false);
		});

		it('binds the code to the client it was issued to', async () => {
			const { code, verifier } = getCode();
			const res = await postForm(`${sim.baseUrl}/oauth2/1/token`, {
				grant_type: 'authorization_code',
				code,
				redirect_uri: REDIRECT_URI,
				code_verifier: verifier,
				client_id: OTHER_CLIENT_ID,
				client_secret: OTHER_CLIENT_SECRET,
			});
			expect(res.status).toBe(400);
			expect(res.json.error).toBe('invalid_grant');
		});
	});

	describe('POST /oauth2/1/token (refresh_token)', () => {
		function refresh(
			refreshToken: string,
			extra: Record<string, string> = {},
		): Promise<HttpResult> {
			return postForm(
				`${sim.baseUrl}/oauth2/1/token`,
				{ grant_type: 'refresh_token', refresh_token: refreshToken, ...extra },
				{ Authorization: basic(CLIENT_ID, CLIENT_SECRET) },
			);
		}

		it('rotates both tokens; the old ones die', async () => {
			const first = await issueTokens();
			const res = await refresh(first.refreshToken);
			expect(res.status).toBe(200);
			const accessToken = str(res.json.access_token);
			const refreshToken = str(res.json.refresh_token);
			expect(accessToken).not.toBe(first.accessToken);
			expect(refreshToken).not.toBe(first.refreshToken);
			expect(res.json.digilockerid).toBe(first.body.digilockerid);
			expect(res.json.scope).toBe(first.body.scope);
			expect(res.json.consent_valid_till).toBe(first.body.consent_valid_till);

			expect(sim.tokens.isAccessTokenActive(first.accessToken)).toBe(false);
			expect(sim.tokens.isRefreshTokenActive(first.refreshToken)).toBe(false);
			expect(sim.tokens.isAccessTokenActive(accessToken)).toBe(true);
			expect(sim.tokens.isRefreshTokenActive(refreshToken)).toBe(true);

			const reuse = await refresh(first.refreshToken);
			expect(reuse.status).toBe(400);
			expect(reuse.json).toEqual({
				error: 'invalid_grant',
				error_description: 'The refresh token is invalid or expired',
			});
			// Default: replaying the old refresh token does not kill the new pair.
			expect(sim.tokens.isRefreshTokenActive(refreshToken)).toBe(true);
		});

		it('works with form client authentication', async () => {
			const first = await issueTokens();
			const res = await postForm(`${sim.baseUrl}/oauth2/1/token`, {
				grant_type: 'refresh_token',
				refresh_token: first.refreshToken,
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
			});
			expect(res.status).toBe(200);
		});

		it('rejects unknown refresh tokens and other clients', async () => {
			const unknown = await refresh('f'.repeat(40));
			expect(unknown.status).toBe(400);
			expect(unknown.json.error).toBe('invalid_grant');

			const first = await issueTokens();
			const other = await postForm(`${sim.baseUrl}/oauth2/1/token`, {
				grant_type: 'refresh_token',
				refresh_token: first.refreshToken,
				client_id: OTHER_CLIENT_ID,
				client_secret: OTHER_CLIENT_SECRET,
			});
			expect(other.status).toBe(400);
			expect(other.json.error).toBe('invalid_grant');
			expect(sim.tokens.isRefreshTokenActive(first.refreshToken)).toBe(true);
		});

		it('rejects a missing refresh_token with invalid_request', async () => {
			const res = await postForm(
				`${sim.baseUrl}/oauth2/1/token`,
				{ grant_type: 'refresh_token' },
				{ Authorization: basic(CLIENT_ID, CLIENT_SECRET) },
			);
			expect(res.status).toBe(400);
			expect(res.json.error).toBe('invalid_request');
		});

		it('allows narrowing but not widening the scope', async () => {
			const first = await issueTokens({ scope: 'openid userdetails' });
			const wider = await refresh(first.refreshToken, {
				scope: 'openid userdetails files.issueddocs',
			});
			expect(wider.status).toBe(400);
			expect(wider.json.error).toBe('invalid_scope');
			const narrower = await refresh(first.refreshToken, { scope: 'openid' });
			expect(narrower.status).toBe(200);
			expect(narrower.json.scope).toBe('openid');
		});

		it('can revoke the whole grant on refresh-token replay when asked to', async () => {
			const strict = await startSimulator({ revokeGrantOnRefreshReuse: true });
			try {
				const { verifier, challenge } = newPkce();
				const { code } = strict.authorize({
					clientId: CLIENT_ID,
					redirectUri: REDIRECT_URI,
					codeChallenge: challenge,
					state: 's',
				});
				const auth = { Authorization: basic(CLIENT_ID, CLIENT_SECRET) };
				const first = await postForm(
					`${strict.baseUrl}/oauth2/1/token`,
					{
						grant_type: 'authorization_code',
						code: str(code),
						redirect_uri: REDIRECT_URI,
						code_verifier: verifier,
					},
					auth,
				);
				const oldRefresh = str(first.json.refresh_token);
				const second = await postForm(
					`${strict.baseUrl}/oauth2/1/token`,
					{ grant_type: 'refresh_token', refresh_token: oldRefresh },
					auth,
				);
				const newRefresh = str(second.json.refresh_token);
				const replay = await postForm(
					`${strict.baseUrl}/oauth2/1/token`,
					{ grant_type: 'refresh_token', refresh_token: oldRefresh },
					auth,
				);
				expect(replay.status).toBe(400);
				expect(strict.tokens.isRefreshTokenActive(newRefresh)).toBe(false);
			} finally {
				await strict.stop();
			}
		});
	});

	describe('POST /oauth2/1/revoke', () => {
		const revokeUrl = () => `${sim.baseUrl}/oauth2/1/revoke`;

		it('revoking the access token kills both tokens', async () => {
			const t = await issueTokens();
			const res = await postForm(
				revokeUrl(),
				{ token: t.accessToken, token_type_hint: 'access_token' },
				{ Authorization: basic(CLIENT_ID, CLIENT_SECRET) },
			);
			expect(res.status).toBe(200);
			expect(res.json).toEqual({});
			expect(sim.tokens.isAccessTokenActive(t.accessToken)).toBe(false);
			expect(sim.tokens.isRefreshTokenActive(t.refreshToken)).toBe(false);
		});

		it('revoking the refresh token (form auth, no hint) kills both tokens', async () => {
			const t = await issueTokens();
			const res = await postForm(revokeUrl(), {
				token: t.refreshToken,
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
			});
			expect(res.status).toBe(200);
			expect(sim.tokens.isAccessTokenActive(t.accessToken)).toBe(false);
			expect(sim.tokens.isRefreshTokenActive(t.refreshToken)).toBe(false);
			const user = await request(`${sim.baseUrl}/oauth2/1/user`, {
				headers: { Authorization: `Bearer ${t.accessToken}` },
			});
			expect(user.status).toBe(401);
		});

		it('answers 200 for unknown and already-revoked tokens', async () => {
			const auth = { Authorization: basic(CLIENT_ID, CLIENT_SECRET) };
			const unknown = await postForm(revokeUrl(), { token: 'nope' }, auth);
			expect(unknown.status).toBe(200);
			const t = await issueTokens();
			await postForm(revokeUrl(), { token: t.accessToken }, auth);
			const again = await postForm(revokeUrl(), { token: t.accessToken }, auth);
			expect(again.status).toBe(200);
		});

		it('answers 400 invalid_request when token is missing', async () => {
			const res = await postForm(
				revokeUrl(),
				{},
				{ Authorization: basic(CLIENT_ID, CLIENT_SECRET) },
			);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({
				error: 'invalid_request',
				error_description: 'The token is invalid',
			});
		});

		it('authenticates the client like the token endpoint', async () => {
			const t = await issueTokens();
			const wrong = await postForm(
				revokeUrl(),
				{ token: t.accessToken },
				{ Authorization: basic(CLIENT_ID, 'wrong') },
			);
			expect(wrong.status).toBe(401);
			expect(wrong.json.error).toBe('invalid_client');
			const bearerOnly = await postForm(
				revokeUrl(),
				{ token: t.accessToken },
				{ Authorization: `Bearer ${t.accessToken}` },
			);
			expect(bearerOnly.status).toBe(401);
			expect(sim.tokens.isAccessTokenActive(t.accessToken)).toBe(true);
		});
	});

	describe('GET /oauth2/1/user', () => {
		const userUrl = () => `${sim.baseUrl}/oauth2/1/user`;

		it('returns the user for a valid Bearer token', async () => {
			const user = sim.users[2];
			const t = await issueTokens({ userId: user.digilockerid });
			const res = await request(userUrl(), {
				headers: { Authorization: `Bearer ${t.accessToken}` },
			});
			expect(res.status).toBe(200);
			expect(res.json).toEqual({
				digilockerid: user.digilockerid,
				name: user.name,
				dob: user.dob,
				gender: user.gender,
				eaadhaar: user.eaadhaar,
				reference_key: user.reference_key,
				mobile: user.mobile,
				email: user.email,
			});
		});

		it.each([
			['no Authorization header', undefined],
			['an unknown token', 'Bearer 0123456789abcdef0123456789abcdef01234567'],
			['Basic instead of Bearer', basic(CLIENT_ID, CLIENT_SECRET)],
		])('answers 401 invalid_token for %s', async (_label, header) => {
			const res = await request(userUrl(), header ? { headers: { Authorization: header } } : {});
			expect(res.status).toBe(401);
			expect(res.json).toEqual({
				error: 'invalid_token',
				error_description: 'The access token is invalid',
			});
			expect(res.headers.get('www-authenticate')).toContain('Bearer');
		});

		it('answers 401 once the access token has expired', async () => {
			const t = await issueTokens();
			clock += 3601 * 1000;
			const res = await request(userUrl(), {
				headers: { Authorization: `Bearer ${t.accessToken}` },
			});
			expect(res.status).toBe(401);
			expect(sim.tokens.isAccessTokenActive(t.accessToken)).toBe(false);
			expect(sim.tokens.isRefreshTokenActive(t.refreshToken)).toBe(true);
		});

		it('answers 403 insufficient_scope without the userdetails scope', async () => {
			const t = await issueTokens({ scope: 'openid files.issueddocs' });
			const res = await request(userUrl(), {
				headers: { Authorization: `Bearer ${t.accessToken}` },
			});
			expect(res.status).toBe(403);
			expect(res.json.error).toBe('insufficient_scope');
		});
	});

	describe('routing', () => {
		it.each(['/public/nothing', '/oauth2/1/token', '/public/oauth2/1/token/'])(
			'answers 404 not_found for %s',
			async (path) => {
				const res = await request(`http://127.0.0.1:${sim.port}${path}`);
				expect(res.status).toBe(404);
				expect(res.json.error).toBe('not_found');
				expect(typeof res.json.error_description).toBe('string');
			},
		);

		it('answers 405 for a wrong method on a known route', async () => {
			const res = await request(`${sim.baseUrl}/oauth2/1/token`);
			expect(res.status).toBe(405);
			expect(res.headers.get('allow')).toBe('POST');
		});
	});

	describe('request recording', () => {
		it('records method, path, query, lower-cased headers and the parsed form', async () => {
			await postForm(
				`${sim.baseUrl}/oauth2/1/token?x=1`,
				{ grant_type: 'refresh_token', refresh_token: 'abc' },
				{ Authorization: basic(CLIENT_ID, CLIENT_SECRET), 'X-Custom': 'Yes' },
			);
			expect(sim.requests).toHaveLength(1);
			const recorded = sim.requests[0];
			expect(recorded.method).toBe('POST');
			expect(recorded.path).toBe('/public/oauth2/1/token');
			expect(recorded.query).toEqual({ x: '1' });
			expect(recorded.headers['x-custom']).toBe('Yes');
			expect(recorded.form).toEqual({ grant_type: 'refresh_token', refresh_token: 'abc' });
			expect(recorded.rawBody).toBe('grant_type=refresh_token&refresh_token=abc');

			await request(`${sim.baseUrl}/oauth2/1/user`);
			expect(sim.requests[1].form).toBeNull();
			sim.clearRequests();
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('fault injection', () => {
		const tokenUrl = () => `${sim.baseUrl}/oauth2/1/token`;
		const auth = () => ({ Authorization: basic(CLIENT_ID, CLIENT_SECRET) });

		it('latency delays, then the normal response follows', async () => {
			sim.setFault('user', { type: 'latency', ms: 300 });
			const started = Date.now();
			const res = await request(`${sim.baseUrl}/oauth2/1/user`);
			expect(Date.now() - started).toBeGreaterThanOrEqual(280);
			expect(res.status).toBe(401);
			expect(res.json.error).toBe('invalid_token');
		});

		it('status faults send the status, Retry-After and a JSON error body', async () => {
			sim.setFault('token', { type: 'status', status: 429, retryAfter: 7 });
			const res = await postForm(
				tokenUrl(),
				{ grant_type: 'refresh_token', refresh_token: 'x' },
				auth(),
			);
			expect(res.status).toBe(429);
			expect(res.headers.get('retry-after')).toBe('7');
			expect(typeof res.json.error).toBe('string');
			expect(typeof res.json.error_description).toBe('string');
		});

		it.each([500, 503, 530])('status fault %i', async (status) => {
			sim.setFault('revoke', { type: 'status', status });
			const res = await postForm(`${sim.baseUrl}/oauth2/1/revoke`, { token: 'x' }, auth());
			expect(res.status).toBe(status);
			expect(res.headers.get('retry-after')).toBeNull();
			expect(typeof res.json.error).toBe('string');
		});

		it('status faults can carry a custom body', async () => {
			sim.setFault('user', {
				type: 'status',
				status: 503,
				body: { error: 'repository_service_inactive', error_description: 'Down' },
			});
			const res = await request(`${sim.baseUrl}/oauth2/1/user`);
			expect(res.json).toEqual({ error: 'repository_service_inactive', error_description: 'Down' });
		});

		it('times limits how often a fault applies', async () => {
			sim.setFault('token', { type: 'status', status: 500, times: 2 });
			const statuses: number[] = [];
			for (let i = 0; i < 3; i++) {
				const res = await postForm(tokenUrl(), { grant_type: 'nope' }, auth());
				statuses.push(res.status);
			}
			expect(statuses).toEqual([500, 500, 400]);
		});

		it('reset destroys the socket without a response', async () => {
			sim.setFault('token', { type: 'reset', times: 1 });
			await expect(
				fetch(tokenUrl(), {
					method: 'POST',
					headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...auth() },
					body: 'grant_type=refresh_token&refresh_token=x',
				}),
			).rejects.toThrow();
			expect(sim.requests).toHaveLength(1);
			const after = await postForm(tokenUrl(), { grant_type: 'nope' }, auth());
			expect(after.status).toBe(400);
		});

		it('truncated sends fewer bytes than Content-Length', async () => {
			sim.setFault('token', { type: 'truncated' });
			const res = await fetch(tokenUrl(), {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...auth() },
				body: 'grant_type=nope',
			});
			expect(res.status).toBe(200);
			expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100);
			await expect(res.text()).rejects.toThrow();
		});

		it('malformed-json sends broken JSON with a JSON content type', async () => {
			sim.setFault('token', { type: 'malformed-json' });
			const res = await postForm(tokenUrl(), { grant_type: 'nope' }, auth());
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('application/json');
			expect(res.text).toBe('{"access_token": "abc"');
			expect(() => {
				JSON.parse(res.text);
			}).toThrow();
		});

		it('html sends a 200 HTML page', async () => {
			sim.setFault('user', { type: 'html' });
			const res = await request(`${sim.baseUrl}/oauth2/1/user`);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('text/html');
			expect(res.text).toContain('<html');
		});

		it("'*' applies to every route; a route's own fault wins over '*'", async () => {
			sim.setFault('*', { type: 'status', status: 503 });
			sim.setFault('user', { type: 'status', status: 500 });
			expect((await request(`${sim.baseUrl}/oauth2/1/user`)).status).toBe(500);
			expect((await postForm(tokenUrl(), {}, auth())).status).toBe(503);
			expect((await request(authorizeQuery())).status).toBe(503);
			expect((await request(`${sim.baseUrl}/unknown`)).status).toBe(503);
			sim.clearFaults();
			expect((await request(`${sim.baseUrl}/oauth2/1/user`)).status).toBe(401);
		});

		it('the authorize key covers the consent route', async () => {
			sim.setFault('authorize', { type: 'status', status: 500, times: 1 });
			expect((await request(authorizeQuery({ sim_auto: 'allow' }))).status).toBe(500);
			expect((await request(authorizeQuery({ sim_auto: 'allow' }))).status).toBe(302);
		});

		it('rejects unknown route keys and malformed faults', () => {
			expect(() => sim.setFault('nope', { type: 'reset' })).toThrow();
			expect(() => sim.setFault('token', { type: 'status', status: 200 })).toThrow();
			expect(() => sim.setFault('token', { type: 'latency', ms: -1 })).toThrow();
			expect(() => sim.setFault('token', { type: 'reset', times: 0 })).toThrow();
		});
	});

	it('never needed a 500 for its own bugs', () => {
		expect(sim.serverErrors).toEqual([]);
	});
});
