'use strict';

/**
 * The documents each simulated user starts with: issued documents (PDF, PNG, most with XML
 * certificate data in the family layouts of families/) and a self-uploaded folder tree. A seeded user may list its own `issued`
 * and `uploaded` entries; without them it gets a default set derived from its digilockerid,
 * so the same user always gets the same URIs.
 */

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { buildPdf } = require('./pdf');
const { patternPng } = require('./png');
const { buildCertificateXml } = require('./certificate-xml');
const { holderOf } = require('./holder');
const { familyXml } = require('./families');

const FIXTURES_DIR = path.join(__dirname, 'fixtures');
const XML = 'application/xml';

/**
 * @typedef {object} SeedIssuedDoc
 * @property {string} uri e.g. in.gov.sim.transport-DRVLC-SM0120081234567
 * @property {string} name
 * @property {string} doctype
 * @property {string} [description] default: name
 * @property {string} issuerid
 * @property {string} issuer
 * @property {string} [date] default '2020-01-01T00:00:00Z'
 * @property {string[]} mime e.g. ['application/pdf', 'application/xml']; the first non-XML one is the file
 * @property {string} [contentBase64] the file bytes; default: generated for application/pdf and image/png
 * @property {string} [fixture] a file under test/simulator/fixtures/ (or an absolute path) holding the bytes
 * @property {string} [xml] XML text for Get Certificate Data; default: generated when mime has application/xml,
 *   realistic for the families in families/ (PANCR, DRVLC, SSCER, HSCER, CTCER, ADHAR), else generic
 * @property {Record<string, string>} [fields] free-form CertificateData fields: the generic XML
 *   (`Document/Field name value`) instead of the family's layout
 */

/**
 * @typedef {{ type: 'dir', name: string, children?: SeedUploadedEntry[] }
 *   | { type: 'file', name: string, mime: string, contentBase64?: string, fixture?: string, description?: string }} SeedUploadedEntry
 */

/**
 * @typedef {object} IssuedSpec
 * @property {string} uri
 * @property {string} name
 * @property {string} doctype
 * @property {string} description
 * @property {string} issuerid
 * @property {string} issuer
 * @property {string} date
 * @property {string[]} mime
 * @property {string} fileType the Content-Type of Get File
 * @property {Buffer} bytes
 * @property {Buffer | undefined} xml
 */

/**
 * @typedef {{ type: 'dir', name: string, children: UploadedSpec[] }
 *   | { type: 'file', name: string, mime: string, description: string, bytes: Buffer }} UploadedSpec
 */

/** @typedef {{ digilockerid: string, name: string, dob: string, gender: string, eaadhaar: string }} DocUser */

/** @typedef {{ [K in keyof import('./holder').HolderSeed]?: unknown }} HolderInput */

/** @param {string} text */
function hashOf(text) {
	return crypto.createHash('sha256').update(text).digest();
}

/**
 * `count` decimal digits taken from the user's hash at `offset`.
 * @param {Buffer} hash
 * @param {number} offset
 * @param {number} count
 */
function digits(hash, offset, count) {
	return String(hash.readUInt32BE(offset) % 10 ** count).padStart(count, '0');
}

/** @param {string} ddmmyyyy */
function dashed(ddmmyyyy) {
	return `${ddmmyyyy.slice(0, 2)}-${ddmmyyyy.slice(2, 4)}-${ddmmyyyy.slice(4)}`;
}

/**
 * A file under test/simulator/fixtures/, or at an absolute path.
 * @param {string} name
 */
function readFixture(name) {
	return fs.readFileSync(path.isAbsolute(name) ? name : path.join(FIXTURES_DIR, name));
}

/**
 * Bytes for a document: given Base64, a fixture file, or generated for PDF/PNG.
 * @param {{ contentBase64?: string, fixture?: string }} entry
 * @param {string} type
 * @param {string[]} lines PDF text when generated
 * @param {string} label for error messages
 */
function contentBytes(entry, type, lines, label) {
	if (typeof entry.contentBase64 === 'string') return Buffer.from(entry.contentBase64, 'base64');
	if (typeof entry.fixture === 'string') return readFixture(entry.fixture);
	if (type === 'application/pdf') return buildPdf(lines);
	if (type === 'image/png') return patternPng(hashOf(label).readUInt32BE(0));
	throw new TypeError(`simulator: ${label} needs contentBase64 or fixture for ${type}`);
}

/**
 * @param {SeedIssuedDoc} doc
 * @param {DocUser} user
 * @param {import('./holder').Holder} [holder] default: derived from the user alone
 * @returns {IssuedSpec}
 */
function normalizeIssued(doc, user, holder) {
	if (!doc || typeof doc.uri !== 'string' || doc.uri === '') {
		throw new TypeError(`simulator: every issued document of ${user.digilockerid} needs a uri`);
	}
	for (const field of /** @type {const} */ (['name', 'doctype', 'issuerid', 'issuer'])) {
		if (typeof doc[field] !== 'string')
			throw new TypeError(`simulator: issued ${doc.uri} needs ${field}`);
	}
	if (!Array.isArray(doc.mime) || doc.mime.length === 0) {
		throw new TypeError(`simulator: issued ${doc.uri} needs a mime array`);
	}
	const fileType = doc.mime.find((m) => m !== XML) ?? 'application/pdf';
	const description = doc.description ?? doc.name;
	const number = doc.uri.slice(`${doc.issuerid}-${doc.doctype}-`.length) || doc.uri;
	const lines = [
		description,
		`Issued by: ${doc.issuer}`,
		`Document number: ${number}`,
		`Issued to: ${user.name}`,
		`URI: ${doc.uri}`,
		'Simulated document - not valid for any purpose',
	];
	const date = doc.date ?? '2020-01-01T00:00:00Z';
	let xml;
	if (typeof doc.xml === 'string') xml = Buffer.from(doc.xml, 'utf8');
	else if (doc.mime.includes(XML) && doc.fields === undefined) {
		const { uri, doctype, issuer, issuerid } = doc;
		const facts = { uri, doctype, name: description, number, issuer, issuerid, date };
		xml = familyXml(facts, holder ?? holderOf(user));
	}
	if (xml === undefined && doc.mime.includes(XML)) {
		xml = buildCertificateXml({
			uri: doc.uri,
			doctype: doc.doctype,
			name: description,
			number,
			issuer: doc.issuer,
			issuerid: doc.issuerid,
			issueDate: date.slice(0, 10).split('-').reverse().join('-'),
			holder: { name: user.name, dob: dashed(user.dob), gender: user.gender },
			fields: doc.fields,
		});
	}
	return {
		uri: doc.uri,
		name: doc.name,
		doctype: doc.doctype,
		description,
		issuerid: doc.issuerid,
		issuer: doc.issuer,
		date,
		mime: [...doc.mime],
		fileType,
		bytes: contentBytes(doc, fileType, lines, `issued ${doc.uri}`),
		xml,
	};
}

/**
 * @param {SeedUploadedEntry[]} entries
 * @param {DocUser} user
 * @param {string} dir path of the folder holding `entries`
 * @returns {UploadedSpec[]}
 */
function normalizeUploaded(entries, user, dir) {
	if (!Array.isArray(entries))
		throw new TypeError(`simulator: uploaded of ${user.digilockerid} must be an array`);
	return entries.map((entry) => {
		if (!entry || typeof entry.name !== 'string' || entry.name === '' || entry.name.includes('/')) {
			throw new TypeError(`simulator: an uploaded entry in ${dir} needs a name without '/'`);
		}
		const where = `${dir === '/' ? '' : dir}/${entry.name}`;
		if (entry.type === 'dir') {
			return {
				type: 'dir',
				name: entry.name,
				children: normalizeUploaded(entry.children ?? [], user, where),
			};
		}
		if (entry.type !== 'file' || typeof entry.mime !== 'string') {
			throw new TypeError(
				`simulator: uploaded ${where} needs type 'dir', or type 'file' with a mime`,
			);
		}
		const lines = [entry.name, `Uploaded by: ${user.name}`, `Path: ${where}`, 'Simulated upload'];
		return {
			type: 'file',
			name: entry.name,
			mime: entry.mime,
			description: entry.description ?? '',
			bytes: contentBytes(entry, entry.mime, lines, `${user.digilockerid}:${where}`),
		};
	});
}

/**
 * The default issued documents of a user: DRVLC, PANCR, HSCER, VACER (a PNG only), CTCER, and
 * ADHAR when eaadhaar is 'Y'. All but VACER have realistic XML (families/).
 * @param {DocUser} user
 * @returns {SeedIssuedDoc[]}
 */
function defaultIssued(user) {
	const h = hashOf(user.digilockerid);
	const year = Number(user.dob.slice(4)) + 18;
	const lastName = user.name.trim().split(/\s+/).pop() ?? '';
	const initial = /^[A-Za-z]/.test(lastName) ? lastName[0].toUpperCase() : 'X';
	const dlNo = `SM01${year}${digits(h, 0, 7)}`;
	const pan = `SIMP${initial}${digits(h, 4, 4)}${String.fromCharCode(65 + (h[8] % 26))}`;
	const roll = `${year}/${digits(h, 12, 7)}`;
	/** @type {SeedIssuedDoc[]} */
	const docs = [
		{
			uri: `in.gov.sim.transport-DRVLC-${dlNo}`,
			name: 'Driving Licence',
			doctype: 'DRVLC',
			issuerid: 'in.gov.sim.transport',
			issuer: 'Simulated Transport Department',
			date: '2021-03-15T10:20:30Z',
			mime: ['application/pdf', XML],
		},
		{
			uri: `in.gov.sim.pan-PANCR-${pan}`,
			name: 'PAN Verification Record',
			doctype: 'PANCR',
			issuerid: 'in.gov.sim.pan',
			issuer: 'Simulated Income Tax Department',
			date: '2019-07-01T08:00:00Z',
			mime: ['application/pdf', XML],
		},
		{
			uri: `in.gov.sim.board-HSCER-${roll}`,
			name: 'Class XII Marksheet',
			doctype: 'HSCER',
			issuerid: 'in.gov.sim.board',
			issuer: 'Simulated School Board',
			date: '2018-05-28T05:30:00Z',
			mime: ['application/pdf', XML],
		},
		{
			uri: `in.gov.sim.health-VACER-${digits(h, 20, 10)}`,
			name: 'Vaccination Certificate',
			doctype: 'VACER',
			issuerid: 'in.gov.sim.health',
			issuer: 'Simulated Health Department',
			date: '2022-01-10T12:00:00Z',
			mime: ['image/png'],
		},
		{
			uri: `in.gov.sim.edistrict-CTCER-SIMCT${digits(h, 24, 8)}`,
			name: 'Caste Certificate',
			doctype: 'CTCER',
			issuerid: 'in.gov.sim.edistrict',
			issuer: 'Simulated Revenue Department',
			date: '2016-08-10T06:45:00Z',
			mime: ['application/pdf', XML],
		},
	];
	if (user.eaadhaar === 'Y') {
		docs.push({
			uri: `in.gov.sim.uidai-ADHAR-${h.subarray(0, 16).toString('hex')}`,
			name: 'Aadhaar Card',
			doctype: 'ADHAR',
			issuerid: 'in.gov.sim.uidai',
			issuer: 'Simulated Unique Identification Authority',
			date: '2020-11-02T09:15:00Z',
			mime: ['application/pdf', XML],
		});
	}
	return docs;
}

/** @type {SeedUploadedEntry[]} */
const DEFAULT_UPLOADED = [
	{ type: 'file', name: 'notes.pdf', mime: 'application/pdf' },
	{
		type: 'dir',
		name: 'Documents',
		children: [
			{ type: 'file', name: 'resume.pdf', mime: 'application/pdf' },
			{
				type: 'dir',
				name: 'Certificates',
				children: [
					{ type: 'file', name: 'degree.pdf', mime: 'application/pdf' },
					{ type: 'file', name: 'award.png', mime: 'image/png' },
				],
			},
		],
	},
	{
		type: 'dir',
		name: 'Photos',
		children: [{ type: 'file', name: 'passport-photo.png', mime: 'image/png' }],
	},
];

/**
 * Pull records matching a user's default Driving Licence, so pulling it again says uri_exists.
 * @param {DocUser} user
 * @returns {import('./issuers').PullRecord[]}
 */
function defaultRecords(user) {
	const dl = defaultIssued(user)[0];
	const number = dl.uri.slice('in.gov.sim.transport-DRVLC-'.length);
	return [
		{ orgid: '001891', doctype: 'DRVLC', values: { dl_no: number, dob: dashed(user.dob) }, number },
	];
}

/**
 * @param {DocUser & { issued?: unknown, uploaded?: unknown }} user the seeded user
 * @param {HolderInput} [holderSeed] the user's seed fields that shape its documents
 * @returns {{ issued: IssuedSpec[], uploaded: UploadedSpec[], holder: import('./holder').Holder, records: import('./issuers').PullRecord[] }}
 */
function seedDocuments(user, holderSeed = {}) {
	const holder = holderOf(user, holderSeed);
	const issuedInput = user.issued === undefined ? defaultIssued(user) : user.issued;
	if (!Array.isArray(issuedInput))
		throw new TypeError(`simulator: issued of ${user.digilockerid} must be an array`);
	const issued = issuedInput.map((doc) => normalizeIssued(doc, user, holder));
	const uris = new Set();
	for (const doc of issued) {
		if (uris.has(doc.uri)) throw new TypeError(`simulator: duplicate issued uri ${doc.uri}`);
		uris.add(doc.uri);
	}
	const uploadedInput = user.uploaded === undefined ? DEFAULT_UPLOADED : user.uploaded;
	const uploaded = normalizeUploaded(/** @type {SeedUploadedEntry[]} */ (uploadedInput), user, '/');
	return {
		issued,
		uploaded,
		holder,
		records: user.issued === undefined ? defaultRecords(user) : [],
	};
}

module.exports = { seedDocuments, normalizeIssued, defaultIssued, readFixture, DEFAULT_UPLOADED };
