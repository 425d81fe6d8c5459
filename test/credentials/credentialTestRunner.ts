import {
	NodeConnectionTypes,
	type ICredentialDataDecryptedObject,
	type INodeType,
} from 'n8n-workflow';

import { DigiLockerApi } from '../../credentials/DigiLockerApi.credentials';
import { runNodeUnderTest } from '../engine/harness';

const credential = new DigiLockerApi();

/** A declarative node whose only request is the credential's test request, as n8n's credential tester builds it. */
const testRequestNode: INodeType = {
	description: {
		displayName: 'Credential Test',
		name: 'digiLocker',
		group: ['transform'],
		version: 1,
		description: 'Sends the credential test request',
		defaults: { name: 'Credential Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'digiLockerApi', required: true }],
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

export type CredentialTestResult = { status: 'OK' | 'Error'; message: string };

/**
 * Sends the test request through n8n's RoutingNode, then applies the credential's rules the way n8n's
 * credentials tester does: the first responseSuccessBody rule whose key equals its value fails the test.
 */
export async function testCredential(
	credentials: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const { items, error } = await runNodeUnderTest(testRequestNode, { parameters: {}, credentials });
	if (error) return { status: 'Error', message: error.message };
	const body = items?.[0]?.json ?? {};
	for (const rule of credential.test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			body[rule.properties.key] === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
