// Two more DigiLocker Trigger workflows in real n8n, driven over HTTP like a browser (one cookie jar per person):
// the committed trigger example (examples/digilocker-consent-trigger.json) on its own path, whose granted branch
// lists the customer's documents; and a trigger answering through a Respond to Webhook node of version 1 (from 1.1
// on, that node refuses any trigger but n8n's own: see README "What the browser gets").
import { adaptWorkflow, loadExample, simulatorCredential } from '../lib/examples.mjs';
import { lastExecutionId, nodeItems, ranNodes, waitForExecution } from '../lib/executions.mjs';
import { assert } from './checks.mjs';

const SAVE_EVERYTHING = { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' };
const EXAMPLE = { key: 'example', id: 'e2eTriggerExample1', path: 'e2e-trigger-example' };
const RESPOND = { key: 'respond', id: 'e2eTriggerRespond1', path: 'e2e-trigger-respond' };
const credentialOf = ({ key }) => ({
	id: `e2eTrigCred${key}`,
	name: `DigiLocker (trigger ${key})`,
});

/** The callback URLs these workflows' credentials register (each trigger's Redirect URI must be its own callback). */
export const triggerWorkflowRedirectUris = (n8nPort) =>
	[EXAMPLE, RESPOND].map((w) => `http://localhost:${n8nPort}/webhook/${w.path}/callback`);

export const triggerWorkflowCredentials = ({ baseUrl, n8nPort }) =>
	[EXAMPLE, RESPOND].map((w, i) =>
		simulatorCredential({
			...credentialOf(w),
			baseUrl,
			redirectUri: triggerWorkflowRedirectUris(n8nPort)[i],
		}),
	);

export function triggerWorkflows(nodeType) {
	const credential = credentialOf(EXAMPLE);
	const example = adaptWorkflow(loadExample('trigger'), {
		nodeType,
		credential,
		settings: SAVE_EVERYTHING,
		rename: {
			id: EXAMPLE.id,
			name: 'e2e: trigger example',
			path: () => EXAMPLE.path,
			webhookId: (id) => id.replace(/.{4}$/, 'e2e2'),
		},
	});
	const uuid = (n) => `5b1e7c42-6a3d-4f80-9e21-0a00000000${String(n).padStart(2, '0')}`;
	const respond = {
		id: RESPOND.id,
		name: 'e2e: trigger with Respond to Webhook v1',
		active: false,
		settings: { executionOrder: 'v1', ...SAVE_EVERYTHING },
		nodes: [
			{
				id: uuid(1),
				name: 'DigiLocker Trigger',
				type: `${nodeType}Trigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: uuid(51),
				parameters: { path: RESPOND.path, responseMode: 'responseNode' },
				credentials: { digiLockerApi: credentialOf(RESPOND) },
			},
			{
				id: uuid(2),
				name: 'Respond',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					respondWith: 'text',
					responseBody: '=answered by the workflow: {{ $json.outcome }} for {{ $json.context }}',
					options: {},
				},
			},
		],
		connections: {
			'DigiLocker Trigger': { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
	return { triggerExample: example, triggerRespond: respond };
}

/** start → the simulator's consent (answered by sim_auto) → the callback, carrying the start link's cookie. */
export async function consentOverHttp(n8n, path, context, decision = 'allow') {
	const start = await fetch(`${n8n}/webhook/${path}/start?context=${encodeURIComponent(context)}`, {
		redirect: 'manual',
	});
	assert.equal(start.status, 302, `start link: HTTP ${start.status}`);
	const cookie = start.headers.getSetCookie()[0]?.split(';')[0];
	assert.match(
		cookie ?? '',
		/^dl_consent_[A-Za-z0-9_-]{16}=/,
		'the start link sets the consent cookie',
	);
	const consent = await fetch(`${start.headers.get('location')}&sim_auto=${decision}`, {
		redirect: 'manual',
	});
	assert.equal(consent.status, 302, `simulator consent: HTTP ${consent.status}`);
	const callback = await fetch(consent.headers.get('location'), {
		redirect: 'manual',
		headers: { cookie },
	});
	return { status: callback.status, text: await callback.text() };
}

export async function triggerInWorkflows(ctx) {
	const { check, inst, wf, n8n } = ctx;

	await check(
		'trigger example › granted: the page says so, and the workflow lists the customer documents',
		async () => {
			const afterId = lastExecutionId(inst);
			const answer = await consentOverHttp(n8n, EXAMPLE.path, 'e2e-example-customer');
			assert.equal(answer.status, 200);
			assert.match(answer.text, /<main data-outcome="granted"/);
			const { run, status } = await waitForExecution(inst, {
				workflowId: wf.triggerExample.id,
				afterId,
			});
			assert.equal(status, 'success');
			assert.deepEqual(ranNodes(run).sort(), [
				'DigiLocker Trigger',
				'Documents of the Customer',
				'Granted?',
				'List Issued',
			]);
			const documents = nodeItems(run, 'Documents of the Customer');
			assert.ok(documents.length > 0, 'at least one issued document');
			for (const document of documents) {
				assert.equal(document.customer, 'e2e-example-customer');
				assert.match(document.uri, /-[A-Z]{5}-/);
			}
		},
	);

	await check('trigger example › denied: "Not Granted" says why', async () => {
		const afterId = lastExecutionId(inst);
		const answer = await consentOverHttp(n8n, EXAMPLE.path, 'e2e-example-no', 'deny');
		assert.match(answer.text, /<main data-outcome="denied"/);
		const { run } = await waitForExecution(inst, { workflowId: wf.triggerExample.id, afterId });
		assert.deepEqual(nodeItems(run, 'Not Granted'), [
			{ customer: 'e2e-example-no', outcome: 'denied', reason: 'ACCESS_DENIED' },
		]);
	});

	await check(
		'trigger with Respond to Webhook v1 › the workflow answers the browser, with the outcome and context',
		async () => {
			const afterId = lastExecutionId(inst);
			const answer = await consentOverHttp(n8n, RESPOND.path, 'e2e-respond');
			assert.deepEqual(answer, {
				status: 200,
				text: 'answered by the workflow: granted for e2e-respond',
			});
			const { status } = await waitForExecution(inst, {
				workflowId: wf.triggerRespond.id,
				afterId,
			});
			assert.equal(status, 'success');
		},
	);
}
