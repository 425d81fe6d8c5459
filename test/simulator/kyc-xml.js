'use strict';

/**
 * The e-Aadhaar XML of a user, in one of two shapes:
 * - 'digilocker' (default), as GET /oauth2/3/xml/eaadhaar serves it today:
 *   `Certificate/CertificateData/KycRes/UidData(Poi, Poa, LData, Pht)` with the Signature a
 *   child of `Certificate` (exclusive C14N, RSA-SHA1, a four-certificate chain);
 * - 'kycres', the older shape of DigiLocker's API spec: a bare `KycRes` root holding `Rar`,
 *   `UidData` (with a `Prn` letter) and the Signature.
 * The uid is masked (`xxxxxxxx` + last 4); attributes are in alphabetical order, as in real
 * answers, and empty address parts are left out, as UIDAI does.
 */

const crypto = require('crypto');
const { el } = require('./xml-build');
const { signedDocument, ALGORITHMS } = require('./xml-signature');
const { buildPdf } = require('./pdf');
const { formatDate, istClock, istTimestamp } = require('./date-layout');

/**
 * Non-empty entries, sorted by name.
 * @param {Record<string, string | undefined>} record
 * @returns {Array<[string, string]>}
 */
function sortedPresent(record) {
	return /** @type {Array<[string, string]>} */ (
		Object.entries(record).filter(([, v]) => typeof v === 'string' && v !== '')
	).sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * @param {import('./holder').Holder} holder
 * @param {boolean} withLetter add the older shape's `Prn` (a PDF letter)
 */
function uidData(holder, withLetter) {
	const uid = `xxxxxxxx${holder.aadhaarLast4}`;
	const tkn = crypto.createHash('sha256').update(`${holder.digilockerid}:${uid}`).digest('hex');
	const local = holder.local;
	return el('UidData', { tkn: tkn.slice(0, 32), uid }, [
		el('Poi', { dob: formatDate(holder.dob), gender: holder.gender, name: holder.name }),
		el('Poa', sortedPresent({ ...holder.address })),
		local && el('LData', sortedPresent({ ...local.address, lang: local.lang, name: local.name })),
		el('Pht', {}, [holder.photo.toString('base64')]),
		withLetter &&
			el('Prn', { type: 'pdf' }, [
				buildPdf(['e-Aadhaar (simulated)', holder.name, uid]).toString('base64'),
			]),
	]);
}

/**
 * @param {import('./holder').Holder} holder
 * @param {number} nowMs when the answer is made (ts; ttl is a year later)
 * @returns {Buffer}
 */
function buildKycXml(holder, nowMs) {
	const txn = `UKC:sim:${crypto.createHash('sha1').update(`${holder.digilockerid}:${nowMs}`).digest('hex')}`;
	const code = crypto.createHash('md5').update(txn).digest('hex');
	const attributes = {
		code,
		ret: 'Y',
		ts: istTimestamp(nowMs),
		ttl: istClock(nowMs + 365 * 24 * 3600 * 1000).slice(0, 19),
		txn,
	};
	if (holder.eaadhaarXml === 'kycres') {
		const rar = Buffer.from(`<Resp status="0" ko="KUA" code="${code}"/>`).toString('base64');
		const root = el('KycRes', attributes, [el('Rar', {}, [rar]), uidData(holder, true)]);
		return signedDocument(root, {});
	}
	const kycRes = el('KycRes', attributes, [uidData(holder, false)]);
	const root = el('Certificate', {}, [el('CertificateData', {}, [kycRes])]);
	return signedDocument(root, {
		// DigiLocker's e-Aadhaar lists four certificates: leaf, root, CA, sub-CA.
		style: { c14n: ALGORITHMS.excC14n, signatureMethod: ALGORITHMS.rsaSha1, chain: true },
	});
}

module.exports = { buildKycXml };
