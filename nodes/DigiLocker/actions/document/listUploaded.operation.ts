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
import { readText } from '../../helpers/parameters';
import type { RequestSettings } from '../../helpers/requestSettings';
import { bearerJson } from '../../transport';
import { accessTokenProperty, readRequestOptionsProperty } from '../common.descriptions';
import type { OperationContext, PreparedItem } from '../operation';
import { FolderWalk, type Folder } from './folderWalk';
import { splitIntoItemsProperty, toListOutputs } from '../listOutput';

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

export const changesState = false;

export const availableToAgents = true;

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
export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
): Promise<PreparedItem> {
	const accessToken = readAccessToken.call(this, itemIndex);
	const folderId = readText.call(this, 'folderId', itemIndex, {
		label: 'Folder ID',
		maxLength: 256,
		pattern: /^[A-Za-z0-9._~-]+$/,
		patternHint: 'must be a folder "id" from DigiLocker (letters, digits, . _ ~ -)',
	});
	const recursive = this.getNodeParameter('recursive', itemIndex, false) === true;
	const split = this.getNodeParameter('splitIntoItems', itemIndex, true) !== false;

	const send = async () => {
		const walk = new FolderWalk(folderId);
		for (let folder = walk.next(); folder; folder = walk.next()) {
			const listed = await listFolder.call(this, app, settings, accessToken, folder);
			walk.add(folder, listed);
			if (!recursive) break;
		}
		return toListOutputs(walk.entries, split, { folder_id: folderId || null });
	};
	return { secrets: [accessToken], send };
}
