'use strict';

/**
 * The meta APIs, authenticated per client (no user token) with form fields clientid, ts and
 * hmac (see meta-hmac.js): POST /oauth2/1/pull/issuers, /pull/doctype (orgid) and
 * /pull/parameters (orgid, doctype). ts is Unix seconds and may be at most 30 minutes off.
 */

const { OAuthError, isFormUrlEncoded, paramsToObject, param, sendJson } = require('./http-util');
const { metaHmac } = require('./meta-hmac');
const { DEFAULT_ISSUERS, findIssuer, findDoctype } = require('./issuers');

const TS_WINDOW_SECONDS = 30 * 60;
const MSG_ORGID = 'The orgid parameter is missing or invalid';
const MSG_DOCTYPE = 'The doctype parameter is missing or invalid';
const MSG_TS = 'Timestamp parameter is missing or invalid';
const MSG_HMAC = 'HMAC parameter is missing or invalid';

/**
 * @typedef {{ res: import('http').ServerResponse, headers: import('http').IncomingHttpHeaders, rawBody: string, sim: import('./authorize').SimState }} MetaCtx
 */

/**
 * Checks clientid, ts, hmac and the presence of orgid/doctype; returns the form.
 * @param {MetaCtx} ctx
 * @param {{ orgid: boolean, doctype: boolean }} needs
 * @returns {Record<string, string>}
 */
function checkMetaRequest(ctx, needs) {
	const form = isFormUrlEncoded(ctx.headers['content-type'])
		? paramsToObject(new URLSearchParams(ctx.rawBody)).values
		: {};
	const clientId = param(form, 'clientid');
	const app = clientId === undefined ? undefined : ctx.sim.apps.get(clientId);
	if (!app) throw new OAuthError(401, 'invalid_client_id', 'The client_id parameter is invalid');
	const orgid = needs.orgid ? param(form, 'orgid') : undefined;
	const doctype = needs.doctype ? param(form, 'doctype') : undefined;
	const ts = param(form, 'ts');
	/** @type {string[]} */
	const problems = [];
	if (needs.orgid && orgid === undefined) problems.push(MSG_ORGID);
	if (needs.doctype && doctype === undefined) problems.push(MSG_DOCTYPE);
	const nowSeconds = Math.floor(ctx.sim.now() / 1000);
	if (
		ts === undefined ||
		!/^\d{1,12}$/.test(ts) ||
		Math.abs(nowSeconds - Number(ts)) > TS_WINDOW_SECONDS
	) {
		problems.push(MSG_TS);
	}
	const expected =
		ts === undefined
			? ''
			: metaHmac({ clientSecret: app.clientSecret, clientId: app.clientId, orgid, doctype, ts });
	if (param(form, 'hmac') === undefined || param(form, 'hmac') !== expected)
		problems.push(MSG_HMAC);
	if (problems.length > 0) throw new OAuthError(400, 'invalid_parameter', problems.join('; '));
	return form;
}

/** @param {Record<string, string>} form */
function issuerOf(form) {
	const issuer = findIssuer(form.orgid);
	if (!issuer) throw new OAuthError(400, 'invalid_parameter', MSG_ORGID);
	return issuer;
}

/** @param {MetaCtx} ctx */
function handleIssuers(ctx) {
	checkMetaRequest(ctx, { orgid: false, doctype: false });
	sendJson(ctx.res, 200, {
		issuers: DEFAULT_ISSUERS.map((i) => ({
			orgid: i.orgid,
			issuerid: i.issuerid,
			name: i.name,
			description: i.description,
			categories: i.categories,
		})),
	});
}

/** @param {MetaCtx} ctx */
function handleDoctypes(ctx) {
	const issuer = issuerOf(checkMetaRequest(ctx, { orgid: true, doctype: false }));
	sendJson(ctx.res, 200, {
		documents: issuer.doctypes.map((d) => ({ doctype: d.doctype, description: d.description })),
	});
}

/** @param {MetaCtx} ctx */
function handleParameters(ctx) {
	const form = checkMetaRequest(ctx, { orgid: true, doctype: true });
	const doctype = findDoctype(issuerOf(form), form.doctype);
	if (!doctype) throw new OAuthError(400, 'invalid_parameter', MSG_DOCTYPE);
	sendJson(ctx.res, 200, { parameters: doctype.parameters.map((p) => ({ ...p })) });
}

module.exports = { handleIssuers, handleDoctypes, handleParameters, TS_WINDOW_SECONDS };
