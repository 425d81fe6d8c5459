import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toAppConfig, type DigiLockerApp } from '../helpers/appConfig';
import { mapWithConcurrency } from '../helpers/concurrency';
import { CREDENTIAL_TYPE } from '../helpers/constants';
import { DigiLockerError, validationError } from '../helpers/errors';
import { secretForms } from '../helpers/redact';
import { readConcurrency, readRequestSettings } from '../helpers/requestSettings';
import * as authorization from './authorization/Authorization.resource';
import * as document from './document/Document.resource';
import * as issuer from './issuer/Issuer.resource';
import {
	failureItem,
	keptFailuresHint,
	successItems,
	toNodeError,
	type ItemResult,
} from './itemResults';
import type { DigiLockerOperation, PreparedItem } from './operation';
import { createPacer } from '../transport/pacer';
import * as user from './user/User.resource';

const resources: Record<string, Record<string, DigiLockerOperation>> = {
	authorization: authorization.operations,
	user: user.operations,
	document: document.operations,
	issuer: issuer.operations,
};

interface Run {
	app: DigiLockerApp;
	operation: DigiLockerOperation;
	/** How many items run at once, and the Retry-After pause every request of the run waits out. */
	pacer: ReturnType<typeof createPacer>;
	forAgent: boolean;
}

function asDigiLockerError(error: unknown): DigiLockerError {
	if (error instanceof DigiLockerError) return error;
	return new DigiLockerError('INTERNAL_ERROR', 'The DigiLocker node failed unexpectedly', {
		hint: `${error instanceof Error ? error.name : typeof error}; please report it with the node's settings (never its tokens).`,
	});
}

/** The n8n tool variant of the node ("DigiLocker Tool"), which an AI agent calls. */
const isAgentTool = (context: IExecuteFunctions) => context.getNode().type.endsWith('Tool');

/** What is the same for every item: credential, operation (resource and operation take no expressions), concurrency. */
async function setUp(this: IExecuteFunctions): Promise<Run> {
	const app = toAppConfig(await this.getCredentials(CREDENTIAL_TYPE));
	const resource = this.getNodeParameter('resource', 0) as string;
	const name = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[name];
	if (!operation) {
		throw validationError(`The operation "${name}" of "${resource}" is not supported`);
	}
	const forAgent = isAgentTool(this);
	if (forAgent && !operation.availableToAgents) {
		throw validationError(
			`"${name}" of "${resource}" is not available to AI agents`,
			'See "AI agents" in the README for the operations a DigiLocker Tool may run.',
		);
	}
	return { app, operation, pacer: createPacer(readConcurrency.call(this)), forAgent };
}

async function prepareItem(
	this: IExecuteFunctions,
	run: Run,
	itemIndex: number,
): Promise<PreparedItem | ItemResult> {
	try {
		const settings = { ...readRequestSettings.call(this, itemIndex), pacer: run.pacer };
		const context = { app: run.app, itemIndex, now: new Date(), settings };
		return await run.operation.prepare.call(this, context);
	} catch (error) {
		return { ok: false, error: asDigiLockerError(error), secrets: secretForms([], run.app) };
	}
}

async function sendItem(run: Run, prepared: PreparedItem): Promise<ItemResult> {
	try {
		return { ok: true, outputs: await prepared.send() };
	} catch (error) {
		return {
			ok: false,
			error: asDigiLockerError(error),
			secrets: secretForms(prepared.secrets, run.app),
		};
	}
}

const isPrepared = (value: PreparedItem | ItemResult | undefined): value is PreparedItem =>
	value !== undefined && 'send' in value;

/**
 * Runs the operation for every item, a bounded number at once (fixed, or adapting to DigiLocker's answers); outputs keep the input order, each paired with its
 * input item. A failed item answers with an error envelope under continue-on-fail. Otherwise a failed read stops the
 * node (no further item starts); for operations that change state every item's inputs are checked before any is
 * sent, and once sent, results are never thrown away: failures are answered in place with a warning.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	let run: Run;
	try {
		run = await setUp.call(this);
	} catch (error) {
		const failure = asDigiLockerError(error);
		if (!continueOnFail) throw toNodeError(this.getNode(), failure, [], 0);
		const result = { ok: false as const, error: failure, secrets: [] };
		return [items.map((_, itemIndex) => failureItem(this.getNode(), result, itemIndex, false))];
	}

	const prepared: Array<PreparedItem | ItemResult | undefined> = new Array(items.length);
	if (run.operation.changesState) {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			prepared[itemIndex] = await prepareItem.call(this, run, itemIndex);
		}
		const invalid = prepared.findIndex((entry) => !isPrepared(entry));
		if (invalid !== -1 && !continueOnFail) {
			const result = prepared[invalid] as Extract<ItemResult, { ok: false }>;
			throw toNodeError(this.getNode(), result.error, result.secrets, invalid);
		}
	}

	let stop = false;
	const results = await mapWithConcurrency(
		items.length,
		run.pacer.limit,
		async (itemIndex): Promise<ItemResult> => {
			const entry = prepared[itemIndex] ?? (await prepareItem.call(this, run, itemIndex));
			const result = isPrepared(entry) ? await sendItem(run, entry) : entry;
			if (!result.ok && !continueOnFail && !run.operation.changesState) stop = true;
			return result;
		},
		() => stop,
	);
	return [assemble.call(this, run, results, continueOnFail)];
}

function assemble(
	this: IExecuteFunctions,
	run: Run,
	results: Array<ItemResult | undefined>,
	continueOnFail: boolean,
): INodeExecutionData[] {
	const node = this.getNode();
	const failed = results.flatMap((result, itemIndex) =>
		result && !result.ok ? [{ itemIndex, result }] : [],
	);
	const keepsResults =
		run.operation.changesState &&
		results.some(
			(result) => result?.ok === true || (result && !result.ok && result.error.keptData),
		);
	if (failed.length > 0 && !continueOnFail && !keepsResults) {
		const first = failed[0];
		throw toNodeError(node, first.result.error, first.result.secrets, first.itemIndex);
	}
	if (failed.length > 0 && !continueOnFail) {
		this.addExecutionHints(
			keptFailuresHint(
				failed.map(({ itemIndex, result }) => ({ itemIndex, code: result.error.code })),
				results.length,
			),
		);
	}
	return results.flatMap((result, itemIndex) => {
		if (!result) return [];
		return result.ok
			? successItems(result.outputs, itemIndex, run.forAgent)
			: [failureItem(node, result, itemIndex, run.forAgent)];
	});
}
