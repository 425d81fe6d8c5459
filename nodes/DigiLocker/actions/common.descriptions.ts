import type { INodeProperties } from 'n8n-workflow';

/** Settings of the HTTP requests an operation sends; shown under "Request Options". */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 30,
			description: 'How long to wait for DigiLocker to answer one request',
		},
	],
};
