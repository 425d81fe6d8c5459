import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	DEFAULT_STATE_LIFETIME_MINUTES,
	MAX_STATE_LIFETIME_MINUTES,
	PATHS,
} from '../../helpers/constants';
import { validationError } from '../../helpers/errors';
import { checkText } from '../../helpers/parameters';
import { readBinding } from './binding';
import { readContext } from './context';
import { codeChallengeS256 } from './pkce';
import { createState, deriveCodeVerifier } from './state';
import type { OperationContext, PreparedItem } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Context',
		name: 'context',
		type: 'string',
		default: '',
		placeholder: 'e.g. customer-4711',
		description:
			'Optional text carried inside the signed state and given back by "Get Access Token", e.g. your customer reference. It is signed, not encrypted: do not put secrets in it.',
	},
	{
		displayName: 'Binding',
		name: 'binding',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'e.g. {{ $json.headers.cookie }}',
		description:
			'Optional value only the browser starting the flow has, e.g. its session ID or cookie value. A keyed hash of it rides in the state, and "Get Access Token" then needs the same value in its Binding. Use it whenever the flow starts in a browser session you control.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Authentication Context (ACR)',
				name: 'acr',
				type: 'string',
				default: '',
				placeholder: 'e.g. pan aadhaar',
				description: 'Space-separated sign-in or sign-up context (acr)',
			},
			{
				displayName: 'Authentication Methods (AMR)',
				name: 'amr',
				type: 'string',
				default: '',
				placeholder: 'e.g. aadhaar mobile',
				description: 'Space-separated sign-in methods DigiLocker should offer (amr)',
			},
			{
				displayName: 'Consent Valid Till',
				name: 'consentValidTill',
				type: 'dateTime',
				default: '',
				description:
					"When the user's consent should end (sent as Unix seconds in consent_valid_till)",
			},
			{
				displayName: 'Document Types',
				name: 'reqDoctype',
				type: 'string',
				default: '',
				placeholder: 'e.g. ADHAR,PANCR,DRVLC',
				description: 'Comma-separated document types the consent page should offer (req_doctype)',
			},
			{
				displayName: 'Flow',
				name: 'dlFlow',
				type: 'options',
				default: 'signin',
				options: [
					{ name: 'Sign In', value: 'signin' },
					{ name: 'Sign Up', value: 'signup' },
				],
				description:
					'Whether DigiLocker opens on sign-in or sends the user straight to sign-up (dl_flow)',
			},
			{
				displayName: 'Purpose',
				name: 'purpose',
				type: 'string',
				default: '',
				placeholder: 'e.g. kyc',
				description:
					'Why the documents are requested, shown to the user: letters, digits, spaces and underscores',
			},
			{
				displayName: 'Scope',
				name: 'scope',
				type: 'string',
				default: '',
				placeholder: 'e.g. openid userdetails files.issueddocs',
				description:
					'Space-separated scopes; the partner portal decides which ones the app may ask for',
			},
			{
				displayName: 'State Lifetime (Minutes)',
				name: 'stateLifetimeMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_STATE_LIFETIME_MINUTES },
				default: DEFAULT_STATE_LIFETIME_MINUTES,
				description:
					'How long the user has to give consent before "Get Access Token" refuses the state',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['authorization'], operation: ['getAuthorizationUrl'] } },
	properties,
);

const WORDS = /^[A-Za-z0-9._:-]+( [A-Za-z0-9._:-]+)*$/;

function readWords(raw: unknown, label: string): string {
	return checkText(typeof raw === 'string' ? raw.replace(/[+\s]+/g, ' ') : raw, {
		label,
		maxLength: 512,
		pattern: WORDS,
		patternHint: 'must be words separated by spaces (letters, digits, . _ : -)',
	});
}

function toUnixSeconds(raw: unknown, now: Date): number | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	const millis =
		typeof raw === 'number' ? raw * 1000 : typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
	if (!Number.isFinite(millis)) {
		throw validationError('Consent Valid Till must be a date and time');
	}
	if (millis <= now.getTime()) {
		throw validationError('Consent Valid Till must be in the future');
	}
	return Math.floor(millis / 1000);
}

function readLifetimeMinutes(raw: unknown): number {
	if (raw === undefined || raw === null || raw === '') return DEFAULT_STATE_LIFETIME_MINUTES;
	const minutes = typeof raw === 'string' ? Number(raw) : raw;
	if (
		typeof minutes !== 'number' ||
		!Number.isInteger(minutes) ||
		minutes < 1 ||
		minutes > MAX_STATE_LIFETIME_MINUTES
	) {
		throw validationError(
			`State Lifetime must be a whole number of minutes from 1 to ${MAX_STATE_LIFETIME_MINUTES}`,
		);
	}
	return minutes;
}

export const changesState = false;

export const availableToAgents = true;

export async function prepare(
	this: IExecuteFunctions,
	{ app, itemIndex, now }: OperationContext,
): Promise<PreparedItem> {
	const context = readContext.call(this, itemIndex);
	const binding = readBinding.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const optional: Record<string, string> = {
		dl_flow:
			options.dlFlow === undefined
				? ''
				: checkText(options.dlFlow, {
						label: 'Flow',
						pattern: /^(signin|signup)$/,
						patternHint: 'must be "signin" or "signup"',
					}),
		scope: readWords(options.scope, 'Scope'),
		req_doctype: checkText(options.reqDoctype, {
			label: 'Document Types',
			maxLength: 512,
			pattern: /^[A-Za-z0-9_]{1,20}( *, *[A-Za-z0-9_]{1,20})*$/,
			patternHint: 'must be document type codes separated by commas',
		}).replace(/ /g, ''),
		purpose: checkText(options.purpose, {
			label: 'Purpose',
			maxLength: 100,
			pattern: /^[A-Za-z0-9 _]+$/,
			patternHint: 'may hold only letters, digits, spaces and underscores',
		}),
		acr: readWords(options.acr, 'Authentication Context (ACR)'),
		amr: readWords(options.amr, 'Authentication Methods (AMR)'),
	};
	const consentValidTill = toUnixSeconds(options.consentValidTill, now);
	const lifetimeSeconds = readLifetimeMinutes(options.stateLifetimeMinutes) * 60;

	const nowSeconds = Math.floor(now.getTime() / 1000);
	const state = createState(app, { nowSeconds, lifetimeSeconds, context, binding });
	const codeVerifier = deriveCodeVerifier(state, app);
	const codeChallenge = codeChallengeS256(codeVerifier);

	const query = new URLSearchParams({
		response_type: 'code',
		client_id: app.clientId,
		redirect_uri: app.redirectUri,
		state,
		code_challenge: codeChallenge,
		code_challenge_method: 'S256',
	});
	for (const [key, value] of Object.entries(optional)) if (value !== '') query.set(key, value);
	if (consentValidTill !== undefined) query.set('consent_valid_till', String(consentValidTill));

	const data: IDataObject = {
		url: `${app.baseUrl}${PATHS.consentPage}?${query.toString()}`,
		state,
		code_verifier: codeVerifier,
		code_challenge: codeChallenge,
		expires_at: new Date((nowSeconds + lifetimeSeconds) * 1000).toISOString(),
		...(context ? { context } : {}),
	};
	return { secrets: [codeVerifier, binding], send: async () => [{ data }] };
}
