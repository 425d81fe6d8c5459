// Checks on the committed example JSON itself (no n8n needed): node type and credential as users import them, the
// webhook paths the README documents, and the save settings that keep tokens out of n8n's execution history.
import {
	EXAMPLE_CREDENTIAL,
	EXAMPLE_FILES,
	PACKAGE_NODE_TYPE,
	PACKAGE_TRIGGER_TYPE,
	loadExample,
} from '../lib/examples.mjs';
import { assert } from './checks.mjs';

const PATHS = {
	trigger: [],
	start: ['digilocker/start'],
	callback: ['digilocker/callback'],
	lifecycle: ['digilocker/token-lifecycle'],
	documents: ['digilocker/documents'],
};
const TRIGGER_PATHS = { trigger: ['digilocker'] };
const ERRORS_SAVED = {
	trigger: 'none',
	start: 'all',
	callback: 'none',
	lifecycle: 'none',
	documents: 'none',
};

export async function checkExamples(checks) {
	for (const key of Object.keys(EXAMPLE_FILES)) {
		await checks.check(
			'[examples]',
			`${EXAMPLE_FILES[key]}: node type, credential, webhook path, save settings`,
			() => {
				const workflow = loadExample(key);
				assert.match(workflow.id, /^[A-Za-z0-9]{1,21}$/);
				const digiLocker = workflow.nodes.filter((node) => node.type.endsWith('.digiLocker'));
				assert.ok(digiLocker.length > 0);
				for (const node of digiLocker) {
					assert.equal(node.type, PACKAGE_NODE_TYPE);
					assert.deepEqual(node.credentials, { digiLockerApi: { ...EXAMPLE_CREDENTIAL } });
				}
				const webhooks = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook');
				assert.deepEqual(
					webhooks.map((node) => node.parameters.path),
					PATHS[key],
				);
				for (const node of webhooks) assert.equal(node.parameters.responseMode, 'responseNode');
				const triggers = workflow.nodes.filter((node) => node.type.endsWith('.digiLockerTrigger'));
				assert.deepEqual(
					triggers.map((node) => node.parameters.path),
					TRIGGER_PATHS[key] ?? [],
				);
				for (const node of triggers) {
					assert.equal(node.type, PACKAGE_TRIGGER_TYPE);
					assert.deepEqual(node.credentials, { digiLockerApi: { ...EXAMPLE_CREDENTIAL } });
				}
				assert.equal(workflow.settings.saveDataSuccessExecution, 'none');
				assert.equal(workflow.settings.saveDataErrorExecution, ERRORS_SAVED[key]);
				assert.equal(workflow.settings.saveExecutionProgress, false);
				assert.equal(workflow.settings.saveManualExecutions, false);
				for (const target of Object.values(workflow.connections).flatMap((c) => c.main.flat())) {
					assert.ok(
						workflow.nodes.some((node) => node.name === target.node),
						`connection to a missing node ${target.node}`,
					);
				}
			},
		);
	}
}
