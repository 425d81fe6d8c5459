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

export interface DigiLockerOperation {
	description: INodeProperties[];
	/** Parameters whose values must never appear in an error message. */
	secretParameters: string[];
	/** Returns one output per input item, except list operations that split a list into items. */
	execute(this: IExecuteFunctions, context: OperationContext): Promise<OperationOutput[]>;
}
