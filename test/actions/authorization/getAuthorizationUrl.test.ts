import { codeChallengeS256 } from '../../../nodes/DigiLocker/actions/authorization/pkce';
import {
	deriveCodeVerifier,
	verifyState,
} from '../../../nodes/DigiLocker/actions/authorization/state';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runDigiLockerNode } from '../../engine/harness';
import { testApp } from '../../fixtures';

const credentials = { ...testApp, environment: 'production', clientAuthentication: 'basic' };
const run = (parameters: INodeParameters, input?: IDataObject[], continueOnFail = true) =>
	runDigiLockerNode({
		parameters: { resource: 'authorization', operation: 'getAuthorizationUrl', ...parameters },
		credentials,
		input,
		continueOnFail,
	});

describe('authorization › getAuthorizationUrl', () => {
	it('builds the consent URL with PKCE S256 and a state that verifies', async () => {
		const before = Math.floor(Date.now() / 1000);
		const { items } = await run({ context: 'customer-4711' });
		expect(items).toHaveLength(1);
		const { json, pairedItem } = items![0];
		expect(pairedItem).toEqual({ item: 0 });
		expect(json.success).toBe(true);
		const data = json.data as Record<string, string>;

		const url = new URL(data.url);
		expect(`${url.origin}${url.pathname}`).toBe(
			'https://digilocker.meripehchaan.gov.in/public/oauth2/1/authorize',
		);
		expect(Object.fromEntries(url.searchParams)).toEqual({
			response_type: 'code',
			client_id: testApp.clientId,
			redirect_uri: testApp.redirectUri,
			state: data.state,
			code_challenge: data.code_challenge,
			code_challenge_method: 'S256',
		});
		expect(data.code_verifier).toBe(deriveCodeVerifier(data.state, testApp));
		expect(data.code_challenge).toBe(codeChallengeS256(data.code_verifier));
		const claims = verifyState(data.state, testApp, before + 1);
		expect(claims.context).toBe('customer-4711');
		expect(data.expires_at).toBe(new Date(claims.expiresAt * 1000).toISOString());
		expect(claims.expiresAt - claims.issuedAt).toBe(30 * 60);
		expect(data.context).toBe('customer-4711');
	});

	it('adds the optional DigiLocker parameters it is given', async () => {
		const consentEnd = new Date(Date.now() + 86_400_000);
		const { items } = await run({
			options: {
				dlFlow: 'signup',
				scope: ' openid  files.issueddocs ',
				reqDoctype: 'ADHAR, PANCR',
				purpose: 'kyc check',
				serviceName: 'Loans',
				acr: 'pan+aadhaar',
				amr: 'aadhaar mobile',
				consentValidTill: consentEnd.toISOString(),
				stateLifetimeMinutes: 5,
			},
		});
		const data = items![0].json.data as Record<string, string>;
		const query = new URL(data.url).searchParams;
		expect(query.get('dl_flow')).toBe('signup');
		expect(query.get('scope')).toBe('openid files.issueddocs');
		expect(query.get('req_doctype')).toBe('ADHAR,PANCR');
		expect(query.get('purpose')).toBe('kyc check');
		expect(query.get('service_name')).toBe('Loans');
		expect(query.get('acr')).toBe('pan aadhaar');
		expect(query.get('amr')).toBe('aadhaar mobile');
		expect(query.get('consent_valid_till')).toBe(String(Math.floor(consentEnd.getTime() / 1000)));
		const claims = verifyState(data.state, testApp, Math.floor(Date.now() / 1000));
		expect(claims.expiresAt - claims.issuedAt).toBe(300);
	});

	it('answers every item with its own state, in order and paired', async () => {
		const { items } = await run({ context: '={{ $json.customer }}' }, [
			{ customer: 'a' },
			{ customer: 'b' },
			{ customer: 'c' },
		]);
		expect(items!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const states = items!.map((item) => (item.json.data as Record<string, string>).state);
		expect(new Set(states).size).toBe(3);
		expect(
			states.map((state) => verifyState(state, testApp, Math.floor(Date.now() / 1000)).context),
		).toEqual(['a', 'b', 'c']);
	});

	it.each([
		['a long context', { context: 'x'.repeat(513) }, 'Context is longer than 512 characters'],
		[
			'a line break',
			{ context: 'line\r\nbreak' },
			'Context contains control characters (such as a line break)',
		],
		[
			'an object from an expression',
			{ context: '={{ { nested: true } }}' },
			'Context must be text, not object',
		],
		[
			'a purpose with punctuation',
			{ options: { purpose: 'kyc; drop' } },
			'Purpose may hold only letters, digits, spaces and underscores',
		],
		[
			'markup in the scope',
			{ options: { scope: 'openid <script>' } },
			'Scope must be words separated by spaces (letters, digits, . _ : -)',
		],
		[
			'an empty document type',
			{ options: { reqDoctype: 'ADHAR,,PANCR' } },
			'Document Types must be document type codes separated by commas',
		],
		[
			'words as a date',
			{ options: { consentValidTill: 'next tuesday' } },
			'Consent Valid Till must be a date and time',
		],
		[
			'a past consent end',
			{ options: { consentValidTill: '2001-01-01T00:00:00Z' } },
			'Consent Valid Till must be in the future',
		],
		[
			'a zero state lifetime',
			{ options: { stateLifetimeMinutes: 0 } },
			'State Lifetime must be a whole number of minutes from 1 to 1440',
		],
		[
			'a state lifetime over a day',
			{ options: { stateLifetimeMinutes: 1441 } },
			'State Lifetime must be a whole number of minutes from 1 to 1440',
		],
	])('answers %s with VALIDATION_ERROR', async (_case, parameters, message) => {
		const { items } = await run(parameters);
		expect(items).toEqual([
			{
				json: { success: false, error: { code: 'VALIDATION_ERROR', message } },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('throws a NodeOperationError with the code when the node does not continue on fail', async () => {
		const { items, error } = await run({ options: { purpose: 'bad!' } }, undefined, false);
		expect(items).toBeUndefined();
		expect(error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Purpose may hold only letters, digits, spaces and underscores',
			description: 'Error code: VALIDATION_ERROR',
			context: { code: 'VALIDATION_ERROR', itemIndex: 0 },
		});
	});

	it('reports a broken credential as VALIDATION_ERROR for each item', async () => {
		const { items } = await runDigiLockerNode({
			parameters: { resource: 'authorization', operation: 'getAuthorizationUrl' },
			credentials: {
				...credentials,
				environment: 'custom',
				baseUrl: 'http://dl.example.com/public',
			},
			input: [{}, {}],
			continueOnFail: true,
		});
		expect(items!.map((item) => item.json.error)).toEqual([
			{
				code: 'VALIDATION_ERROR',
				message:
					'The custom Base URL must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)',
			},
			{
				code: 'VALIDATION_ERROR',
				message:
					'The custom Base URL must use https (plain http is allowed only for localhost, 127.0.0.0/8 and ::1)',
			},
		]);
	});
});
