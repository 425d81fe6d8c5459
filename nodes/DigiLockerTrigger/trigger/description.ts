import type { INodeProperties } from 'n8n-workflow';

import { consentOptionsProperty } from '../../DigiLocker/actions/authorization/consentUrl';
import { DEFAULT_PAGE_TEXTS } from './pageTexts';

const outcomeOptions = [
	{
		name: 'Granted',
		value: 'granted',
		description: 'The user allowed access; the code was exchanged',
	},
	{ name: 'Denied', value: 'denied', description: 'The user pressed Deny on the consent page' },
	{
		name: 'Expired',
		value: 'expired',
		description: "The state's lifetime passed before the user returned",
	},
	{
		name: 'Failed',
		value: 'failed',
		description: 'DigiLocker refused the code or could not be reached',
	},
	{
		name: 'Invalid',
		value: 'invalid',
		description: 'No state, a forged or reused one, or another browser',
	},
];

const pageTextFields: INodeProperties[] = (
	['granted', 'denied', 'expired', 'failed', 'invalid'] as const
).flatMap((outcome) => {
	const label = outcome[0].toUpperCase() + outcome.slice(1);
	return [
		{
			displayName: `${label} Title`,
			name: `${outcome}Title`,
			type: 'string' as const,
			default: DEFAULT_PAGE_TEXTS[outcome].title,
		},
		{
			displayName: `${label} Message`,
			name: `${outcome}Message`,
			type: 'string' as const,
			default: DEFAULT_PAGE_TEXTS[outcome].message,
		},
	];
});

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Register the <b>Production</b> callback URL above as the Redirect URI in your DigiLocker credential and in the DigiLocker partner portal. Send users to the start URL, e.g. <code>…/start?context=customer-4711</code>.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'digilocker',
		required: true,
		placeholder: 'digilocker',
		description:
			'The trigger answers at /webhook/PATH/callback (the redirect URI) and /webhook/PATH/start of your n8n address',
	},
	{
		displayName: 'Start Workflow On',
		name: 'outcomes',
		type: 'multiOptions',
		options: outcomeOptions,
		default: ['granted', 'denied', 'expired', 'failed'],
		description: 'Which outcomes start the workflow. Every outcome gets an answer in the browser.',
	},
	{
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		options: [
			{
				name: 'With a Built-In Page',
				value: 'page',
				description: 'A short page saying what happened; texts below',
			},
			{
				name: 'By Redirecting',
				value: 'redirect',
				description: 'Send the browser to your success or failure page',
			},
			{
				name: 'Using Respond to Webhook Node',
				value: 'responseNode',
				description: 'Answer from a Respond to Webhook node later in the workflow',
			},
		],
		default: 'page',
	},
	{
		displayName: 'Success URL',
		name: 'successUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/kyc/done',
		description: 'Where the browser goes when access was granted; "outcome=granted" is added',
		displayOptions: { show: { responseMode: ['redirect'] } },
	},
	{
		displayName: 'Failure URL',
		name: 'failureUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/kyc/failed',
		description:
			'Where the browser goes for every other outcome; "outcome" (denied, expired, failed or invalid) is added',
		displayOptions: { show: { responseMode: ['redirect'] } },
	},
	{
		displayName: 'Add Context to URL',
		name: 'appendContext',
		type: 'boolean',
		default: false,
		description:
			'Whether the state\'s context is added to the URL as "context" too. Anyone who sees the URL can read it.',
		displayOptions: { show: { responseMode: ['redirect'] } },
	},
	{
		displayName:
			'The Respond to Webhook node from version 1.1 on only runs after n8n\'s own Webhook, Form or Chat triggers. Use its version 1, or choose "With a Built-In Page" or "By Redirecting".',
		name: 'responseNodeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { responseMode: ['responseNode'] } },
	},
	{
		displayName: 'Page Texts',
		name: 'pageTexts',
		type: 'collection',
		placeholder: 'Change a Text',
		default: {},
		options: pageTextFields,
		displayOptions: { show: { responseMode: ['page'] } },
	},
	{
		displayName: 'Serve Start URL',
		name: 'serveStart',
		type: 'boolean',
		default: true,
		description:
			'Whether /webhook/PATH/start sends the browser to the consent page. The "context" query parameter of the start URL is carried through; whoever opens the link chooses it.',
	},
	{
		...consentOptionsProperty,
		displayName: 'Consent Options',
		name: 'consentOptions',
		displayOptions: { show: { serveStart: [true] } },
	},
];
