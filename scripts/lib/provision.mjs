// Loads credentials and workflows into an n8n instance and publishes the ones with a Webhook trigger, with as few
// n8n CLI calls as n8n 2.41.1 allows: one import each for all credentials and all workflows, then one
// publish:workflow per workflow (the CLI publishes one id at a time). Run while the server is stopped.
import { hasWebhook } from './examples.mjs';

/** `publish` picks which of the workflows with a trigger get published (default: all of them). */
export async function provision(
	inst,
	{ credentials = [], workflows = [], publish = () => true, log = () => {} },
) {
	if (credentials.length) {
		log(
			`importing ${credentials.length} credential(s): ${credentials.map((c) => c.name).join(', ')}`,
		);
		await inst.importCredentials(credentials);
	}
	if (workflows.length) {
		log(`importing ${workflows.length} workflow(s): ${workflows.map((w) => w.name).join(', ')}`);
		await inst.importWorkflow(workflows);
	}
	for (const workflow of workflows.filter((wf) => hasWebhook(wf) && publish(wf))) {
		log(`publishing "${workflow.name}"`);
		await inst.publish(workflow.id);
	}
}
