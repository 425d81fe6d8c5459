/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only loopback servers; not part of the package */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listener {
	url: string;
	/** Requests received so far, with their Authorization header. */
	received: Array<{ method?: string; url?: string; authorization?: string }>;
	stop: () => Promise<void>;
}

/** A loopback HTTP server that records every request and answers with `answer`. */
export async function startListener(
	answer: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Listener> {
	const received: Listener['received'] = [];
	const server = createServer((request, response) => {
		received.push({
			method: request.method,
			url: request.url,
			authorization: request.headers.authorization,
		});
		request.resume();
		request.on('end', () => answer(request, response));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** A listener that redirects every request to `location` with `status`. */
export const startRedirector = async (status: number, location: string) =>
	await startListener((_request, response) => {
		response.writeHead(status, { Location: location }).end();
	});
