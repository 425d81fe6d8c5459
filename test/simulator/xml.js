'use strict';

/**
 * GET /oauth2/1/xml/{uri}: the certificate data of an issued document as XML, for documents
 * whose mime list includes application/xml. Same `hmac` header as Get File.
 */

const { requireLocker } = require('./bearer');
const { memoryContent } = require('./content');
const { sendFile } = require('./send-file');
const { uriMissing, invalidUri } = require('./file');

/** @param {import('./file').FileRouteCtx} ctx */
async function handleXml(ctx) {
	const { locker, clientSecret } = requireLocker(ctx, 'files.issueddocs');
	const uri = ctx.params.uri;
	if (uri === '') throw uriMissing();
	const doc = locker.issued.find((d) => d.uri === uri);
	if (!doc || !doc.xml || !doc.mime.includes('application/xml')) throw invalidUri();
	const file = {
		content: memoryContent(doc.xml),
		contentType: 'application/xml',
		filename: `${doc.uri}.xml`,
	};
	await sendFile(ctx, file, clientSecret);
}

module.exports = { handleXml };
