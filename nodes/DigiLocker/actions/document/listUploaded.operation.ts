import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { DigiLockerApp } from '../../helpers/appConfig';
import { PATHS } from '../../helpers/constants';
import { readAccessToken } from '../../helpers/sharedFields';
import { normalizeUploadedList } from './documentLists';
import { validationError } from '../../helpers/errors';
import { readText } from '../../helpers/parameters';
import type { RequestSettings } from '../../helpers/requestSettings';
import { bearerJson } from '../../transport';
import { accessTokenProperty, readRequestOptionsProperty } from '../common.descriptions';
import type { OperationContext, OperationOutput } from '../operation';
import { splitIntoItemsProperty, toListOutputs } from '../listOutput';

const MAX_FOLDERS = 500;

const properties: INodeProperties[] = [
	accessTokenProperty,
	{
		displayName: 'Folder ID',
		name: 'folderId',
		type: 'string',
		default: '',
		description:
			"The ID of a folder from an earlier listing; leave empty for the root of the user's uploads",
	},
	{
		displayName: 'Include Sub-Folders',
		name: 'recursive',
		type: 'boolean',
		default: false,
		description: 'Whether to walk every sub-folder too (each entry then carries its folder "path")',
	},
	splitIntoItemsProperty,
	readRequestOptionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['listUploaded'] } },
	properties,
);

export const secretParameters = ['accessToken'];

interface Folder {
	id: string;
	path: string;
}

async function listFolder(
	this: IExecuteFunctions,
	app: DigiLockerApp,
	settings: RequestSettings,
	accessToken: string,
	folder: Folder,
): Promise<IDataObject[]> {
	const path = `${PATHS.uploadedFolder}${encodeURIComponent(folder.id)}`;
	const body = await bearerJson.call(this, app, settings, { method: 'GET', path, accessToken });
	return normalizeUploadedList(body, 200).map((entry) => ({ ...entry, path: folder.path }));
}

/** GET /oauth2/1/files/{id}: the user's own uploads, one folder or (breadth first) the whole tree below it. */
export async function execute(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
): Promise<OperationOutput[]> {
	const accessToken = readAccessToken.call(this, itemIndex);
	const folderId = readText.call(this, 'folderId', itemIndex, {
		label: 'Folder ID',
		maxLength: 256,
		pattern: /^[A-Za-z0-9._~-]+$/,
		patternHint: 'must be a folder "id" from DigiLocker (letters, digits, . _ ~ -)',
	});
	const recursive = this.getNodeParameter('recursive', itemIndex, false) === true;
	const split = this.getNodeParameter('splitIntoItems', itemIndex, true) !== false;

	const entries: IDataObject[] = [];
	const queue: Folder[] = [{ id: folderId, path: '/' }];
	const seen = new Set<string>([folderId]);
	while (queue.length > 0) {
		const folder = queue.shift() as Folder;
		const listed = await listFolder.call(this, app, settings, accessToken, folder);
		entries.push(...listed);
		if (!recursive) break;
		for (const entry of listed) {
			if (entry.type !== 'dir' || typeof entry.id !== 'string' || seen.has(entry.id)) continue;
			if (seen.size >= MAX_FOLDERS) {
				throw validationError(
					`The folder tree has more than ${MAX_FOLDERS} folders; list a sub-folder instead`,
				);
			}
			seen.add(entry.id);
			queue.push({ id: entry.id, path: `${folder.path}${String(entry.name ?? entry.id)}/` });
		}
	}
	return toListOutputs(entries, split, { folder_id: folderId || null });
}
