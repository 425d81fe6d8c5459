import { createHash } from 'node:crypto';

const STYLE =
	'body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f5f7fa}' +
	'main{max-width:30rem;margin:12vh auto 0;padding:1.5rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 4px rgba(0,0,0,.12)}' +
	'h1{font-size:1.35rem;margin:0 0 .5rem}p{margin:0}' +
	'main[data-good="yes"] h1{color:#0b6e4f}main[data-good="no"] h1{color:#9b1c1c}';

/** Only this stylesheet may apply: no script, image, frame, form or base URL on the page. */
export const PAGE_CSP = [
	"default-src 'none'",
	`style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(character) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
			character,
	);

export interface PageText {
	title: string;
	message: string;
}

/** A short page readable on a phone; `kind` is the outcome (or `malformed`), for people and browser tests alike. */
export function renderPage(kind: string, text: PageText, good: boolean): string {
	const title = escapeHtml(text.title);
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main data-outcome="${escapeHtml(kind)}" data-good="${good ? 'yes' : 'no'}">
<h1 id="outcome-title">${title}</h1>
<p id="outcome-message">${escapeHtml(text.message)}</p>
</main>
</body>
</html>
`;
}
