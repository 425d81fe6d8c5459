// The workflows one e2e load mode imports: the three examples (node type of the mode; successful executions saved,
// so the test can read every DigiLocker envelope from n8n's DB), an e2e-only probe workflow, optionally a copy of
// the callback example exactly as committed (successful executions not saved) on its own webhook path, and the
// browser e2e's trigger workflow (browser.mjs).
import { EXAMPLE_CREDENTIAL, adaptWorkflow, loadExamples } from '../lib/examples.mjs';
import { triggerWorkflow } from './browser.mjs';
import { triggerWorkflows } from './triggerWorkflows.mjs';
import { writesWorkflow } from './writes.mjs';

export const BAD_SECRET_CREDENTIAL = Object.freeze({
	id: 'e2eBadSecret01',
	name: 'DigiLocker (wrong secret)',
});
export const BAD_SECRET = 'e2e-wrong-secret-not-the-real-one';
export const PROBE_VERIFIER = 'e2eProbeVerifier0123456789abcdefghijklmnopqrstu'; // 47 chars of the PKCE alphabet
export const AS_COMMITTED = { id: 'e2eCallbackAsIs01', path: 'e2e/callback-as-committed' };

const SAVE_EVERYTHING = {
	saveDataSuccessExecution: 'all',
	saveDataErrorExecution: 'all',
	saveManualExecutions: true,
	saveExecutionProgress: false,
};

/** triggerType: the DigiLocker Trigger's node type in this mode. */
export function modeWorkflows(nodeType, { withAsCommitted, triggerType }) {
	const examples = loadExamples();
	const workflows = {
		start: adaptWorkflow(examples.start, { nodeType, settings: SAVE_EVERYTHING }),
		callback: adaptWorkflow(examples.callback, { nodeType, settings: SAVE_EVERYTHING }),
		lifecycle: adaptWorkflow(examples.lifecycle, { nodeType, settings: SAVE_EVERYTHING }),
		documents: adaptWorkflow(examples.documents, { nodeType, settings: SAVE_EVERYTHING }),
		probes: probeWorkflow(nodeType),
		operations: operationsWorkflow(nodeType),
		writes: writesWorkflow(nodeType),
		...triggerWorkflows(nodeType),
	};
	workflows.trigger = triggerWorkflow(triggerType, { settings: SAVE_EVERYTHING });
	if (withAsCommitted) {
		workflows.asCommitted = adaptWorkflow(examples.callback, {
			nodeType,
			rename: {
				id: AS_COMMITTED.id,
				name: 'e2e: consent callback as committed',
				path: () => AS_COMMITTED.path,
				webhookId: (id) => id.replace(/.{4}$/, 'e2e1'),
			},
		});
	}
	return workflows;
}

/**
 * Two webhooks, one publish: GET e2e/strict -> Get Access Token with continue-on-fail OFF (the run must fail with the
 * node's message); GET e2e/bad-secret -> Get Access Token with a credential whose secret is wrong (continue-on-fail
 * on, the caller's own code verifier, so the state's signature is not involved).
 */
function probeWorkflow(nodeType) {
	const uuid = (n) => `9c4e9d85-7031-4ead-a04f-0a00000000${String(n).padStart(2, '0')}`;
	const webhook = (n, name, path, y) => ({
		id: uuid(n),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: [0, y],
		webhookId: uuid(n + 50),
		parameters: { httpMethod: 'GET', path, responseMode: 'lastNode', options: {} },
	});
	const exchange = (n, name, credential, y, extra, parameters) => ({
		id: uuid(n),
		name,
		type: nodeType,
		typeVersion: 1,
		position: [240, y],
		...extra,
		parameters: {
			resource: 'authorization',
			operation: 'exchangeCode',
			code: '={{ $json.query.code }}',
			...parameters,
		},
		credentials: { digiLockerApi: { id: credential.id, name: credential.name } },
	});
	return {
		id: 'e2eProbes01',
		name: 'e2e: Get Access Token probes',
		active: false,
		settings: { executionOrder: 'v1', ...SAVE_EVERYTHING },
		nodes: [
			webhook(1, 'Strict Webhook', 'e2e/strict', 0),
			exchange(
				2,
				'Exchange (strict)',
				EXAMPLE_CREDENTIAL,
				0,
				{},
				{ state: '={{ $json.query.state }}' },
			),
			webhook(3, 'Bad Secret Webhook', 'e2e/bad-secret', 300),
			exchange(
				4,
				'Exchange (bad secret)',
				BAD_SECRET_CREDENTIAL,
				300,
				{ onError: 'continueRegularOutput' },
				{
					codeVerifier: PROBE_VERIFIER,
				},
			),
		],
		connections: {
			'Strict Webhook': { main: [[{ node: 'Exchange (strict)', type: 'main', index: 0 }]] },
			'Bad Secret Webhook': { main: [[{ node: 'Exchange (bad secret)', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/**
 * POST e2e/operations {access_token} -> every remaining DigiLocker operation once, in a chain, each with
 * continue-on-fail so one failure cannot hide the others: user, uploaded tree, e-Aadhaar, pull, the three issuer
 * APIs, then a download whose file is uploaded back.
 */
function operationsWorkflow(nodeType) {
	const uuid = (n) => `7d1f0c2e-6a55-4b0e-9c3d-0a00000000${String(n).padStart(2, '0')}`;
	const token = "={{ $('Operations Webhook').first().json.body.access_token }}";
	const steps = [
		['User', { resource: 'user', operation: 'get', accessToken: token }],
		[
			'Uploaded Tree',
			{
				resource: 'document',
				operation: 'listUploaded',
				accessToken: token,
				recursive: true,
				splitIntoItems: false,
			},
		],
		['E-Aadhaar', { resource: 'document', operation: 'getEAadhaar', accessToken: token }],
		[
			'Parse E-Aadhaar',
			{
				resource: 'document',
				operation: 'parseXml',
				binaryPropertyName: 'eaadhaar',
				detail: 'full',
				photoPropertyName: 'aadhaar_photo',
				verifySignature: true,
				signatureOnFailure: 'fail',
			},
		],
		[
			'E-Aadhaar Facts',
			{
				resource: 'document',
				operation: 'getEAadhaar',
				accessToken: token,
				xmlOutput: 'parsed',
				verifySignature: true,
			},
		],
		[
			'Pull',
			{
				resource: 'document',
				operation: 'pull',
				accessToken: token,
				orgid: '001891',
				doctype: 'RVCER',
				issuerFields: {
					field: [
						{ name: 'reg_no', value: 'SM01AB1234' },
						{ name: 'chasis_no', value: '56789' },
					],
				},
			},
		],
		['Issuers', { resource: 'issuer', operation: 'getAll', splitIntoItems: false }],
		[
			'Document Types',
			{ resource: 'issuer', operation: 'getDocumentTypes', orgid: '001891', splitIntoItems: false },
		],
		[
			'Parameters',
			{
				resource: 'issuer',
				operation: 'getParameters',
				orgid: '001891',
				doctype: 'RVCER',
				splitIntoItems: false,
			},
		],
		[
			'Download Photo',
			{
				resource: 'document',
				operation: 'download',
				accessToken: token,
				uri: 'in.gov.sim.health-VACER-2975693825',
				binaryPropertyName: 'photo',
			},
		],
		[
			'Upload Photo',
			{
				resource: 'document',
				operation: 'upload',
				accessToken: token,
				binaryPropertyName: 'photo',
				folder: '/Photos',
				fileName: 'e2e-upload.png',
			},
		],
	];
	const nodes = [
		{
			id: uuid(1),
			name: 'Operations Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			position: [0, 0],
			webhookId: uuid(51),
			parameters: {
				httpMethod: 'POST',
				path: 'e2e/operations',
				responseMode: 'lastNode',
				options: {},
			},
		},
		...steps.map(([name, parameters], index) => ({
			id: uuid(index + 2),
			name,
			type: nodeType,
			typeVersion: 1,
			position: [240 * (index + 1), 0],
			onError: 'continueRegularOutput',
			parameters,
			credentials: { digiLockerApi: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name } },
		})),
	];
	const chain = nodes.map((node) => node.name);
	const connections = Object.fromEntries(
		chain
			.slice(0, -1)
			.map((name, index) => [
				name,
				{ main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] },
			]),
	);
	return {
		id: 'e2eOperations01',
		name: 'e2e: every other operation',
		active: false,
		settings: { executionOrder: 'v1', ...SAVE_EVERYTHING },
		nodes,
		connections,
		pinData: {},
	};
}
