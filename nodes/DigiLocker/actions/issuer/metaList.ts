import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidResponse } from '../../helpers/errors';
import { signMetaRequest, type MetaRequestFields } from './metaSignature';
import { metaPost } from '../../transport';
import { toListOutputs } from '../listOutput';
import type { OperationContext, PreparedItem } from '../operation';

/**
 * Calls a meta API and returns its list (under `listKey`, or the bare array older issuers return), one item per
 * entry or all in one. App-level: no user secrets.
 */
export async function prepareMetaList(
	this: IExecuteFunctions,
	{ app, itemIndex, settings }: OperationContext,
	request: { path: string; fields: MetaRequestFields; listKey: string },
): Promise<PreparedItem> {
	const split = this.getNodeParameter('splitIntoItems', itemIndex, true) !== false;
	const send = async () => {
		const answer = await metaPost.call(this, app, settings, request.path, () =>
			signMetaRequest(app, request.fields, Math.floor(Date.now() / 1000)),
		);
		const list = Array.isArray(answer) ? answer : (answer as IDataObject)?.[request.listKey];
		if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'object' || entry === null)) {
			throw invalidResponse(`The answer from DigiLocker has no "${request.listKey}" list`, 200);
		}
		return toListOutputs(list as IDataObject[], split, { ...request.fields });
	};
	return { secrets: [], send };
}
