import { PAGE_CSP, renderPage, type PageText } from './pages';

/** The part of n8n's (Express) response the trigger writes to; plain Node responses have it too. */
export interface BrowserResponse {
	statusCode: number;
	setHeader(name: string, value: string | string[]): unknown;
	end(body?: string): unknown;
}

/** Never cached, never framed, and the callback URL (it holds the code) never leaves as a Referer. */
function commonHeaders(res: BrowserResponse, cookies: string[]): void {
	res.setHeader('Cache-Control', 'no-store');
	res.setHeader('Referrer-Policy', 'no-referrer');
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('X-Frame-Options', 'DENY');
	if (cookies.length) res.setHeader('Set-Cookie', cookies);
}

export function sendPage(
	res: BrowserResponse,
	status: number,
	page: { kind: string; text: PageText; good: boolean },
	cookies: string[] = [],
): void {
	commonHeaders(res, cookies);
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Content-Security-Policy', PAGE_CSP);
	res.statusCode = status;
	res.end(renderPage(page.kind, page.text, page.good));
}

export function sendRedirect(
	res: BrowserResponse,
	status: 302 | 303,
	location: string,
	cookies: string[] = [],
): void {
	commonHeaders(res, cookies);
	res.setHeader('Location', location);
	res.statusCode = status;
	res.end();
}

/** Headers for an answer someone else writes (a Respond to Webhook node): the cookie and no caching. */
export function prepareForResponseNode(res: BrowserResponse, cookies: string[]): void {
	commonHeaders(res, cookies);
}

/** Pages that carry no outcome: a request DigiLocker would not send, or a trigger set up wrongly. */
export const NEUTRAL_PAGES = {
	malformed: {
		title: 'This request could not be read',
		message: 'Please go back and start again from the page that sent you here.',
	},
	notFound: {
		title: 'Nothing here',
		message: 'This address does not start anything.',
	},
	badContext: {
		title: 'This link is not valid',
		message: 'Please start again from the page that sent you here.',
	},
	misconfigured: {
		title: 'This link is not set up correctly',
		message: 'Please try again later, or tell the people who sent you here.',
	},
} satisfies Record<string, PageText>;
