import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type JsonObject,
	type NodeExecutionHint,
} from 'n8n-workflow';

import { errorBody, failureEnvelope, successEnvelope } from '../helpers/envelope';
import type { DigiLockerError, ErrorCode } from '../helpers/errors';
import type { OperationOutput } from './operation';

export type ItemResult =
	| { ok: true; outputs: OperationOutput[] }
	| { ok: false; error: DigiLockerError; secrets: string[] };

/** Fields an AI agent never sees: with them the model could act as the user. */
const WITHHELD_FROM_AGENTS = ['access_token', 'refresh_token', 'code_verifier', 'id_token'];

/** Codes that are not DigiLocker or the network answering: raised as NodeOperationError. */
const NOT_API_CODES: ErrorCode[] = [
	'VALIDATION_ERROR',
	'INVALID_STATE',
	'INTERNAL_ERROR',
	'CANCELLED',
];

export function toNodeError(
	node: INode,
	error: DigiLockerError,
	secrets: string[],
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const body = errorBody(error, secrets);
	const message = body.message as string;
	const description = [error.hint, `Error code: ${error.code}`].filter(Boolean).join(' ');
	const nodeError = NOT_API_CODES.includes(error.code)
		? new NodeOperationError(node, message, { itemIndex, description })
		: new NodeApiError(node, body as JsonObject, {
				message,
				description,
				itemIndex,
				httpCode: error.status === undefined ? undefined : String(error.status),
			});
	nodeError.context.code = error.code;
	return nodeError;
}

function withoutAgentSecrets(data: IDataObject): IDataObject {
	const kept = { ...data };
	for (const field of WITHHELD_FROM_AGENTS) delete kept[field];
	return kept;
}

export function successItems(
	outputs: OperationOutput[],
	itemIndex: number,
	forAgent: boolean,
): INodeExecutionData[] {
	return outputs.map(({ data, binary }) => ({
		json: successEnvelope(forAgent ? withoutAgentSecrets(data) : data),
		...(binary ? { binary } : {}),
		pairedItem: { item: itemIndex },
	}));
}

/**
 * A failed item answered in place: the error envelope. When the node uses n8n's "continue (using error output)", the
 * item is shaped as n8n routes errors, `{ error }` (plus `details` holding what DigiLocker's answer already gave), so
 * it leaves by the error output; every item there failed, so it needs no `success`.
 */
export function failureItem(
	node: INode,
	result: Extract<ItemResult, { ok: false }>,
	itemIndex: number,
	forAgent: boolean,
): INodeExecutionData {
	const envelope = failureEnvelope(result.error, result.secrets);
	const kept = envelope.data as IDataObject | undefined;
	const data = kept && forAgent ? withoutAgentSecrets(kept) : kept;
	const json =
		node.onError === 'continueErrorOutput'
			? { error: envelope.error, ...(data ? { details: data } : {}) }
			: { ...envelope, ...(data ? { data } : {}) };
	return { json, pairedItem: { item: itemIndex } };
}

const MAX_NAMED_ITEMS = 10;

/** The warning shown on the node when failed writes are answered in place instead of stopping the workflow. */
export function keptFailuresHint(
	failed: Array<{ itemIndex: number; code: ErrorCode }>,
	total: number,
): NodeExecutionHint {
	const named = failed
		.slice(0, MAX_NAMED_ITEMS)
		.map(({ itemIndex, code }) => `item ${itemIndex} (${code})`)
		.join(', ');
	const more =
		failed.length > MAX_NAMED_ITEMS ? ` and ${failed.length - MAX_NAMED_ITEMS} more` : '';
	return {
		type: 'warning',
		location: 'outputPane',
		message:
			`${failed.length} of ${total} items failed: ${named}${more}. ` +
			'Their error envelopes are in the output in place of a stopped workflow, because the other items already changed something at DigiLocker and their results must not be lost. Branch on "success".',
	};
}
