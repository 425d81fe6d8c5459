import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DigiLockerApp } from '../helpers/appConfig';

export interface OperationContext {
	app: DigiLockerApp;
	itemIndex: number;
	now: Date;
}

export interface DigiLockerOperation {
	description: INodeProperties[];
	/** Parameters whose values must never appear in an error message. */
	secretParameters: string[];
	execute(this: IExecuteFunctions, context: OperationContext): Promise<IDataObject>;
}
