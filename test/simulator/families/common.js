'use strict';

/**
 * Pieces the issued-document families share: the document facts a builder gets, the holder's
 * date layout, gender words, addresses (structured, one-line or empty), the issuing
 * Organization and the Photo.
 */

const { el } = require('../xml-build');

/**
 * @typedef {object} FamilyDoc
 * @property {string} uri
 * @property {string} doctype
 * @property {string} name the document's name, e.g. 'Driving Licence'
 * @property {string} number the part of the URI after the doctype
 * @property {string} issuer
 * @property {string} issuerid
 * @property {string} date ISO timestamp: when it was issued into the locker
 */

/** @type {import('../date-layout').DateLayout[]} */
const DATE_LAYOUTS = ['dash', 'compact', 'slash'];

/** @param {import('../holder').Holder} holder */
function dateLayoutOf(holder) {
	return DATE_LAYOUTS[holder.layout];
}

/** @type {Record<string, string>} */
const GENDER_WORDS = { M: 'MALE', F: 'FEMALE', T: 'TRANSGENDER' };

/**
 * 'MALE' (PAN) or, with `titleCase`, 'Male' (driving licence).
 * @param {string} gender M, F or T
 * @param {boolean} [titleCase]
 */
function genderWord(gender, titleCase = false) {
	const word = GENDER_WORDS[gender] ?? gender;
	return titleCase ? word.charAt(0) + word.slice(1).toLowerCase() : word;
}

/**
 * An address element with every spec attribute, values from the holder's address.
 * @param {string} name 'Address' or 'Address2'
 * @param {string} type present, permanent, ...
 * @param {import('../holder').SimAddress} a
 */
function structuredAddress(name, type, a) {
	return el(name, {
		type,
		line1: a.street,
		line2: '',
		house: a.house,
		landmark: a.lm,
		locality: a.loc,
		vtc: a.vtc,
		district: a.dist,
		pin: a.pc,
		state: a.state,
		country: 'IN',
	});
}

/**
 * The whole address upper-cased in `line1`, the other parts empty (as licences have it).
 * @param {import('../holder').SimAddress} a
 */
function oneLine(a) {
	return [a.house, a.street, a.loc, a.vtc, a.dist, a.state, a.pc]
		.filter((part) => part !== '')
		.join(', ')
		.toUpperCase();
}

/**
 * @param {string} name
 * @param {string} type
 * @param {string} [line1]
 */
function lineAddress(name, type, line1 = '') {
	const parts = ['line2', 'house', 'landmark', 'locality', 'vtc', 'district', 'pin', 'state'];
	return el(name, [
		['type', type],
		['line1', line1],
		...parts.map((p) => /** @type {[string, string]} */ ([p, ''])),
		['country', 'IN'],
	]);
}

/**
 * @param {string} name
 * @param {string} code
 * @param {string} type CG, SG, ...
 */
function organization(name, code, type) {
	return el('Organization', { name, code, tin: '', uid: '', type }, [lineAddress('Address', '')]);
}

/**
 * @param {import('../holder').Holder} holder
 * @param {boolean} withPicture the JPEG as Base64, else an empty `Photo format=""`
 */
function photo(holder, withPicture) {
	return withPicture
		? el('Photo', { format: 'JPG' }, [holder.photo.toString('base64')])
		: el('Photo', { format: '' });
}

module.exports = {
	dateLayoutOf,
	genderWord,
	structuredAddress,
	oneLine,
	lineAddress,
	organization,
	photo,
};
