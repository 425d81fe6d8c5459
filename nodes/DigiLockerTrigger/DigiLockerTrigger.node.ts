import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { checkSetup } from './trigger/activation';
import { triggerProperties } from './trigger/description';
import { serveWebhook } from './trigger/webhook';

export class DigiLockerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DigiLocker Trigger',
		name: 'digiLockerTrigger',
		icon: { light: 'file:digilocker.svg', dark: 'file:digilocker.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "/" + $parameter["path"] + "/callback" }}',
		description:
			'Starts the workflow when a user returns from DigiLocker consent, with their token',
		defaults: { name: 'DigiLocker Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'digiLockerApi', required: true }],
		sensitiveOutputFields: ['data.access_token', 'data.refresh_token'],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'GET,POST',
				ndvHideMethod: true,
				responseMode:
					'={{ $parameter["responseMode"] === "responseNode" ? "responseNode" : "onReceived" }}',
				path: '={{ $parameter["path"] }}/callback',
				isFullPath: true,
			},
			{
				name: 'setup',
				httpMethod: 'GET',
				ndvHideMethod: true,
				responseMode: 'onReceived',
				path: '={{ $parameter["path"] }}/start',
				isFullPath: true,
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			checkExists: async (): Promise<boolean> => false,
			async create(this: IHookFunctions): Promise<boolean> {
				return await checkSetup.call(this);
			},
			delete: async (): Promise<boolean> => true,
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await serveWebhook.call(this);
	}
}
