// What the queue-mode e2e imports: the committed trigger example (consent through the DigiLocker Trigger, its
// callback on the webhook process) and a trimmed copy of the documents example (Webhook → List Issued → Download),
// answering at once (the run goes on on a worker) and saving every execution so the e2e can read it.
import { adaptWorkflow, loadExample, simulatorCredential } from '../lib/examples.mjs';

const SAVE_EVERYTHING = { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' };
export const CREDENTIAL = { id: 'queueSimCred01', name: 'DigiLocker (queue e2e)' };
export const TRIGGER_PATH = 'queue-consent';
export const DOCUMENTS_PATH = 'queue-documents';
export const WF = { trigger: 'queueTrigger01', documents: 'queueDocuments01' };

export const triggerRedirectUri = (webhookBaseUrl) =>
	`${webhookBaseUrl}/webhook/${TRIGGER_PATH}/callback`;

export function queueProvisioning({ simBaseUrl, webhookBaseUrl }) {
	return (nodeType) => {
		const trigger = adaptWorkflow(loadExample('trigger'), {
			nodeType,
			credential: CREDENTIAL,
			settings: SAVE_EVERYTHING,
			rename: {
				id: WF.trigger,
				name: 'queue e2e: consent trigger',
				path: () => TRIGGER_PATH,
				webhookId: (id) => id.replace(/.{4}$/, 'q0e2'),
			},
		});
		const example = loadExample('documents');
		const keep = ['Documents Webhook', 'List Issued', 'Download'];
		const documents = adaptWorkflow(
			{
				...example,
				nodes: example.nodes.filter((node) => keep.includes(node.name)),
				connections: {
					'Documents Webhook': example.connections['Documents Webhook'],
					'List Issued': { main: [[{ node: 'Download', type: 'main', index: 0 }]] },
				},
			},
			{
				nodeType,
				credential: CREDENTIAL,
				settings: SAVE_EVERYTHING,
				rename: {
					id: WF.documents,
					name: 'queue e2e: list and download',
					path: () => DOCUMENTS_PATH,
					webhookId: (id) => id.replace(/.{4}$/, 'q0e2'),
				},
			},
		);
		const webhook = documents.nodes.find((node) => node.name === 'Documents Webhook');
		webhook.parameters.responseMode = 'onReceived'; // 200 at once; the worker downloads
		return {
			credentials: [
				simulatorCredential({
					...CREDENTIAL,
					baseUrl: simBaseUrl,
					redirectUri: triggerRedirectUri(webhookBaseUrl),
				}),
			],
			workflows: [trigger, documents],
		};
	};
}
