'use strict';

/**
 * Each user's DigiLocker at run time: the issued documents list and the self-uploaded folder
 * tree. Folders and uploaded files get numeric string ids from one counter; uploaded files
 * get URIs `in.gov.sim.uploaded-UPLOD-<id>`.
 */

const { memoryContent, generatedPdfContent, contentHmac } = require('./content');
const { extensionFor } = require('./file-types');

/**
 * @typedef {object} IssuedDoc
 * @property {string} uri
 * @property {string} name
 * @property {string} date
 * @property {string} doctype
 * @property {string} description
 * @property {string} issuerid
 * @property {string} issuer
 * @property {string[]} mime
 * @property {string} fileType Content-Type of Get File
 * @property {import('./content').Content} content
 * @property {Buffer | undefined} xml
 */

/**
 * @typedef {object} Folder
 * @property {'dir'} type
 * @property {string} id
 * @property {string} name
 * @property {Folder | null} parent
 * @property {string} date
 * @property {Array<Folder | UploadedFile>} children
 */

/**
 * @typedef {object} UploadedFile
 * @property {'file'} type
 * @property {string} id
 * @property {string} name
 * @property {Folder} parent
 * @property {string} date
 * @property {string} mime
 * @property {string} uri
 * @property {string} description
 * @property {import('./content').Content} content
 */

/**
 * @typedef {object} Locker
 * @property {string} userId
 * @property {import('./holder').Holder} holder the person its documents describe
 * @property {IssuedDoc[]} issued
 * @property {Folder} root
 * @property {Map<string, Folder>} folders by id
 * @property {Map<string, UploadedFile>} files by uri
 */

/**
 * @typedef {object} LargeFilesOption
 * @property {number} count how many files
 * @property {number | number[]} sizeBytes bytes per file (valid PDFs, generated on each read), or one size per file
 * @property {string} [userId] whose locker; default the first user
 * @property {'issued' | 'uploaded'} [target] issued documents (default) or the uploaded folder /Bulk
 * @property {boolean} [precomputeHmac] compute every app's response hmac at start-up (one pass per
 *   file and app) instead of on each file's first download, so benchmarks time only the transfer
 */

const SEED_DATE = '2023-08-01T09:30:00Z';

/**
 * @param {import('./documents-seed').IssuedSpec} spec
 * @returns {IssuedDoc}
 */
function issuedFromSpec(spec) {
	return {
		uri: spec.uri,
		name: spec.name,
		date: spec.date,
		doctype: spec.doctype,
		description: spec.description,
		issuerid: spec.issuerid,
		issuer: spec.issuer,
		mime: spec.mime,
		fileType: spec.fileType,
		content: memoryContent(spec.bytes),
		xml: spec.xml,
	};
}

/**
 * A timestamp like the seeded ones: ISO 8601 in UTC without milliseconds.
 * @param {number} ms
 */
function isoDate(ms) {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Issues ids "100100", "100101", ... */
function createIdCounter() {
	let next = 100100;
	return () => String(next++);
}

/**
 * @param {string} name
 * @param {Folder | null} parent
 * @param {string} id
 * @param {string} date
 * @returns {Folder}
 */
function newFolder(name, parent, id, date) {
	return { type: 'dir', id, name, parent, date, children: [] };
}

/**
 * @param {Locker} locker
 * @param {Folder} folder
 * @param {string} name
 * @param {string} mime
 * @param {import('./content').Content} content
 * @param {string} id
 * @param {string} date
 * @param {string} [description]
 * @returns {UploadedFile}
 */
function addFile(locker, folder, name, mime, content, id, date, description = '') {
	/** @type {UploadedFile} */
	const file = {
		type: 'file',
		id,
		name,
		parent: folder,
		date,
		mime,
		uri: `in.gov.sim.uploaded-UPLOD-${id}`,
		description,
		content,
	};
	folder.children.push(file);
	locker.files.set(file.uri, file);
	return file;
}

/**
 * @param {Locker} locker
 * @param {Folder} folder
 * @param {import('./documents-seed').UploadedSpec[]} specs
 * @param {() => string} nextId
 */
function addUploadedTree(locker, folder, specs, nextId) {
	for (const spec of specs) {
		if (folder.children.some((c) => c.name === spec.name)) {
			throw new TypeError(
				`simulator: duplicate uploaded name ${spec.name} in ${folderPath(folder)}`,
			);
		}
		if (spec.type === 'dir') {
			const child = newFolder(spec.name, folder, nextId(), SEED_DATE);
			folder.children.push(child);
			locker.folders.set(child.id, child);
			addUploadedTree(locker, child, spec.children, nextId);
		} else {
			addFile(
				locker,
				folder,
				spec.name,
				spec.mime,
				memoryContent(spec.bytes),
				nextId(),
				SEED_DATE,
				spec.description,
			);
		}
	}
}

/**
 * @param {Locker} locker
 * @param {LargeFilesOption} large
 * @param {() => string} nextId
 * @returns {import('./content').Content[]} the generated contents
 */
function addLargeFiles(locker, large, nextId) {
	/** @type {import('./content').Content[]} */
	const contents = [];
	const target = large.target ?? 'issued';
	if (target !== 'issued' && target !== 'uploaded') {
		throw new TypeError("simulator: largeFiles.target must be 'issued' or 'uploaded'");
	}
	let bulk = /** @type {Folder | undefined} */ (undefined);
	if (target === 'uploaded') {
		bulk = newFolder('Bulk', locker.root, nextId(), SEED_DATE);
		locker.root.children.push(bulk);
		locker.folders.set(bulk.id, bulk);
	}
	for (let i = 1; i <= large.count; i++) {
		const n = String(i).padStart(6, '0');
		const size = Array.isArray(large.sizeBytes) ? large.sizeBytes[i - 1] : large.sizeBytes;
		if (bulk) {
			const id = nextId();
			const content = generatedPdfContent([`Bulk upload ${n}`], size, `upload-${id}`);
			addFile(locker, bulk, `bulk-${n}.pdf`, 'application/pdf', content, id, SEED_DATE);
			contents.push(content);
			continue;
		}
		const uri = `in.gov.sim.bulk-BLKPD-${n}`;
		const content = generatedPdfContent([`Bulk Document ${n}`, uri], size, uri);
		locker.issued.push({
			uri,
			name: `Bulk Document ${n}`,
			date: SEED_DATE,
			doctype: 'BLKPD',
			description: `Bulk Document ${n}`,
			issuerid: 'in.gov.sim.bulk',
			issuer: 'Simulated Bulk Issuer',
			mime: ['application/pdf'],
			fileType: 'application/pdf',
			content,
			xml: undefined,
		});
		contents.push(content);
	}
	return contents;
}

/** @param {unknown} large */
function checkLargeFiles(large) {
	const l = /** @type {LargeFilesOption} */ (large);
	if (
		!l ||
		typeof l !== 'object' ||
		!Number.isInteger(l.count) ||
		l.count < 0 ||
		l.count > 100000
	) {
		throw new TypeError('simulator: largeFiles.count must be a whole number from 0 to 100000');
	}
	const sizes = Array.isArray(l.sizeBytes) ? l.sizeBytes : [l.sizeBytes];
	if (Array.isArray(l.sizeBytes) && l.sizeBytes.length !== l.count) {
		throw new TypeError('simulator: largeFiles.sizeBytes as a list needs one size per file');
	}
	if (!sizes.every((size) => Number.isInteger(size) && size > 0)) {
		throw new TypeError(
			'simulator: largeFiles.sizeBytes must be a positive whole number (or a list of them)',
		);
	}
	return l;
}

/**
 * @param {object} input
 * @param {Map<string, { digilockerid: string, name: string, dob: string, gender: string, eaadhaar: string }>} input.users
 * @param {Map<string, ReturnType<typeof import('./documents-seed').seedDocuments>>} input.seeds by digilockerid
 * @param {unknown} [input.largeFiles]
 * @param {string[]} input.clientSecrets for largeFiles.precomputeHmac
 * @returns {{ lockers: Map<string, Locker>, nextId: () => string }}
 */
function createLockers({ users, seeds, largeFiles, clientSecrets }) {
	const nextId = createIdCounter();
	/** @type {Map<string, Locker>} */
	const lockers = new Map();
	for (const user of users.values()) {
		const seed = seeds.get(user.digilockerid);
		if (!seed) throw new Error('simulator: missing document seed');
		const root = newFolder('', null, nextId(), SEED_DATE);
		/** @type {Locker} */
		const locker = {
			userId: user.digilockerid,
			holder: seed.holder,
			issued: seed.issued.map(issuedFromSpec),
			root,
			folders: new Map([[root.id, root]]),
			files: new Map(),
		};
		addUploadedTree(locker, root, seed.uploaded, nextId);
		lockers.set(user.digilockerid, locker);
	}
	if (largeFiles !== undefined) {
		const large = checkLargeFiles(largeFiles);
		const userId = large.userId ?? users.keys().next().value;
		const locker = userId === undefined ? undefined : lockers.get(userId);
		if (!locker) throw new TypeError('simulator: largeFiles.userId is not a seeded user');
		const contents = addLargeFiles(locker, large, nextId);
		if (large.precomputeHmac === true) {
			for (const content of contents)
				for (const secret of clientSecrets) contentHmac(content, secret);
		}
	}
	return { lockers, nextId };
}

/**
 * '/' for the root, else '/A/B'.
 * @param {Folder} folder
 */
function folderPath(folder) {
	/** @type {string[]} */
	const names = [];
	for (let f = /** @type {Folder | null} */ (folder); f && f.parent; f = f.parent)
		names.unshift(f.name);
	return `/${names.join('/')}`;
}

/**
 * Total bytes of the files under a folder.
 * @param {Folder} folder
 * @returns {number}
 */
function folderSize(folder) {
	let size = 0;
	for (const child of folder.children)
		size += child.type === 'dir' ? folderSize(child) : child.content.size;
	return size;
}

/**
 * The folder at a path such as '/Documents/Certificates' ('' and '/' are the root).
 * @param {Locker} locker
 * @param {string[]} names path segments
 * @returns {Folder | undefined}
 */
function folderAt(locker, names) {
	let folder = locker.root;
	for (const name of names) {
		const next = folder.children.find((c) => c.type === 'dir' && c.name === name);
		if (!next || next.type !== 'dir') return undefined;
		folder = next;
	}
	return folder;
}

/**
 * @param {Locker} locker
 * @param {string} uri
 * @returns {{ kind: 'issued', doc: IssuedDoc } | { kind: 'uploaded', doc: UploadedFile } | undefined}
 */
function findByUri(locker, uri) {
	const issued = locker.issued.find((d) => d.uri === uri);
	if (issued) return { kind: 'issued', doc: issued };
	const file = locker.files.get(uri);
	return file ? { kind: 'uploaded', doc: file } : undefined;
}

/**
 * The download file name of a document.
 * @param {{ kind: 'issued', doc: IssuedDoc } | { kind: 'uploaded', doc: UploadedFile }} found
 */
function downloadName(found) {
	if (found.kind === 'uploaded') return found.doc.name;
	return `${found.doc.uri.replace(/[\\/]/g, '_')}.${extensionFor(found.doc.fileType)}`;
}

module.exports = {
	createLockers,
	issuedFromSpec,
	isoDate,
	addFile,
	folderPath,
	folderSize,
	folderAt,
	findByUri,
	downloadName,
};
