'use strict';

/**
 * Fake partner apps and fake DigiLocker users. Nothing here is real: names, numbers and
 * identifiers are invented, and the client secret is a simulator-only value.
 */

const fs = require('fs');
const path = require('path');

/**
 * @typedef {object} SimApp
 * @property {string} clientId
 * @property {string} clientSecret
 * @property {string[]} redirectUris
 * @property {string[]} [allowedScopes] scopes the app may request; default: any known scope
 */

/**
 * @typedef {object} SimUser
 * @property {string} digilockerid 36-char UUID
 * @property {string} name
 * @property {string} dob DDMMYYYY
 * @property {'M' | 'F' | 'T'} gender
 * @property {'Y' | 'N'} eaadhaar
 * @property {string} mobile
 * @property {string} reference_key 32 hex
 * @property {string} [email]
 * @property {import('./documents-seed').SeedIssuedDoc[]} [issued] issued documents; default: a set derived from digilockerid
 * @property {import('./documents-seed').SeedUploadedEntry[]} [uploaded] the uploaded root folder's entries; default: a small tree
 * @property {Partial<import('./holder').SimAddress>} [address] the address documents show; default: a simulated one
 * @property {import('./holder').LocalData} [local] e-Aadhaar local-language data (LData); default none
 * @property {0 | 1 | 2} [layout] layout variant of its documents (families/); default derived from digilockerid
 * @property {string} [aadhaar] a full made-up, Verhoeff-valid Aadhaar number; default: only derived last 4 digits
 * @property {'digilocker' | 'kycres'} [eaadhaarXml] e-Aadhaar XML shape; default 'digilocker'
 */

/** @type {SimApp[]} */
const DEFAULT_APPS = [
	{
		clientId: 'SIMCLIENT01',
		clientSecret: 'sim-secret-do-not-use',
		redirectUris: ['http://localhost:5678/webhook/digilocker/callback'],
	},
];

/** @type {SimUser[]} */
const DEFAULT_USERS = [
	{
		digilockerid: '529c7625-9961-4b3f-9414-d2d247136131',
		name: 'Asha Simulated Verma',
		dob: '05031990',
		gender: 'F',
		eaadhaar: 'Y',
		mobile: '9000000001',
		reference_key: 'bef7ab66bfc4e529ec3f47cc92a1d80a',
		email: 'asha.sim@example.com',
		layout: 0,
		aadhaar: '234123412346',
		address: {
			co: 'D/O Prakash Simulated Verma',
			house: '42',
			street: 'Simulation Street',
			lm: 'Near Test Park',
			loc: 'Sandbox Layout',
			vtc: 'Mocknagar',
			subdist: 'Mocknagar North',
			dist: 'Fixture District',
			state: 'Karnataka',
			country: 'India',
			pc: '560042',
			po: 'Mocknagar S.O',
		},
		local: {
			lang: '07',
			name: 'ಆಶಾ ಸಿಮ್ಯುಲೇಟೆಡ್ ವರ್ಮಾ',
			address: {
				co: 'ಪ್ರಕಾಶ್ ಸಿಮ್ಯುಲೇಟೆಡ್ ವರ್ಮಾ',
				house: '42',
				street: 'ಸಿಮ್ಯುಲೇಶನ್ ಸ್ಟ್ರೀಟ್',
				lm: 'ಟೆಸ್ಟ್ ಪಾರ್ಕ್ ಹತ್ತಿರ',
				vtc: 'ಮಾಕ್‌ನಗರ',
				dist: 'ಫಿಕ್ಸ್ಚರ್ ಜಿಲ್ಲೆ',
				state: 'ಕರ್ನಾಟಕ',
				pc: '560042',
			},
		},
	},
	{
		digilockerid: '8cd3ebc4-e08b-44fd-bf9c-0c269a47134c',
		name: 'Rohan Simulated Iyer',
		dob: '17111985',
		gender: 'M',
		eaadhaar: 'N',
		mobile: '9000000002',
		reference_key: 'cc775c517e82d775bd2cca05e82cc91e',
		email: '',
		layout: 1,
		address: {
			co: 'S/O Venkatesh Simulated Iyer',
			house: 'Flat 7B, Mock Residency',
			street: '3rd Cross Road',
			lm: 'Opp. Fixture Temple',
			loc: 'Stubpet',
			vtc: 'Testapuram',
			subdist: 'Testapuram',
			dist: 'Mock District',
			state: 'Tamil Nadu',
			country: 'India',
			pc: '600117',
			po: 'Stubpet',
		},
	},
	{
		digilockerid: 'b7be2a3b-0aaa-432b-9eba-d42bdd183696',
		name: 'Kiran Simulated Rao',
		dob: '01012000',
		gender: 'T',
		eaadhaar: 'Y',
		mobile: '9000000003',
		reference_key: '8ac9cce2b312bd87ae0297c98ed35e84',
		email: 'kiran.sim@example.com',
		layout: 2,
		address: {
			co: 'C/O Meena Simulated Rao',
			house: '',
			street: '',
			lm: 'Behind Sample Market',
			loc: 'Kalpit Wadi',
			vtc: 'Kalpitnagar',
			subdist: 'Kalpitnagar',
			dist: 'Sample District',
			state: 'Maharashtra',
			country: 'India',
			pc: '411045',
			po: 'Kalpitnagar',
		},
		local: {
			lang: '13',
			name: 'किरण सिम्युलेटेड राव',
			address: {
				co: 'मीना सिम्युलेटेड राव',
				lm: 'सॅम्पल मार्केटच्या मागे',
				loc: 'कल्पित वाडी',
				vtc: 'कल्पितनगर',
				dist: 'सॅम्पल जिल्हा',
				state: 'महाराष्ट्र',
				pc: '411045',
			},
		},
	},
];

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * @param {unknown} apps
 * @returns {Map<string, SimApp>}
 */
function normalizeApps(apps) {
	const list = apps === undefined ? DEFAULT_APPS : apps;
	if (!Array.isArray(list) || list.length === 0) {
		throw new TypeError('simulator: apps must be a non-empty array');
	}
	/** @type {Map<string, SimApp>} */
	const map = new Map();
	for (const app of list) {
		if (!app || typeof app.clientId !== 'string' || app.clientId === '') {
			throw new TypeError('simulator: every app needs a clientId');
		}
		if (typeof app.clientSecret !== 'string' || app.clientSecret === '') {
			throw new TypeError(`simulator: app ${app.clientId} needs a clientSecret`);
		}
		if (!Array.isArray(app.redirectUris) || app.redirectUris.length === 0) {
			throw new TypeError(`simulator: app ${app.clientId} needs redirectUris`);
		}
		for (const uri of app.redirectUris) {
			try {
				new URL(uri);
			} catch {
				throw new TypeError(`simulator: app ${app.clientId} has an invalid redirect URI`);
			}
		}
		if (map.has(app.clientId)) throw new TypeError(`simulator: duplicate app ${app.clientId}`);
		map.set(app.clientId, {
			clientId: app.clientId,
			clientSecret: app.clientSecret,
			redirectUris: [...app.redirectUris],
			allowedScopes: Array.isArray(app.allowedScopes) ? [...app.allowedScopes] : undefined,
		});
	}
	return map;
}

/**
 * @param {unknown} users
 * @returns {Map<string, SimUser>} keyed by digilockerid, in seed order
 */
function normalizeUsers(users) {
	const list = users === undefined ? DEFAULT_USERS : users;
	if (!Array.isArray(list) || list.length === 0) {
		throw new TypeError('simulator: users must be a non-empty array');
	}
	/** @type {Map<string, SimUser>} */
	const map = new Map();
	for (const user of list) {
		if (!user || typeof user.digilockerid !== 'string' || !UUID_PATTERN.test(user.digilockerid)) {
			throw new TypeError('simulator: every user needs a UUID digilockerid');
		}
		if (!/^\d{8}$/.test(String(user.dob))) {
			throw new TypeError(`simulator: user ${user.digilockerid} needs dob as DDMMYYYY`);
		}
		if (map.has(user.digilockerid)) {
			throw new TypeError(`simulator: duplicate user ${user.digilockerid}`);
		}
		map.set(user.digilockerid, {
			digilockerid: user.digilockerid,
			name: String(user.name ?? ''),
			dob: String(user.dob),
			gender: user.gender ?? 'M',
			eaadhaar: user.eaadhaar === 'Y' ? 'Y' : 'N',
			mobile: String(user.mobile ?? ''),
			reference_key: String(user.reference_key ?? ''),
			email: String(user.email ?? ''),
		});
	}
	return map;
}

/**
 * Reads `{ apps?, users?, largeFiles? }` from a JSON file (used by the CLI).
 * @param {string} file
 * @returns {{ apps?: SimApp[], users?: SimUser[], largeFiles?: import('./locker').LargeFilesOption }}
 */
function loadSeedFile(file) {
	const parsed = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
	if (!parsed || typeof parsed !== 'object')
		throw new TypeError('simulator: seed file must hold an object');
	return { apps: parsed.apps, users: parsed.users, largeFiles: parsed.largeFiles };
}

module.exports = { DEFAULT_APPS, DEFAULT_USERS, normalizeApps, normalizeUsers, loadSeedFile };
