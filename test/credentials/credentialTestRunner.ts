import get from 'lodash/get';
import { Credentials, ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createEmptyRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { DigiLockerApi } from '../../credentials/DigiLockerApi.credentials';

const credential = new DigiLockerApi();
const rules = credential.test.rules ?? [];

/** The node n8n's credentials tester builds around a declarative test: one property routing the test request. */
const testRequestNode: INodeType = {
	description: {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['transform'],
		version: 1,
		description: 'Sends the credential test request',
		defaults: { name: 'Temp-Node' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: credential.name, required: true }],
		properties: [
			{
				displayName: 'Temp',
				name: 'temp',
				type: 'string',
				default: '',
				routing: { request: credential.test.request },
			},
		],
	},
};

const nodeTypes: INodeTypes = {
	getByName: () => testRequestNode,
	getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(testRequestNode),
	getKnownTypes: () => ({}),
};

/** Applies the credential's `authenticate` function, as n8n's CredentialsHelper.authenticate does. */
class TesterCredentialsHelper extends ICredentialsHelper {
	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, request: object) {
		return await credential.authenticate(credentials, request as IHttpRequestOptions);
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

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		throw new Error('the tester hands the credential to RoutingNode; nothing is read back');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return credential.properties;
	}
}

export type CredentialTestResult = { status: 'OK' | 'Error'; message: string };

type RequestFailure = {
	message: string;
	cause?: { code?: unknown; response?: { status: number; statusText?: string } };
};

/** n8n 2.41.1 `CredentialsTester.runRequestTest`, catch branch: the request threw. */
function failedRequestVerdict(error: RequestFailure): CredentialTestResult {
	const response = error.cause?.response;
	if (response) {
		for (const rule of rules) {
			if (rule.type === 'responseCode' && response.status === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (response.status < 199 || response.status > 299) {
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: String(error.cause.code) };
	}
	return { status: 'Error', message: error.message };
}

/** n8n 2.41.1 `CredentialsTester.runRequestTest`, after an answer: the first body rule whose key equals its value fails. */
function answeredVerdict(response: INodeExecutionData[][]): CredentialTestResult {
	const body = response[0]?.[0]?.json;
	for (const rule of rules) {
		if (
			rule.type === 'responseSuccessBody' &&
			get(body, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * Runs the credential Test as n8n 2.41.1's credentials tester does (packages/cli/src/services/
 * credentials-tester.service.ts, `runRequestTest`): n8n-core's RoutingNode sends the test request with the
 * credential handed in, and the outcome is judged by the same branches.
 */
export async function testCredential(
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: testRequestNode.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credential.name]: { id: 'cred-1', name: 'DigiLocker test app' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new TesterCredentialsHelper(),
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, testRequestNode, {
		id: 'cred-1',
		name: 'DigiLocker test app',
		type: credential.name,
		data,
	});
	let response: INodeExecutionData[][] | undefined;
	try {
		await workflow.expression.acquireIsolate();
		response = await routingNode.runNode();
	} catch (error) {
		return failedRequestVerdict(error as RequestFailure);
	} finally {
		await workflow.expression.releaseIsolate();
	}
	return answeredVerdict(response ?? []);
}
