'use strict';

/**
 * UIDAI's Aadhaar Paperless Offline e-KYC XML, the file a resident downloads from UIDAI and may
 * hand to a service (not something DigiLocker serves):
 * `OfflinePaperlessKyc@referenceId` (last 4 Aadhaar digits + YYYYMMDDhhmmssSSS) >
 * `UidData` > `Poi(dob e gender m name)`, `Poa(careof … landmark …)`, `Pht`, then a Signature
 * (inclusive C14N, RSA-SHA1, one UIDAI certificate). No uid and no LData.
 * `m` is SHA-256 of mobile + share code, hashed again (as hex) until there have been as many rounds
 * as the last Aadhaar digit (1 for 0 or 1); `e` is the unsalted SHA-256 of the email, as UIDAI
 * describes it.
 *
 * `node test/simulator/offline-ekyc.js` rewrites the sample fixture (fixtures/offline-ekyc.asha.xml)
 * from SAMPLE: Asha, the first default user.
 */

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { el } = require('./xml-build');
const { signedDocument, ALGORITHMS } = require('./xml-signature');
const { formatDate, istClock } = require('./date-layout');
const { holderOf } = require('./holder');
const { DEFAULT_USERS } = require('./seed');

const SAMPLE_FILE = path.join(__dirname, 'fixtures', 'offline-ekyc.asha.xml');

/** @param {string} text */
function sha256Hex(text) {
	return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * @param {string} mobile
 * @param {string} shareCode
 * @param {string} aadhaarLast4
 */
function mobileHash(mobile, shareCode, aadhaarLast4) {
	const last = Number(aadhaarLast4.slice(-1));
	let value = mobile + shareCode;
	for (let i = 0; i < (last > 1 ? last : 1); i++) value = sha256Hex(value);
	return value;
}

/**
 * @typedef {object} OfflineEkycInput
 * @property {import('./holder').Holder} holder
 * @property {string} shareCode the 4 characters the resident chose
 * @property {number} generatedAtMs when UIDAI made the file (the referenceId's timestamp, in IST)
 */

/**
 * @param {OfflineEkycInput} input
 * @returns {Buffer}
 */
function buildOfflineEkyc({ holder, shareCode, generatedAtMs }) {
	const stamp = istClock(generatedAtMs).replace(/\D/g, '');
	const a = holder.address;
	const poa = /** @type {Array<[string, string]>} */ ([
		['careof', a.co],
		['country', a.country],
		['dist', a.dist],
		['house', a.house],
		['landmark', a.lm],
		['loc', a.loc],
		['pc', a.pc],
		['po', a.po],
		['state', a.state],
		['street', a.street],
		['subdist', a.subdist],
		['vtc', a.vtc],
	]);
	const root = el('OfflinePaperlessKyc', { referenceId: `${holder.aadhaarLast4}${stamp}` }, [
		el('UidData', {}, [
			el('Poi', {
				dob: formatDate(holder.dob),
				e: holder.email === '' ? '' : sha256Hex(holder.email),
				gender: holder.gender,
				m: mobileHash(holder.mobile, shareCode, holder.aadhaarLast4),
				name: holder.name,
			}),
			el('Poa', poa),
			el('Pht', {}, [holder.photo.toString('base64')]),
		]),
	]);
	return signedDocument(root, {
		declaration: '<?xml version="1.0" encoding="UTF-8"?>',
		style: { c14n: ALGORITHMS.c14n, signatureMethod: ALGORITHMS.rsaSha1 },
	});
}

/** The fixture's inputs: Asha's offline e-KYC, share code 4321, made 2024-06-01 10:15:30.123 IST. */
const SAMPLE = {
	user: DEFAULT_USERS[0],
	shareCode: '4321',
	generatedAtMs: Date.UTC(2024, 5, 1, 4, 45, 30, 123),
};

function buildSample() {
	const user = SAMPLE.user;
	return buildOfflineEkyc({
		holder: holderOf(user, user),
		shareCode: SAMPLE.shareCode,
		generatedAtMs: SAMPLE.generatedAtMs,
	});
}

if (require.main === module) {
	fs.writeFileSync(SAMPLE_FILE, buildSample());
	process.stdout.write(`wrote ${path.relative(process.cwd(), SAMPLE_FILE)}\n`);
}

module.exports = { buildOfflineEkyc, buildSample, mobileHash, SAMPLE, SAMPLE_FILE };
