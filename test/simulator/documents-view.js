'use strict';

/**
 * Builds the users' lockers from the seed, and the read-only views tests use:
 * `sim.documents()`, `sim.readFile()` and `sim.readXml()`.
 */

const { seedDocuments } = require('./documents-seed');
const { createLockers, findByUri, downloadName, folderPath, folderSize } = require('./locker');
const { DEFAULT_PULL_RECORDS } = require('./issuers');
const { readContent } = require('./content');

/**
 * @typedef {object} IssuedInfo
 * @property {string} uri
 * @property {string} name
 * @property {string} doctype
 * @property {string} description
 * @property {string} issuerid
 * @property {string} issuer
 * @property {string} date
 * @property {string[]} mime
 * @property {string} fileType Content-Type of Get File
 * @property {number} size bytes of the file
 * @property {boolean} hasXml Get Certificate Data answers for it
 */

/**
 * @typedef {object} UploadedInfo
 * @property {string} id
 * @property {'dir' | 'file'} type
 * @property {string} name
 * @property {string} path e.g. /Documents/Certificates/degree.pdf
 * @property {string} parent parent folder id ('' for the root)
 * @property {string} date
 * @property {number} size bytes (a folder: all files under it)
 * @property {string} mime '' for folders
 * @property {string} uri '' for folders
 */

/**
 * @typedef {object} StoredFile
 * @property {Buffer} bytes
 * @property {string} contentType
 * @property {string} filename as in Content-Disposition
 */

/**
 * Builds every user's locker from the raw seed (which may carry issued/uploaded and the
 * holder fields of holder.js: address, local, layout, aadhaar, eaadhaarXml) and
 * collects the pull records: the default ones plus one per user for its default licence.
 * @param {unknown} rawUsers options.users or the defaults
 * @param {Map<string, import('./seed').SimUser>} users normalized
 * @param {unknown} largeFiles
 * @param {string[]} clientSecrets
 */
function seedLockers(rawUsers, users, largeFiles, clientSecrets) {
	/** @type {Map<string, Record<string, unknown>>} */
	const raw = new Map();
	for (const entry of /** @type {Record<string, unknown>[]} */ (rawUsers)) {
		raw.set(String(entry.digilockerid), entry);
	}
	/** @type {Map<string, ReturnType<typeof seedDocuments>>} */
	const seeds = new Map();
	const pullRecords = [...DEFAULT_PULL_RECORDS];
	for (const user of users.values()) {
		const entry = raw.get(user.digilockerid) ?? {};
		const { address, local, layout, aadhaar, eaadhaarXml } = entry;
		const seed = seedDocuments(
			{ ...user, issued: entry.issued, uploaded: entry.uploaded },
			{ address, local, layout, aadhaar, eaadhaarXml },
		);
		seeds.set(user.digilockerid, seed);
		pullRecords.push(...seed.records);
	}
	const { lockers, nextId } = createLockers({ users, seeds, largeFiles, clientSecrets });
	return { lockers, nextId, pullRecords };
}

/**
 * @param {Map<string, import('./locker').Locker>} lockers
 * @param {Map<string, import('./seed').SimUser>} users
 * @param {string | undefined} userId default the first user
 */
function lockerFor(lockers, users, userId) {
	const id = userId ?? users.keys().next().value;
	const locker = id === undefined ? undefined : lockers.get(id);
	if (!locker) throw new TypeError(`simulator: unknown user ${userId}`);
	return locker;
}

/**
 * @param {Map<string, import('./locker').Locker>} lockers
 * @param {Map<string, import('./seed').SimUser>} users
 * @param {string | undefined} userId all users when undefined
 */
function lockersToSearch(lockers, users, userId) {
	return userId === undefined ? [...lockers.values()] : [lockerFor(lockers, users, userId)];
}

/**
 * @param {import('./locker').Locker} locker
 * @returns {{ rootId: string, issued: IssuedInfo[], uploaded: UploadedInfo[] }}
 */
function describeLocker(locker) {
	/** @type {UploadedInfo[]} */
	const uploaded = [];
	/** @param {import('./locker').Folder} folder */
	const walk = (folder) => {
		for (const item of folder.children) {
			const parentPath = folderPath(folder);
			uploaded.push({
				id: item.id,
				type: item.type,
				name: item.name,
				path: `${parentPath === '/' ? '' : parentPath}/${item.name}`,
				parent: folder.id,
				date: item.date,
				size: item.type === 'dir' ? folderSize(item) : item.content.size,
				mime: item.type === 'dir' ? '' : item.mime,
				uri: item.type === 'dir' ? '' : item.uri,
			});
			if (item.type === 'dir') walk(item);
		}
	};
	walk(locker.root);
	return {
		rootId: locker.root.id,
		issued: locker.issued.map((d) => ({
			uri: d.uri,
			name: d.name,
			doctype: d.doctype,
			description: d.description,
			issuerid: d.issuerid,
			issuer: d.issuer,
			date: d.date,
			mime: [...d.mime],
			fileType: d.fileType,
			size: d.content.size,
			hasXml: d.xml !== undefined && d.mime.includes('application/xml'),
		})),
		uploaded,
	};
}

/**
 * @param {Map<string, import('./locker').Locker>} lockers
 * @param {Map<string, import('./seed').SimUser>} users
 */
function documentView(lockers, users) {
	return {
		/** @param {string} [userId] default the first user */
		documents(userId) {
			return describeLocker(lockerFor(lockers, users, userId));
		},
		/**
		 * @param {string} uri
		 * @param {string} [userId] any user when omitted
		 * @returns {StoredFile | undefined}
		 */
		readFile(uri, userId) {
			for (const locker of lockersToSearch(lockers, users, userId)) {
				const found = findByUri(locker, uri);
				if (!found) continue;
				const contentType = found.kind === 'issued' ? found.doc.fileType : found.doc.mime;
				return {
					bytes: readContent(found.doc.content),
					contentType,
					filename: downloadName(found),
				};
			}
			return undefined;
		},
		/**
		 * @param {string} uri
		 * @param {string} [userId] any user when omitted
		 * @returns {Buffer | undefined}
		 */
		readXml(uri, userId) {
			for (const locker of lockersToSearch(lockers, users, userId)) {
				const doc = locker.issued.find((d) => d.uri === uri);
				if (doc) return doc.xml ? Buffer.from(doc.xml) : undefined;
			}
			return undefined;
		},
	};
}

module.exports = { seedLockers, documentView };
