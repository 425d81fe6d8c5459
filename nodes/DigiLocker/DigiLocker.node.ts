import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { properties } from './actions/properties';
import { router } from './actions/router';

export class DigiLocker implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DigiLocker',
		name: 'digiLocker',
		icon: { light: 'file:digilocker.svg', dark: 'file:digilocker.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Take DigiLocker users through consent and fetch their documents',
		defaults: { name: 'DigiLocker' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'digiLockerApi', required: true }],
		sensitiveOutputFields: ['data.access_token', 'data.refresh_token', 'data.code_verifier'],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
