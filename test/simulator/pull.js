'use strict';

/**
 * POST /oauth2/1/pull/pulldocument: searches a simulated issuer's records with the user's
 * parameters and, on a match, saves the document to the user's Issued Documents. Uses the
 * v2.4 statuses (400) for invalid_orgid, invalid_doctype, uri_exists, pull_response_pending
 * and aadhaar_not_linked. Needs the files.issueddocs scope.
 */

const { OAuthError, requireForm, param, sendJson } = require('./http-util');
const { requireLocker } = require('./bearer');
const { findIssuer, findDoctype } = require('./issuers');
const { normalizeIssued } = require('./documents-seed');
const { issuedFromSpec, isoDate } = require('./locker');

/**
 * @typedef {import('./files-issued').DocSimState & { pullRecords: import('./issuers').PullRecord[] }} PullSimState
 * @typedef {{ res: import('http').ServerResponse, headers: import('http').IncomingHttpHeaders, rawBody: string, sim: PullSimState }} PullCtx
 */

/** @param {string} value */
function normalized(value) {
	return value.trim().toLowerCase();
}

/**
 * @param {import('./issuers').PullRecord} record
 * @param {Record<string, string>} values
 */
function recordMatches(record, values) {
	return Object.entries(record.values).every(
		([name, expected]) => normalized(values[name] ?? '') === normalized(expected),
	);
}

/** @param {PullCtx} ctx */
function handlePull(ctx) {
	const { grant, locker } = requireLocker(ctx, 'files.issueddocs');
	const form = requireForm(ctx);
	if (param(form, 'consent') !== 'Y') {
		throw new OAuthError(400, 'invalid_parameter', 'The consent parameter is missing or invalid');
	}
	const orgid = param(form, 'orgid') ?? '';
	const issuer = findIssuer(orgid);
	if (!issuer)
		throw new OAuthError(400, 'invalid_orgid', 'The orgid parameter is missing or invalid.');
	const doctype = findDoctype(issuer, param(form, 'doctype') ?? '');
	if (!doctype)
		throw new OAuthError(400, 'invalid_doctype', 'The doctype parameter is missing or invalid.');
	for (const p of doctype.parameters) {
		if (param(form, p.paramname) === undefined) {
			throw new OAuthError(
				400,
				'invalid_parameter',
				`The ${p.paramname} parameter is missing or invalid`,
			);
		}
	}
	const user = ctx.sim.users.get(grant.userId);
	if (!user) throw new Error('grant refers to an unknown user');
	if (doctype.aadhaarRequired && user.eaadhaar !== 'Y') {
		throw new OAuthError(
			400,
			'aadhaar_not_linked',
			'To access issued documents, please link your Aadhaar number to your DigiLocker account.',
		);
	}
	const record = ctx.sim.pullRecords.find(
		(r) => r.orgid === issuer.orgid && r.doctype === doctype.doctype && recordMatches(r, form),
	);
	if (!record) {
		throw new OAuthError(
			404,
			'record_not_found',
			'No record found in issuer database for given criteria. Please check the details and try again. If problem persists, see the FAQ section for possible causes.',
		);
	}
	if (record.pending) {
		throw new OAuthError(
			400,
			'pull_response_pending',
			'The details provided above do not exactly match with the details on the certificate. Your request has been forwarded to the Issuer department. The Issuer department will verify the details provided above. If the verification is successful, your certificate will be made available in the Issued Documents section of your DigiLocker.',
		);
	}
	const uri = `${issuer.issuerid}-${doctype.doctype}-${record.number}`;
	if (locker.issued.some((d) => d.uri === uri)) {
		throw new OAuthError(
			400,
			'uri_exists',
			'This document already exists in your Issued Documents.',
		);
	}
	const spec = normalizeIssued(
		{
			uri,
			name: doctype.description,
			doctype: doctype.doctype,
			issuerid: issuer.issuerid,
			issuer: issuer.name,
			date: isoDate(ctx.sim.now()),
			mime: [...doctype.mime],
			fields: { ...record.values },
		},
		user,
	);
	locker.issued.push(issuedFromSpec(spec));
	sendJson(ctx.res, 200, { uri });
}

module.exports = { handlePull };
