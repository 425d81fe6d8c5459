import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { toAppConfig, type DigiLockerApp } from '../helpers/appConfig';
import { mapWithConcurrency } from '../helpers/concurrency';
import { CREDENTIAL_TYPE } from '../helpers/constants';
import { errorBody, failureEnvelope, successEnvelope } from '../helpers/envelope';
import { DigiLockerError, isInputErrorCode } from '../helpers/errors';
import { readConcurrency, readRequestSettings } from '../helpers/requestSettings';
import * as authorization from './authorization/Authorization.resource';
import * as document from './document/Document.resource';
import * as issuer from './issuer/Issuer.resource';
import type { DigiLockerOperation } from './operation';
import * as user from './user/User.resource';

const resources: Record<string, Record<string, DigiLockerOperation>> = {
	authorization: authorization.operations,
	user: user.operations,
	document: document.operations,
	issuer: issuer.operations,
};

type Secrets = Array<string | undefined>;
type ItemResult = { items: INodeExecutionData[] } | { error: DigiLockerError; secrets: Secrets };

function findOperation(resource: string, operation: string): DigiLockerOperation {
	const found = resources[resource]?.[operation];
	if (!found) {
		throw new DigiLockerError(
			'VALIDATION_ERROR',
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return found;
}

function asDigiLockerError(error: unknown): DigiLockerError {
	if (error instanceof DigiLockerError) return error;
	const message = error instanceof Error ? error.message : String(error);
	return new DigiLockerError('VALIDATION_ERROR', message);
}

function readSecrets(
	this: IExecuteFunctions,
	names: string[],
	itemIndex: number,
	clientSecret?: string,
): Secrets {
	const values: Secrets = [clientSecret];
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

function toNodeError(node: INode, error: DigiLockerError, secrets: Secrets, itemIndex: number) {
	const body = errorBody(error, secrets);
	const message = body.message as string;
	const description = [error.hint, `Error code: ${error.code}`].filter(Boolean).join(' ');
	const nodeError = isInputErrorCode(error.code)
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

async function loadApp(this: IExecuteFunctions): Promise<DigiLockerApp | DigiLockerError> {
	try {
		return toAppConfig(await this.getCredentials(CREDENTIAL_TYPE));
	} catch (error) {
		return asDigiLockerError(error);
	}
}

async function runItem(
	this: IExecuteFunctions,
	itemIndex: number,
	app: DigiLockerApp | DigiLockerError,
): Promise<ItemResult> {
	const clientSecret = app instanceof DigiLockerError ? undefined : app.clientSecret;
	let secrets: Secrets = [clientSecret];
	try {
		const operation = findOperation(
			this.getNodeParameter('resource', itemIndex) as string,
			this.getNodeParameter('operation', itemIndex) as string,
		);
		secrets = readSecrets.call(this, operation.secretParameters, itemIndex, clientSecret);
		if (app instanceof DigiLockerError) throw app;
		const settings = readRequestSettings.call(this, itemIndex);
		const outputs = await operation.execute.call(this, {
			app,
			itemIndex,
			now: new Date(),
			settings,
		});
		return {
			items: outputs.map(({ data, binary }) => ({
				json: successEnvelope(data),
				...(binary ? { binary } : {}),
				pairedItem: { item: itemIndex },
			})),
		};
	} catch (caught) {
		return { error: asDigiLockerError(caught), secrets };
	}
}

/**
 * Runs the chosen operation for every item, a bounded number at once. Outputs keep the input order and each is
 * paired with its input item. A failed item answers with an error envelope under continue-on-fail; otherwise the
 * first failure (by item order) stops the node and no further item is started.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const app = await loadApp.call(this);
	const continueOnFail = this.continueOnFail();
	let concurrency = 1;
	let concurrencyError: DigiLockerError | undefined;
	try {
		concurrency = readConcurrency.call(this);
	} catch (error) {
		concurrencyError = asDigiLockerError(error);
	}

	let failed = false;
	const results = await mapWithConcurrency(
		items.length,
		concurrency,
		async (itemIndex) => {
			const result: ItemResult = concurrencyError
				? { error: concurrencyError, secrets: [] }
				: await runItem.call(this, itemIndex, app);
			if ('error' in result) failed = true;
			return result;
		},
		() => failed && !continueOnFail,
	);

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < results.length; itemIndex++) {
		const result = results[itemIndex];
		if (!result) continue;
		if ('items' in result) {
			output.push(...result.items);
		} else if (continueOnFail) {
			output.push({
				json: failureEnvelope(result.error, result.secrets),
				pairedItem: { item: itemIndex },
			});
		} else {
			throw toNodeError(this.getNode(), result.error, result.secrets, itemIndex);
		}
	}
	return [output];
}
