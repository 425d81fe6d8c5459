'use strict';

/**
 * The e-Aadhaar XML (UIDAI-style `KycRes`) for a user: masked uid, Poi, Poa, LData, a small
 * PNG photo, a printable letter (Prn), Rar and a Signature-looking element.
 */

const crypto = require('crypto');
const { escapeHtml } = require('./http-util');
const { fakeSignature } = require('./xml-signature');
const { patternPng } = require('./png');
const { buildPdf } = require('./pdf');

/**
 * @typedef {object} SimAddress
 * @property {string} co care-of
 * @property {string} house
 * @property {string} street
 * @property {string} lm landmark
 * @property {string} loc locality
 * @property {string} vtc village/town/city
 * @property {string} dist
 * @property {string} state
 * @property {string} pc PIN code
 * @property {string} country
 */

/** @param {string} digilockerid */
function numberFrom(digilockerid) {
	return crypto.createHash('sha256').update(digilockerid).digest().readUInt32BE(0);
}

/**
 * A simulated address for users whose seed has none.
 * @param {string} digilockerid
 * @returns {SimAddress}
 */
function defaultAddress(digilockerid) {
	const n = numberFrom(digilockerid);
	return {
		co: '',
		house: `${(n % 400) + 1}`,
		street: 'Simulation Street',
		lm: 'Near Test Park',
		loc: 'Sandbox Layout',
		vtc: 'Mocknagar',
		dist: 'Fixture District',
		state: 'Karnataka',
		pc: `5600${String(n % 100).padStart(2, '0')}`,
		country: 'India',
	};
}

/** @param {string} ddmmyyyy */
function dashedDate(ddmmyyyy) {
	return `${ddmmyyyy.slice(0, 2)}-${ddmmyyyy.slice(2, 4)}-${ddmmyyyy.slice(4)}`;
}

/**
 * @param {{ digilockerid: string, name: string, dob: string, gender: string }} user
 * @param {SimAddress} address
 * @param {number} nowMs
 * @returns {Buffer}
 */
function buildKycXml(user, address, nowMs) {
	const e = escapeHtml;
	const n = numberFrom(user.digilockerid);
	const uid = `xxxxxxxx${String(n % 10000).padStart(4, '0')}`;
	const ts = new Date(nowMs)
		.toISOString()
		.replace('Z', '+05:30')
		.replace(/\.\d{3}/, '');
	const ttl = new Date(nowMs + 365 * 24 * 3600 * 1000)
		.toISOString()
		.replace('Z', '+05:30')
		.replace(/\.\d{3}/, '');
	const txn = `UKC:sim:${crypto.createHash('sha1').update(`${user.digilockerid}:${nowMs}`).digest('hex')}`;
	const code = crypto.createHash('md5').update(txn).digest('hex');
	const addressAttrs = Object.entries(address)
		.map(([k, v]) => `${k}="${e(v)}"`)
		.join(' ');
	const photo = patternPng(n).toString('base64');
	const letter = buildPdf(['e-Aadhaar (simulated)', user.name, uid]).toString('base64');
	const uidData =
		`<UidData tkn="${crypto.createHash('sha256').update(uid).digest('hex').slice(0, 32)}" uid="${uid}">` +
		`<Poi dob="${dashedDate(user.dob)}" gender="${e(user.gender)}" name="${e(user.name)}"/>` +
		`<Poa ${addressAttrs}/>` +
		`<LData ${addressAttrs} lang="06" name="${e(user.name)}"/>` +
		`<Pht>${photo}</Pht>` +
		`<Prn type="pdf">${letter}</Prn>` +
		'</UidData>';
	const rar = Buffer.from(`<Resp status="0" ko="KUA" code="${code}"/>`).toString('base64');
	const body =
		`<KycRes code="${code}" ret="Y" ts="${ts}" ttl="${ttl}" txn="${txn}">` +
		`<Rar>${rar}</Rar>${uidData}`;
	const xml =
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		`${body}${fakeSignature(body, 'CN=DS Unique Identification Authority of India (Simulated),O=DigiLocker Simulator,C=IN')}</KycRes>\n`;
	return Buffer.from(xml, 'utf8');
}

module.exports = { buildKycXml, defaultAddress };
