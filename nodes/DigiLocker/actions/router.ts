import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { toAppConfig, type DigiLockerApp } from '../helpers/appConfig';
import { CREDENTIAL_TYPE } from '../helpers/constants';
import { errorBody, failureEnvelope, successEnvelope } from '../helpers/envelope';
import { DigiLockerError, isInputErrorCode } from '../helpers/errors';
import * as authorization from './authorization/Authorization.resource';
import type { DigiLockerType } from './node.type';
import type { DigiLockerOperation } from './operation';

const resources: Record<string, Record<string, DigiLockerOperation>> = {
	authorization: authorization.operations,
};

function findOperation(resource: string, operation: string): DigiLockerOperation {
	const found = resources[resource]?.[operation];
	if (!found) {
		throw new DigiLockerError('VALIDATION_ERROR', `The operation "${operation}" of "${resource}" is not supported`);
	}
	return found;
}

function asDigiLockerError(error: unknown): DigiLockerError {
	if (error instanceof DigiLockerError) return error;
	const message = error instanceof Error ? error.message : String(error);
	return new DigiLockerError('VALIDATION_ERROR', message);
}

function readSecrets(this: IExecuteFunctions, names: string[], itemIndex: number, clientSecret?: string) {
	const values: Array<string | undefined> = [clientSecret];
	for (const name of names) {
		try {
			const value = this.getNodeParameter(name, itemIndex, '');
			if (typeof value === 'string') values.push(value, value.trim());
		} catch {
			// an unreadable parameter has no value to hide
		}
	}
	return values;
}

function toNodeError(node: INode, error: DigiLockerError, secrets: Array<string | undefined>, itemIndex: number) {
	const body = errorBody(error, secrets);
	const message = body.message as string;
	const description = [error.hint, `Error code: ${error.code}`].filter(Boolean).join(' ');
	if (isInputErrorCode(error.code)) {
		const nodeError = new NodeOperationError(node, message, { itemIndex, description });
		nodeError.context.code = error.code;
		return nodeError;
	}
	const nodeError = new NodeApiError(node, body as JsonObject, {
		message,
		description,
		itemIndex,
		httpCode: error.status === undefined ? undefined : String(error.status),
	});
	nodeError.context.code = error.code;
	return nodeError;
}

async function loadApp(this: IExecuteFunctions): Promise<DigiLockerApp | DigiLockerError> {
	try {
		return toAppConfig(await this.getCredentials(CREDENTIAL_TYPE));
	} catch (error) {
		return asDigiLockerError(error);
	}
}

/** Runs the chosen operation for every item: one envelope out per item in, each paired with its input. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const app = await loadApp.call(this);
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const clientSecret = app instanceof DigiLockerError ? undefined : app.clientSecret;
		let secrets: Array<string | undefined> = [clientSecret];
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as DigiLockerType['resource'];
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = findOperation(resource, operationName);
			secrets = readSecrets.call(this, operation.secretParameters, itemIndex, clientSecret);
			if (app instanceof DigiLockerError) throw app;
			const data = await operation.execute.call(this, { app, itemIndex, now: new Date() });
			output.push({ json: successEnvelope(data), pairedItem: { item: itemIndex } });
		} catch (caught) {
			const error = asDigiLockerError(caught);
			if (this.continueOnFail()) {
				output.push({ json: failureEnvelope(error, secrets), pairedItem: { item: itemIndex } });
				continue;
			}
			throw toNodeError(this.getNode(), error, secrets, itemIndex);
		}
	}
	return [output];
}

