/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a test server, not node code */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
}

export interface HostileServer {
	/** Everything before /oauth2/…, as a credential's custom Base URL. */
	baseUrl: string;
	origin: string;
	requests: SeenRequest[];
	/** Connections closed by the client before the answer ended. */
	abortedByClient: number;
	close(): Promise<void>;
}

type Handler = (request: SeenRequest, response: ServerResponse) => void;

/** A stand-in server on loopback that answers however a test tells it to, and records what reached it. */
export async function startHostileServer(
	handler: Handler = (_, res) => res.end(),
): Promise<HostileServer> {
	const requests: SeenRequest[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const seen = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(seen);
			res.on('close', () => {
				if (!res.writableFinished) hostile.abortedByClient++;
			});
			handler(seen, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const hostile: HostileServer = {
		baseUrl: `${origin}/public`,
		origin,
		requests,
		abortedByClient: 0,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	return hostile;
}

/** Sends a 200 JSON answer one byte at a time, `intervalMs` apart, for as long as the client listens. */
export function trickle(response: ServerResponse, body: string, intervalMs: number): void {
	response.writeHead(200, { 'Content-Type': 'application/json' });
	let index = 0;
	const timer = setInterval(() => {
		if (response.destroyed || index >= body.length) {
			clearInterval(timer);
			if (!response.destroyed) response.end();
			return;
		}
		response.write(body[index++]);
	}, intervalMs);
	response.on('close', () => clearInterval(timer));
}
