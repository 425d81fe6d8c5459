import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DigiLockerApp } from '../helpers/appConfig';
import type { RequestSettings } from '../helpers/requestSettings';

export interface OperationContext {
	app: DigiLockerApp;
	itemIndex: number;
	now: Date;
	settings: RequestSettings;
}

/** One output item: the envelope's `data`, and binary data when the operation fetched a file. */
export interface OperationOutput {
	data: IDataObject;
	binary?: IBinaryKeyData;
}

/** One item's inputs, read and checked; nothing has been sent yet. */
export interface PreparedItem {
	/** This item's values that must never appear in an error: tokens, codes, verifiers. */
	secrets: string[];
	/** Sends the item to DigiLocker. Returns one output per item, except lists split into items. */
	send(): Promise<OperationOutput[]>;
}

export interface DigiLockerOperation {
	description: INodeProperties[];
	/**
	 * Whether the operation changes something at DigiLocker (spends a code, rotates a token, stores a file). Such an
	 * operation is never sent twice, every item's inputs are checked before any item is sent, and once sent no
	 * item's result is thrown away.
	 */
	changesState: boolean;
	/** Whether an AI agent may call it (the node's tool variant); see README "AI agents". */
	availableToAgents: boolean;
	/** Reads and checks one item's inputs; throws VALIDATION_ERROR or INVALID_STATE with nothing sent. */
	prepare(this: IExecuteFunctions, context: OperationContext): Promise<PreparedItem>;
}
