import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { applyClientAuthentication } from './digiLockerApi/clientAuthentication';
import { ENVIRONMENT_BASE_URLS, PATHS } from '../nodes/DigiLocker/helpers/constants';
import {
	CREDENTIAL_TEST_CODE_VERIFIER,
	STATUSES_THAT_FAIL,
	credentialTestRules,
} from './digiLockerApi/credentialTest';
import { assertAddressedToApp, checkedApp } from './digiLockerApi/requestGuard';

const baseUrlExpression =
	'={{ $credentials.environment === "custom" ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : ' +
	`$credentials.environment === "legacy" ? "${ENVIRONMENT_BASE_URLS.legacy}" : ` +
	`$credentials.environment === "sandbox" ? "${ENVIRONMENT_BASE_URLS.sandbox}" : "${ENVIRONMENT_BASE_URLS.production}" }}`;

export class DigiLockerApi implements ICredentialType {
	name = 'digiLockerApi';

	displayName = 'DigiLocker API';

	icon: Icon = { light: 'file:digilocker.svg', dark: 'file:digilocker.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-digilocker/n8n-nodes-digilocker#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'App Key (Client ID)',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'The client ID DigiLocker issued to your partner app',
		},
		{
			displayName: 'App Secret (Client Secret)',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The client secret of your partner app. It also signs the state and derives the PKCE verifier.',
		},
		{
			displayName: 'Redirect URI',
			name: 'redirectUri',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/digilocker/callback',
			description:
				'Exactly the redirect URI registered for the app: the production callback URL of your DigiLocker Trigger, or of your own callback Webhook node',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{
					name: 'Production (Meri Pehchaan)',
					value: 'production',
					description: ENVIRONMENT_BASE_URLS.production,
				},
				{
					name: 'Production (Legacy Host)',
					value: 'legacy',
					description: ENVIRONMENT_BASE_URLS.legacy,
				},
				{ name: 'Sandbox', value: 'sandbox', description: ENVIRONMENT_BASE_URLS.sandbox },
				{ name: 'Custom', value: 'custom', description: 'Any base URL, e.g. the local simulator' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:8765/public',
			description: 'Everything before /oauth2/…; https, or http on localhost only',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Trusted Certificates',
			name: 'trustAnchors',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----',
			description:
				'PEM CA (or signer) certificates that XML document signatures must chain to, for Verify Signature: e.g. the CCA India root. Several may follow one another. The node can add its own.',
		},
		{
			displayName: 'Client Authentication',
			name: 'clientAuthentication',
			type: 'options',
			default: 'basic',
			options: [
				{
					name: 'Basic Auth Header',
					value: 'basic',
					description: 'App key and secret in an HTTP Basic header',
				},
				{
					name: 'Form Fields',
					value: 'body',
					description: 'client_id and client_secret in the form body',
				},
			],
		},
	];

	/** Runs on every request that carries the key and secret, the Test's included, before it is sent. */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		assertAddressedToApp(checkedApp(credentials), requestOptions);
		return {
			...applyClientAuthentication(credentials, requestOptions),
			// n8n re-attaches Authorization on a cross-origin redirect.
			disableFollowRedirect: true,
		};
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression,
			url: PATHS.token,
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: {
				grant_type: 'authorization_code',
				code: 'n8n-credential-test-not-a-real-code',
				redirect_uri: '={{ $credentials.redirectUri }}',
				code_verifier: CREDENTIAL_TEST_CODE_VERIFIER,
			},
			ignoreHttpStatusErrors: { ignore: true, except: STATUSES_THAT_FAIL },
			disableFollowRedirect: true,
		},
		rules: credentialTestRules,
	};
}
