import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_STATE_LIFETIME_MINUTES,
	MAX_STATE_LIFETIME_MINUTES,
	PATHS,
} from '../../helpers/constants';
import type { DigiLockerApp } from '../../helpers/appConfig';
import { validationError } from '../../helpers/errors';
import { readConsentParameters } from './consentParameters';
import { codeChallengeS256 } from './pkce';
import { createState, deriveCodeVerifier } from './state';

/** The consent page's optional parameters and the state's lifetime, shared by Get Authorization URL and the trigger. */
export const consentOptionsProperty: INodeProperties = {
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
			displayName: 'Login Hint',
			name: 'loginHint',
			type: 'string',
			default: '',
			placeholder: 'e.g. 9876543210',
			description:
				'Mobile number DigiLocker fills in on its sign-in page (login_hint): 10 digits, the first one 6 to 9. Only with Prompt "Login With Mobile Number".',
		},
		{
			displayName: 'Pinless Auth',
			name: 'pla',
			type: 'boolean',
			default: false,
			description: 'Whether DigiLocker signs the user in without the security PIN (pla=Y or N)',
		},
		{
			displayName: 'Pinless Sign-Up',
			name: 'plsignup',
			type: 'boolean',
			default: false,
			description: 'Whether only sign-up without a security PIN is offered (plsignup=Y or N)',
		},
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'options',
			default: 'login',
			options: [
				{ name: 'Login', value: 'login' },
				{ name: 'Login With Mobile Number', value: 'login_mobile' },
			],
			description: 'Which sign-in page DigiLocker shows first (prompt)',
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
			displayName: 'Service Name',
			name: 'serviceName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Loan Onboarding',
			description:
				'Name of your service, shown to the user (service_name): letters, digits, spaces and underscores. Specification v2.4 requires it together with Purpose.',
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
		{
			displayName: 'Username-Less Sign-Up',
			name: 'ulsignup',
			type: 'boolean',
			default: false,
			description: 'Whether only sign-up without a username is offered (ulsignup=Y or N)',
		},
		{
			displayName: 'Verified Mobile',
			name: 'verifiedMobile',
			type: 'string',
			default: '',
			placeholder: 'e.g. 9876543210',
			description:
				'A mobile number you have already verified, so sign-up skips its OTP (verified_mobile): 10 digits, the first one 6 to 9. Only with Flow "Sign Up".',
		},
	],
};

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

export interface ConsentRequest {
	url: string;
	state: string;
	codeVerifier: string;
	codeChallenge: string;
	lifetimeSeconds: number;
	expiresAt: Date;
}

/** Checks the options and builds the consent page URL with a fresh signed state and its PKCE challenge. */
export function buildConsentRequest(
	app: DigiLockerApp,
	request: { now: Date; options: IDataObject; context: string; binding: string; nonce?: string },
): ConsentRequest {
	const optional = readConsentParameters(request.options, request.now);
	const lifetimeSeconds = readLifetimeMinutes(request.options.stateLifetimeMinutes) * 60;
	const nowSeconds = Math.floor(request.now.getTime() / 1000);
	const state = createState(app, {
		nowSeconds,
		lifetimeSeconds,
		context: request.context,
		binding: request.binding,
		nonce: request.nonce,
	});
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
	for (const [key, value] of Object.entries(optional)) query.set(key, value);
	return {
		url: `${app.baseUrl}${PATHS.consentPage}?${query.toString()}`,
		state,
		codeVerifier,
		codeChallenge,
		lifetimeSeconds,
		expiresAt: new Date((nowSeconds + lifetimeSeconds) * 1000),
	};
}
