/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tests wait on real time, outside the node */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runDigiLockerNode, type NodeRun } from '../engine/harness';
import { startHostileServer, trickle, type HostileServer } from '../engine/hostileServer';
import { testApp } from '../fixtures';

const refreshToken = 'r'.repeat(40);
const accessToken = 'a'.repeat(40);

async function run(server: HostileServer, parameters: INodeParameters, extra: IDataObject = {}) {
	return await runDigiLockerNode({
		parameters,
		credentials: {
			...testApp,
			environment: 'custom',
			baseUrl: server.baseUrl,
			clientAuthentication: 'basic',
		},
		continueOnFail: true,
		...extra,
	});
}

const errorOf = (result: NodeRun) => (result.items?.[0]?.json as IDataObject).error as IDataObject;

const refresh: INodeParameters = {
	resource: 'authorization',
	operation: 'refreshToken',
	refreshToken,
	requestOptions: { timeoutSeconds: 1 },
};
const userGet: INodeParameters = {
	resource: 'user',
	operation: 'get',
	accessToken,
	requestOptions: { timeoutSeconds: 1, maxTries: 1 },
};

async function eventually(condition: () => boolean) {
	for (let waited = 0; !condition() && waited < 15_000; waited += 50) {
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

let servers: HostileServer[] = [];
const hostile = async (...args: Parameters<typeof startHostileServer>) => {
	const server = await startHostileServer(...args);
	servers.push(server);
	return server;
};
afterEach(async () => {
	await Promise.all(servers.map(async (server) => await server.close()));
	servers = [];
});

describe('redirects are never followed', () => {
	it.each([
		[301, refresh],
		[302, refresh],
		[307, refresh],
		[308, userGet],
		[303, userGet],
	])(
		'HTTP %d: UPSTREAM_ERROR naming status and host, nothing sent to the target',
		async (status, parameters) => {
			const target = await hostile();
			const server = await hostile((_, res) => {
				res.writeHead(status, {
					Location: `${target.origin}/collect?stolen=${testApp.clientSecret}`,
				});
				res.end();
			});
			const result = await run(server, parameters);
			const error = errorOf(result);
			expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', status });
			expect(error.message).toContain(`HTTP ${status}`);
			expect(error.message).toContain(new URL(target.origin).host);
			expect(JSON.stringify(result.items)).not.toContain('stolen');
			expect(server.requests).toHaveLength(1);
			expect(target.requests).toHaveLength(0);
		},
	);
});

describe('Timeout is a deadline for the whole request', () => {
	it('ends a JSON answer trickled one byte every 0.4 s after about the timeout, as TIMEOUT', async () => {
		const server = await hostile((_, res) =>
			trickle(res, JSON.stringify({ name: 'x'.repeat(200) }), 400),
		);
		const started = Date.now();
		const result = await run(server, userGet);
		expect(errorOf(result)).toMatchObject({ code: 'TIMEOUT' });
		expect(Date.now() - started).toBeLessThan(20_000);
		await eventually(() => server.abortedByClient > 0);
		expect(server.abortedByClient).toBe(1);
	});

	it('ends a token answer that never comes, as TIMEOUT, and never sends the refresh token again', async () => {
		const server = await hostile(() => undefined);
		const result = await run(server, refresh);
		expect(errorOf(result)).toMatchObject({ code: 'TIMEOUT' });
		expect(server.requests).toHaveLength(1);
	});

	it('ends a trickled token answer too (n8n replaces the abort signal of authenticated requests)', async () => {
		const server = await hostile((_, res) =>
			trickle(res, JSON.stringify({ access_token: 'y'.repeat(200) }), 400),
		);
		const started = Date.now();
		const result = await run(server, refresh);
		expect(errorOf(result)).toMatchObject({ code: 'TIMEOUT' });
		expect(Date.now() - started).toBeLessThan(20_000);
	});

	it('aborts the request in flight when the execution is cancelled', async () => {
		const server = await hostile(() => undefined);
		await run(
			server,
			{ ...userGet, requestOptions: { timeoutSeconds: 600 } },
			{ cancelAfterMs: 500 },
		);
		await eventually(() => server.abortedByClient > 0);
		expect(server.abortedByClient).toBe(1);
	});
});

describe('answers are size-capped', () => {
	const big = JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024) });

	it('refuses a JSON answer over 10 MiB announced by Content-Length without reading it', async () => {
		const server = await hostile((_, res) => {
			res.writeHead(200, {
				'Content-Type': 'application/json',
				'Content-Length': Buffer.byteLength(big),
			});
			res.end(big);
		});
		const error = errorOf(await run(server, userGet));
		expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 200 });
		expect(error.message).toContain('larger than 10 MiB');
	});

	it('refuses a chunked JSON answer once it passes 10 MiB', async () => {
		const server = await hostile((_, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.write(big.slice(0, 6 * 1024 * 1024));
			res.end(big.slice(6 * 1024 * 1024));
		});
		expect(errorOf(await run(server, userGet))).toMatchObject({ code: 'INVALID_RESPONSE' });
	});

	it('reads a large error page only as far as it needs and still answers by its status', async () => {
		const server = await hostile((_, res) => {
			res.writeHead(503, { 'Content-Type': 'text/html' });
			res.end(`<html>${'x'.repeat(5 * 1024 * 1024)}</html>`);
		});
		expect(errorOf(await run(server, userGet))).toMatchObject({
			code: 'UPSTREAM_ERROR',
			status: 503,
		});
	});
});

describe('a Retry-After over 60 s', () => {
	it.each([
		[503, 'UPSTREAM_ERROR'],
		[429, 'RATE_LIMITED'],
	])('fails HTTP %d at once with %s, without waiting or trying again', async (status, code) => {
		const server = await hostile((_, res) => {
			res.writeHead(status, { 'Retry-After': '120' });
			res.end();
		});
		const result = await run(server, { ...userGet, requestOptions: { maxTries: 3 } });
		expect(errorOf(result)).toMatchObject({ code, status });
		expect(server.requests).toHaveLength(1);
	});
});

describe('secrets echoed back in any encoding are scrubbed', () => {
	const secret = 'a+b/c=d:e%f g';
	const encodings = [
		secret,
		encodeURIComponent(secret),
		new URLSearchParams({ s: secret }).toString().slice(2),
		Buffer.from(`${testApp.clientId}:${secret}`).toString('base64'),
		Buffer.from(
			`${testApp.clientId}:${new URLSearchParams({ s: secret }).toString().slice(2)}`,
		).toString('base64'),
	];

	it.each(encodings)('%s in error_description', async (echo) => {
		const server = await hostile((_, res) => {
			res.writeHead(400, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ error: 'invalid_request', error_description: `bad ${echo} here` }));
		});
		const result = await runDigiLockerNode({
			parameters: refresh,
			credentials: {
				...testApp,
				clientSecret: secret,
				environment: 'custom',
				baseUrl: server.baseUrl,
				clientAuthentication: 'basic',
			},
			continueOnFail: true,
		});
		const shown = JSON.stringify(result.items);
		expect(shown).toContain('[redacted]');
		expect(shown).not.toContain(echo);
	});

	it("scrubs the refresh token's URL-encoded and Base64 forms", async () => {
		const token = 'tok+en/with=odd';
		const echoes = [encodeURIComponent(token), Buffer.from(token).toString('base64')];
		const server = await hostile((_, res) => {
			res.writeHead(400, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ error: 'invalid_grant', error_description: echoes.join(' ') }));
		});
		const result = await run(server, { ...refresh, refreshToken: token });
		const shown = JSON.stringify(result.items);
		for (const echo of echoes) expect(shown).not.toContain(echo);
	});
});
