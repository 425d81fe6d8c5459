'use strict';

/**
 * The person behind a simulated locker, as every generated document shows them: name, birth
 * date, gender, address, local-language data, Aadhaar digits, photo, and which layout variant
 * their documents use. Built from the seeded user; what the seed leaves out is derived from the
 * digilockerid, so the same user always gets the same documents. All of it is invented.
 */

const crypto = require('crypto');
const { fromDdmmyyyy } = require('./date-layout');
const { portraitJpeg } = require('./jpeg');

/**
 * An address with e-Aadhaar `Poa` names. An empty value means the attribute is absent.
 * @typedef {object} SimAddress
 * @property {string} co care-of, e.g. 'D/O Prakash Simulated Verma'
 * @property {string} house
 * @property {string} street
 * @property {string} lm landmark
 * @property {string} loc locality
 * @property {string} vtc village/town/city
 * @property {string} subdist
 * @property {string} dist
 * @property {string} state
 * @property {string} country
 * @property {string} pc PIN code
 * @property {string} po post office
 */

/**
 * e-Aadhaar `LData`: the name and address in an Indian script.
 * @typedef {object} LocalData
 * @property {string} lang two digits as UIDAI writes them, e.g. '07' Kannada, '13' Marathi
 * @property {string} name
 * @property {Partial<SimAddress>} [address]
 */

/**
 * Seed fields of a user that shape its documents (all optional).
 * @typedef {object} HolderSeed
 * @property {Partial<SimAddress>} [address] merged over a derived address
 * @property {LocalData} [local] e-Aadhaar LData; none when absent
 * @property {0 | 1 | 2} [layout] document layout variant; default derived from the digilockerid
 * @property {string} [aadhaar] a full made-up, Verhoeff-valid 12-digit number, shown unmasked where a
 *   layout puts it (PANCR `Person@uid` in layout 0); default: only derived last four digits
 * @property {'digilocker' | 'kycres'} [eaadhaarXml] e-Aadhaar shape: DigiLocker's `Certificate`
 *   (default) or the older bare `KycRes` with `Rar` and `Prn`
 */

/**
 * @typedef {object} Holder
 * @property {string} digilockerid
 * @property {string} name
 * @property {import('./date-layout').DateParts} dob
 * @property {string} gender as seeded: 'M', 'F' or 'T'
 * @property {SimAddress} address
 * @property {{ name: string, indicator: string }} guardian from the care-of: name and S/W/D (else 'M')
 * @property {LocalData | undefined} local
 * @property {boolean} linked Aadhaar is linked (eaadhaar 'Y')
 * @property {string} aadhaar full number, or '' when the seed gives none
 * @property {string} aadhaarLast4
 * @property {0 | 1 | 2} layout
 * @property {'digilocker' | 'kycres'} eaadhaarXml
 * @property {Buffer} photo a small JPEG
 * @property {string} mobile
 * @property {string} email
 */

/** @param {string} digilockerid */
function hashOf(digilockerid) {
	return crypto.createHash('sha256').update(digilockerid).digest();
}

/**
 * A simulated address for users whose seed has none.
 * @param {string} digilockerid
 * @returns {SimAddress}
 */
function defaultAddress(digilockerid) {
	const n = hashOf(digilockerid).readUInt32BE(0);
	return {
		co: '',
		house: `${(n % 400) + 1}`,
		street: 'Simulation Street',
		lm: 'Near Test Park',
		loc: 'Sandbox Layout',
		vtc: 'Mocknagar',
		subdist: 'Mocknagar North',
		dist: 'Fixture District',
		state: 'Karnataka',
		country: 'India',
		pc: `5600${String(n % 100).padStart(2, '0')}`,
		po: 'Mocknagar S.O',
	};
}

/** @param {string} careOf */
function guardianOf(careOf) {
	const match = /^([SWDC])\/O[\s:]*(.*)$/i.exec(careOf.trim());
	if (!match) return { name: careOf.trim(), indicator: '' };
	const letter = match[1].toUpperCase();
	return { name: match[2], indicator: letter === 'C' ? 'M' : letter };
}

/**
 * @param {string} id
 * @param {unknown} local
 * @returns {LocalData | undefined}
 */
function checkLocal(id, local) {
	if (local === undefined) return undefined;
	const value = /** @type {Partial<LocalData>} */ (local);
	if (!value || !/^\d{2}$/.test(String(value.lang)) || typeof value.name !== 'string') {
		throw new TypeError(`simulator: local of ${id} needs a two-digit lang and a name`);
	}
	return { lang: String(value.lang), name: value.name, address: { ...value.address } };
}

/**
 * @param {{ digilockerid: string, name: string, dob: string, gender: string, eaadhaar?: string, mobile?: string, email?: string }} user
 * @param {{ [K in keyof HolderSeed]?: unknown }} [seed]
 * @returns {Holder}
 */
function holderOf(user, seed = {}) {
	const id = user.digilockerid;
	const h = hashOf(id);
	const layout = seed.layout ?? h[31] % 3;
	if (layout !== 0 && layout !== 1 && layout !== 2) {
		throw new TypeError(`simulator: layout of ${id} must be 0, 1 or 2`);
	}
	const aadhaar = seed.aadhaar === undefined ? '' : String(seed.aadhaar);
	if (aadhaar !== '' && !/^[2-9]\d{11}$/.test(aadhaar)) {
		throw new TypeError(`simulator: aadhaar of ${id} must be 12 digits, the first 2-9`);
	}
	const eaadhaarXml = seed.eaadhaarXml ?? 'digilocker';
	if (eaadhaarXml !== 'digilocker' && eaadhaarXml !== 'kycres') {
		throw new TypeError(`simulator: eaadhaarXml of ${id} must be 'digilocker' or 'kycres'`);
	}
	const address =
		seed.address && typeof seed.address === 'object'
			? { ...defaultAddress(id), .../** @type {Partial<SimAddress>} */ (seed.address) }
			: defaultAddress(id);
	const n = h.readUInt32BE(0);
	return {
		digilockerid: id,
		name: user.name,
		dob: fromDdmmyyyy(user.dob),
		gender: user.gender,
		address,
		guardian: guardianOf(address.co),
		local: checkLocal(id, seed.local),
		linked: user.eaadhaar === 'Y',
		aadhaar,
		aadhaarLast4: aadhaar ? aadhaar.slice(-4) : String(h.readUInt32BE(28) % 10000).padStart(4, '0'),
		layout,
		eaadhaarXml,
		photo: portraitJpeg(n),
		mobile: user.mobile ?? '',
		email: user.email ?? '',
	};
}

module.exports = { holderOf, defaultAddress };
