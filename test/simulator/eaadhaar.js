'use strict';

/**
 * GET /oauth2/3/xml/eaadhaar (and the older /oauth2/2/xml/eaadhaar): the user's e-Aadhaar XML
 * (kyc-xml.js: DigiLocker's Certificate-wrapped KycRes, or the older bare KycRes when the user's
 * seed says eaadhaarXml 'kycres') with the `hmac` header. Users with eaadhaar 'N' get 404
 * aadhaar_not_linked. Needs the files.issueddocs scope.
 */

const { OAuthError } = require('./http-util');
const { requireLocker } = require('./bearer');
const { memoryContent } = require('./content');
const { buildKycXml } = require('./kyc-xml');
const { sendFile } = require('./send-file');

/** @param {import('./file').FileRouteCtx} ctx */
async function handleEaadhaar(ctx) {
	const { grant, locker, clientSecret } = requireLocker(ctx, 'files.issueddocs');
	const user = ctx.sim.users.get(grant.userId);
	if (!user) throw new Error('grant refers to an unknown user');
	if (user.eaadhaar !== 'Y') {
		throw new OAuthError(404, 'aadhaar_not_linked', 'Aadhaar is not linked to the account');
	}
	const xml = buildKycXml(locker.holder, ctx.sim.now());
	const file = {
		content: memoryContent(xml),
		contentType: 'application/xml',
		filename: 'eaadhaar.xml',
	};
	await sendFile(ctx, file, clientSecret);
}

module.exports = { handleEaadhaar };
