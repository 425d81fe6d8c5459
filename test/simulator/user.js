'use strict';

/** GET /oauth2/1/user: the account holder's details. Needs the `userdetails` scope. */

const { sendJson } = require('./http-util');
const { requireAccessToken } = require('./bearer');

/** @param {{ res: import('http').ServerResponse, headers: import('http').IncomingHttpHeaders, sim: import('./authorize').SimState }} ctx */
function handleUser(ctx) {
	const grant = requireAccessToken(ctx, 'userdetails');
	const user = ctx.sim.users.get(grant.userId);
	if (!user) throw new Error('grant refers to an unknown user');
	sendJson(ctx.res, 200, {
		digilockerid: user.digilockerid,
		name: user.name,
		dob: user.dob,
		gender: user.gender,
		eaadhaar: user.eaadhaar,
		reference_key: user.reference_key,
		mobile: user.mobile,
		email: user.email ?? '',
	});
}

module.exports = { handleUser };
