'use strict';

/**
 * GET /oauth2/1/files/ (the root folder) and GET /oauth2/1/files/{id} (a folder): the
 * self-uploaded documents and folders. Needs the files.uploadeddocs scope.
 */

const { OAuthError, sendJson } = require('./http-util');
const { requireLocker } = require('./bearer');
const { folderPath, folderSize } = require('./locker');

/**
 * @typedef {import('./files-issued').DocCtx & { params: Record<string, string> }} ParamCtx
 */

/** @param {import('./locker').Folder | import('./locker').UploadedFile} item */
function listItem(item) {
	const isDir = item.type === 'dir';
	return {
		id: item.id,
		name: item.name,
		type: item.type,
		size: String(isDir ? folderSize(item) : item.content.size),
		date: item.date,
		parent: item.parent ? item.parent.id : '',
		mime: isDir ? '' : item.mime,
		uri: isDir ? '' : item.uri,
		description: isDir ? '' : item.description,
		issuer: '',
	};
}

/** @param {ParamCtx} ctx */
function handleUploaded(ctx) {
	const { locker } = requireLocker(ctx, 'files.uploadeddocs');
	const id = ctx.params.id;
	const folder = id === '' ? locker.root : locker.folders.get(id);
	if (!folder) throw new OAuthError(404, 'invalid_id', 'The folder does not exist');
	sendJson(ctx.res, 200, { directory: folderPath(folder), items: folder.children.map(listItem) });
}

module.exports = { handleUploaded };
