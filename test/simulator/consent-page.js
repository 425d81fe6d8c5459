'use strict';

/** The HTML consent screen. Every reflected value goes through escapeHtml. */

const { escapeHtml } = require('./http-util');

/**
 * @param {object} input
 * @param {string} input.decisionPath absolute path of the decision route
 * @param {string} input.txn pending consent id
 * @param {import('./store').AuthorizeRequest} input.request
 * @param {import('./seed').SimUser[]} input.users
 * @param {string} input.selectedUserId
 */
function renderConsentPage({ decisionPath, txn, request, users, selectedUserId }) {
	const scopes = request.scope.split(' ').filter(Boolean);
	const selected = users.find((u) => u.digilockerid === selectedUserId) ?? users[0];
	const userChoices = users
		.map((u) => {
			const checked = u.digilockerid === selected.digilockerid ? ' checked' : '';
			return (
				`<label><input type="radio" name="user" value="${escapeHtml(u.digilockerid)}"${checked}> ` +
				`${escapeHtml(u.name)} (${escapeHtml(u.digilockerid)})</label><br>`
			);
		})
		.join('\n');
	const scopeItems = scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
	const docItems = request.reqDoctype.length
		? `<ul id="doctypes">${request.reqDoctype.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>`
		: '<p id="doctypes">All documents</p>';
	const consentTill =
		request.consentValidTill !== undefined
			? `<p>Consent valid till: <span id="consent-valid-till">${escapeHtml(
					new Date(request.consentValidTill * 1000).toISOString(),
				)}</span></p>`
			: '';

	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>DigiLocker Simulator - Consent</title>
<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}button{margin-right:1em}</style>
</head>
<body>
<h1>DigiLocker Simulator</h1>
<p>Signed in as <strong id="user-name">${escapeHtml(selected.name)}</strong></p>
<p>The application <strong id="client-id">${escapeHtml(request.clientId)}</strong> is requesting access to your DigiLocker account.</p>
${request.purpose ? `<p>Purpose: <span id="purpose">${escapeHtml(request.purpose)}</span></p>` : ''}
<h2>Requested permissions</h2>
<ul id="scopes">${scopeItems}</ul>
<h2>Documents</h2>
${docItems}
${consentTill}
<form method="get" action="${escapeHtml(decisionPath)}">
<input type="hidden" name="txn" value="${escapeHtml(txn)}">
<fieldset><legend>Account</legend>
${userChoices}
</fieldset>
<p>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</p>
</form>
</body>
</html>
`;
}

module.exports = { renderConsentPage };
