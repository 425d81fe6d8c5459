/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tests wait on real time, outside the node */
import { Credentials, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type NodeExecutionHint,
} from 'n8n-workflow';

import { DigiLockerApi } from '../../credentials/DigiLockerApi.credentials';
import { DigiLocker } from '../../nodes/DigiLocker/DigiLocker.node';

/** Hands a workflow's own input to the next node, like a trigger would. */
const startNode: INodeType = {
	description: {
		displayName: 'Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Emits the test input',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(name: string) {
		return this.types[name];
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.types[name], version);
	}

	getKnownTypes() {
		return {};
	}
}

/** Serves one credential's data and applies its `authenticate` function, as n8n's CredentialsHelper does. */
export class CredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly type: ICredentialType,
		private readonly data: ICredentialDataDecryptedObject,
	) {
		super();
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		request: IHttpRequestOptions,
	) {
		const { authenticate } = this.type;
		if (typeof authenticate !== 'function')
			throw new Error('the DigiLocker credential authenticates with a function');
		return await authenticate(credentials, request);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials() {
		return new Credentials({ id: null, name: '' }, '', '');
	}

	async getDecrypted() {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return this.type.properties;
	}
}

export interface NodeRun {
	/** The DigiLocker node's output items, undefined when the node threw. */
	items?: INodeExecutionData[];
	/** The items of n8n's error output, when the node runs with onError "continueErrorOutput". */
	errorItems?: INodeExecutionData[];
	/** The hints (warnings) the node added to its run. */
	hints?: NodeExecutionHint[];
	/** The error that stopped the workflow, if any. */
	error?: IRun['data']['resultData']['error'];
}

export interface NodeRunOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	input?: IDataObject[];
	/** Input items with binary data; used instead of `input` when given. */
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** n8n's "On Error" setting; wins over continueOnFail. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** The node's type name in the workflow; "digiLockerTool" runs it as n8n's tool variant for AI agents. */
	typeName?: string;
	/** Cancels the execution this long after it started, as n8n's Stop button does. */
	cancelAfterMs?: number;
}

export async function runDigiLockerNode(options: NodeRunOptions): Promise<NodeRun> {
	return await runNodeUnderTest(new DigiLocker(), options);
}

/** Runs Start → the given node type (named "DigiLocker" in the workflow) in n8n-core's WorkflowExecute. */
export async function runNodeUnderTest(
	nodeType: INodeType,
	options: NodeRunOptions,
): Promise<NodeRun> {
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: 'start', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'digilocker',
			name: 'DigiLocker',
			type: options.typeName ?? 'digiLocker',
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { digiLockerApi: { id: 'cred-1', name: 'DigiLocker test app' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.onError ? { onError: options.onError } : {}),
		},
	];
	const connections = {
		Start: { main: [[{ node: 'DigiLocker', type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const nodeTypes = new NodeTypes({
		start: startNode,
		[options.typeName ?? 'digiLocker']: nodeType,
	});
	const workflow = new Workflow({ id: 'wf-test', nodes, connections, active: false, nodeTypes });
	const workflowData: IWorkflowBase = {
		id: 'wf-test',
		name: 'DigiLocker test',
		nodes,
		connections,
		active: false,
		settings: {},
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-test', workflowData);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const additionalData = {
		hooks,
		credentialsHelper: new CredentialsHelper(new DigiLockerApi(), options.credentials),
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
	const input = options.inputItems ?? (options.input ?? [{}]).map((json) => ({ json }));
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflow.getNode('Start') as INode, data: { main: [input] }, source: null },
			],
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runData).processRunExecutionData(
		workflow,
	);
	if (options.cancelAfterMs !== undefined)
		setTimeout(() => execution.cancel(), options.cancelAfterMs);
	await execution.catch(() => undefined);
	const run = await finished;
	const task = run.data.resultData.runData.DigiLocker?.[0];
	return {
		items: task?.data?.main?.[0] ?? undefined,
		errorItems: task?.data?.main?.[1] ?? undefined,
		hints: task?.hints,
		error: run.data.resultData.error,
	};
}
