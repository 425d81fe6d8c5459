/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a real HTTP server plays n8n's webhook endpoint */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeParameters,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WebhookType,
} from 'n8n-workflow';

import { DigiLockerApi } from '../../credentials/DigiLockerApi.credentials';
import { DigiLockerTrigger } from '../../nodes/DigiLockerTrigger/DigiLockerTrigger.node';
import { CredentialsHelper, NodeTypes } from '../engine/harness';

/** What the trigger's webhook() gave back for one request. */
export interface WebhookCall {
	name: WebhookType;
	result?: IWebhookResponseData;
	error?: unknown;
}

export const RESPONSE_NODE_ANSWER = 'answered by the Respond to Webhook node';

function triggerWorkflow(parameters: INodeParameters) {
	const trigger = new DigiLockerTrigger();
	const node: INode = {
		id: 'trigger',
		name: 'DigiLocker Trigger',
		type: 'digiLockerTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		credentials: { digiLockerApi: { id: 'cred-1', name: 'DigiLocker test app' } },
	};
	const nodeTypes = new NodeTypes({ digiLockerTrigger: trigger });
	const workflow = new Workflow({
		id: 'wf-trigger',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
	});
	// n8n resolves the node's parameters with their defaults before it runs a webhook
	const resolved = workflow.getNode(node.name) as INode;
	return { trigger, workflow, node: resolved };
}

function additionalDataFor(
	credentials: ICredentialDataDecryptedObject,
	req?: IncomingMessage,
	res?: ServerResponse,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new CredentialsHelper(new DigiLockerApi(), credentials),
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		httpRequest: req,
		httpResponse: res,
	} as unknown as IWorkflowExecuteAdditionalData;
}

function webhookDataFor(
	trigger: DigiLockerTrigger,
	name: WebhookType,
	method: string,
	additionalData: IWorkflowExecuteAdditionalData,
): IWebhookData {
	const description = trigger.description.webhooks?.find((w) => w.name === name);
	if (!description) throw new Error(`the trigger has no webhook "${name}"`);
	return {
		httpMethod: method as IWebhookData['httpMethod'],
		node: 'DigiLocker Trigger',
		path: '',
		webhookDescription: description,
		workflowId: 'wf-trigger',
		workflowExecuteAdditionalData: additionalData,
	};
}

/**
 * Serves the trigger like n8n's webhook endpoint does: any path ending in /start runs its `setup` webhook, /callback
 * its `default` one, through n8n-core's real WebhookContext. When the trigger leaves the answer to the workflow
 * (Respond to Webhook), this server plays that node.
 */
export async function startTriggerServer(options: {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
}) {
	const calls: WebhookCall[] = [];
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://trigger.test').pathname;
		const name: WebhookType | undefined = path.endsWith('/start')
			? 'setup'
			: path.endsWith('/callback')
				? 'default'
				: undefined;
		if (!name) {
			res.statusCode = 404;
			res.end();
			return;
		}
		const { trigger, workflow, node } = triggerWorkflow(options.parameters);
		const additionalData = additionalDataFor(options.credentials, req, res);
		const webhookData = webhookDataFor(trigger, name, req.method ?? 'GET', additionalData);
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		trigger.webhook.call(context).then(
			(result) => {
				calls.push({ name, result });
				if (!res.writableEnded) res.end(RESPONSE_NODE_ANSWER);
			},
			(error: unknown) => {
				calls.push({ name, error });
				if (!res.writableEnded) {
					res.statusCode = 500;
					res.end('webhook() threw');
				}
			},
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		calls,
		/** The items a call started the workflow with (undefined when it started nothing). */
		started: (call: WebhookCall | undefined) => call?.result?.workflowData?.[0]?.map((i) => i.json),
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export type TriggerServer = Awaited<ReturnType<typeof startTriggerServer>>;

/** Runs `run` against a trigger server with these parameters (path digilocker plus `parameters`), then stops it. */
export async function withTriggerServer<T>(
	credentials: ICredentialDataDecryptedObject,
	parameters: IDataObject,
	run: (server: TriggerServer) => Promise<T>,
): Promise<T> {
	const server = await startTriggerServer({
		parameters: { path: 'digilocker', ...parameters } as INodeParameters,
		credentials,
	});
	try {
		return await run(server);
	} finally {
		await server.stop();
	}
}

/** Runs the trigger's activation check (n8n calls it when publishing or listening for a test event). */
export async function activateTrigger(options: {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
}): Promise<boolean> {
	const { trigger, workflow, node } = triggerWorkflow(options.parameters);
	const additionalData = additionalDataFor(options.credentials);
	const webhookData = webhookDataFor(trigger, 'default', 'GET', additionalData);
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		'activate',
		webhookData,
	);
	return await trigger.webhookMethods.default.create.call(context);
}
