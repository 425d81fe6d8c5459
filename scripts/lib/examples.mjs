// The example workflows in examples/ and the credential they point at, adapted to one n8n instance.
import fs from 'node:fs';
import path from 'node:path';

import { repoDir } from '../real-n8n/n8n-bin.mjs';
import { SIM_APP, simulatorCaPem } from './simulator.mjs';

export const PACKAGE_NODE_TYPE = 'n8n-nodes-digilocker.digiLocker';
export const PACKAGE_TRIGGER_TYPE = `${PACKAGE_NODE_TYPE}Trigger`;
export const EXAMPLE_FILES = {
	trigger: 'digilocker-consent-trigger.json',
	start: 'digilocker-start-consent.json',
	callback: 'digilocker-consent-callback.json',
	lifecycle: 'digilocker-token-lifecycle.json',
	documents: 'digilocker-documents.json',
};
/** The credential every example node refers to. */
export const EXAMPLE_CREDENTIAL = Object.freeze({
	id: 'dlSimCredential01',
	name: 'DigiLocker (local simulator)',
});

export function loadExample(key) {
	return JSON.parse(fs.readFileSync(path.join(repoDir, 'examples', EXAMPLE_FILES[key]), 'utf8'));
}

/** All examples keyed like EXAMPLE_FILES. */
export function loadExamples() {
	return Object.fromEntries(Object.keys(EXAMPLE_FILES).map((key) => [key, loadExample(key)]));
}

/**
 * A copy of a workflow for one instance: DigiLocker nodes get the instance's node type (CUSTOM.digiLocker in folder
 * mode) and, optionally, another credential; `settings` are merged in; `rename` gives a copy its own id, name and
 * webhook paths (so it can live next to the original).
 */
export function adaptWorkflow(
	workflow,
	{ nodeType = PACKAGE_NODE_TYPE, credential, settings, rename } = {},
) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		const isTrigger = node.type === PACKAGE_TRIGGER_TYPE;
		if (node.type === PACKAGE_NODE_TYPE || isTrigger) {
			node.type = isTrigger ? `${nodeType}Trigger` : nodeType;
			if (credential)
				node.credentials = { digiLockerApi: { id: credential.id, name: credential.name } };
		}
		if (rename && (node.type === 'n8n-nodes-base.webhook' || isTrigger)) {
			node.parameters.path = rename.path(node.parameters.path);
			node.webhookId = rename.webhookId(node.webhookId);
		}
	}
	if (settings) copy.settings = { ...copy.settings, ...settings };
	if (rename) Object.assign(copy, { id: rename.id, name: rename.name });
	return copy;
}

/** A DigiLocker API credential (import format) for the simulator: environment Custom, Basic client auth. */
export function simulatorCredential({
	id = EXAMPLE_CREDENTIAL.id,
	name = EXAMPLE_CREDENTIAL.name,
	baseUrl,
	redirectUri,
	clientId = SIM_APP.clientId,
	clientSecret = SIM_APP.clientSecret,
	clientAuthentication = 'basic',
}) {
	return {
		id,
		name,
		type: 'digiLockerApi',
		data: {
			clientId,
			clientSecret,
			redirectUri,
			environment: 'custom',
			baseUrl,
			clientAuthentication,
			// Trusted Certificates: the simulator's test CA, so Verify Signature chains its documents
			trustAnchors: simulatorCaPem(),
		},
	};
}

/** Workflows with a Webhook or DigiLocker Trigger (the ones to publish). */
export const hasWebhook = (workflow) =>
	workflow.nodes.some(
		(node) => node.type === 'n8n-nodes-base.webhook' || node.type.endsWith('.digiLockerTrigger'),
	);

/**
 * The build-it-yourself consent examples serve digilocker/start and digilocker/callback, as the trigger example does:
 * only one of the two can be published in one n8n.
 */
export const DIY_CONSENT_KEYS = ['start', 'callback'];
