'use strict';

/**
 * GET /oauth2/2/files/issued (mime as an array) and the legacy GET /oauth2/1/files/issued
 * (mime as one string). Both need the files.issueddocs scope.
 */

const { sendJson } = require('./http-util');
const { requireLocker } = require('./bearer');

/**
 * @typedef {import('./authorize').SimState & { lockers: Map<string, import('./locker').Locker> }} DocSimState
 * @typedef {{ res: import('http').ServerResponse, headers: import('http').IncomingHttpHeaders, sim: DocSimState }} DocCtx
 */

/**
 * @param {import('./locker').IssuedDoc} doc
 * @param {string | string[]} mime
 */
function issuedItem(doc, mime) {
	return {
		name: doc.name,
		type: 'file',
		size: '',
		date: doc.date,
		parent: '',
		mime,
		uri: doc.uri,
		doctype: doc.doctype,
		description: doc.description,
		issuerid: doc.issuerid,
		issuer: doc.issuer,
	};
}

/** @param {DocCtx} ctx */
function handleIssuedV2(ctx) {
	const { locker } = requireLocker(ctx, 'files.issueddocs');
	sendJson(ctx.res, 200, {
		items: locker.issued.map((doc) => issuedItem(doc, [...doc.mime])),
		resource: 'issued',
	});
}

/** @param {DocCtx} ctx */
function handleIssuedV1(ctx) {
	const { locker } = requireLocker(ctx, 'files.issueddocs');
	sendJson(ctx.res, 200, {
		items: locker.issued.map((doc) => issuedItem(doc, doc.mime[0] ?? '')),
		resource: 'issued',
	});
}

module.exports = { handleIssuedV1, handleIssuedV2 };
