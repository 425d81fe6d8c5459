import type { IDataObject } from 'n8n-workflow';

import { testApp } from '../fixtures';
import { startSimulator } from '../simulator';
import type { TriggerServer } from './triggerServer';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	location: string | null;
}

interface StoredCookie {
	value: string;
	path: string;
}

/**
 * A browser as far as the trigger can tell: one cookie jar (name, value, path; Max-Age=0 deletes), redirects not
 * followed, so every hop can be checked.
 */
export class TestBrowser {
	readonly cookies = new Map<string, StoredCookie>();

	async get(url: string, init: { method?: string } = {}): Promise<Answer> {
		const path = new URL(url).pathname;
		const cookie = [...this.cookies]
			.filter(([, c]) => path === c.path || path.startsWith(`${c.path.replace(/\/$/, '')}/`))
			.map(([name, c]) => `${name}=${c.value}`)
			.join('; ');
		const response = await fetch(url, {
			method: init.method ?? 'GET',
			redirect: 'manual',
			headers: cookie ? { cookie } : {},
		});
		for (const line of response.headers.getSetCookie()) this.store(line);
		return {
			status: response.status,
			headers: response.headers,
			text: await response.text(),
			location: response.headers.get('location'),
		};
	}

	private store(line: string): void {
		const [pair, ...attributes] = line.split(';').map((part) => part.trim());
		const at = pair.indexOf('=');
		const name = pair.slice(0, at);
		const attribute = (key: string) =>
			attributes.find((a) => a.toLowerCase().startsWith(`${key.toLowerCase()}=`))?.split('=')[1];
		if (attribute('Max-Age') === '0') this.cookies.delete(name);
		else this.cookies.set(name, { value: pair.slice(at + 1), path: attribute('Path') ?? '/' });
	}
}

/** A simulator that knows the test app. */
export async function startTriggerSimulator(): Promise<Simulator> {
	return await startSimulator({ apps: [{ ...testApp, redirectUris: [testApp.redirectUri] }] });
}

export const credentialsFor = (sim: Simulator, overrides: IDataObject = {}) => ({
	...testApp,
	environment: 'custom',
	baseUrl: sim.baseUrl,
	clientAuthentication: 'basic',
	...overrides,
});

/** The registered redirect URI's path and query, served by the local trigger server instead. */
export const onTriggerServer = (server: TriggerServer, registeredUrl: string) => {
	const url = new URL(registeredUrl);
	return `${server.origin}${url.pathname}${url.search}`;
};

export const startUrl = (server: TriggerServer, context?: string) =>
	`${server.origin}/webhook/digilocker/start${
		context === undefined ? '' : `?context=${encodeURIComponent(context)}`
	}`;

/** Opens the start URL in `browser` and answers the simulator's consent page: the callback URL DigiLocker sends back. */
export async function consentRound(
	browser: TestBrowser,
	server: TriggerServer,
	options: { context?: string; decision?: 'allow' | 'deny' } = {},
): Promise<{ consentUrl: string; callbackUrl: string; code: string | null; state: string | null }> {
	const start = await browser.get(startUrl(server, options.context));
	if (start.status !== 302 || !start.location) {
		throw new Error(`start answered HTTP ${start.status}: ${start.text.slice(0, 200)}`);
	}
	const decided = await browser.get(`${start.location}&sim_auto=${options.decision ?? 'allow'}`);
	if (decided.status !== 302 || !decided.location) {
		throw new Error(`the simulator answered HTTP ${decided.status}: ${decided.text.slice(0, 200)}`);
	}
	const query = new URL(decided.location).searchParams;
	return {
		consentUrl: start.location,
		callbackUrl: onTriggerServer(server, decided.location),
		code: query.get('code'),
		state: query.get('state'),
	};
}

export const tokenRequests = (sim: Simulator) =>
	sim.requests.filter((request) => request.path.endsWith('/oauth2/1/token'));

/** The text of the page's title and message, and its outcome marker. */
export function readPage(html: string) {
	const pick = (pattern: RegExp) => pattern.exec(html)?.[1];
	return {
		outcome: pick(/<main data-outcome="([^"]*)"/),
		title: pick(/<h1 id="outcome-title">([^<]*)<\/h1>/),
		message: pick(/<p id="outcome-message">([^<]*)<\/p>/),
	};
}
