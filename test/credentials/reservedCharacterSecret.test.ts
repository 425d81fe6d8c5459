import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runDigiLockerNode } from '../engine/harness';
import { startSimulator } from '../simulator';
import { testCredential } from './credentialTestRunner';

/** Every character RFC 6749 §2.3.1's form encoding changes: + / = : % and a space. */
const reservedApp = {
	clientId: 'RESERVED APP:1',
	clientSecret: 'a+b/c=d:e%f g',
	redirectUri: 'https://n8n.example.test/webhook/digilocker/reserved',
};

let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
	sim = await startSimulator({
		apps: [{ ...reservedApp, redirectUris: [reservedApp.redirectUri] }],
	});
});
afterAll(async () => await sim.stop());

const credentialsFor = (clientAuthentication: string) => ({
	...reservedApp,
	environment: 'custom',
	baseUrl: sim.baseUrl,
	clientAuthentication,
});

async function run(style: string, parameters: INodeParameters) {
	const { items, error } = await runDigiLockerNode({
		parameters: { resource: 'authorization', ...parameters },
		credentials: credentialsFor(style),
		continueOnFail: true,
	});
	expect(error).toBeUndefined();
	return items?.[0]?.json as IDataObject;
}

async function consentCode(style: string) {
	const started = await run(style, { operation: 'getAuthorizationUrl' });
	const url = (started.data as IDataObject).url as string;
	const response = await fetch(`${url}&sim_auto=allow`, { redirect: 'manual' });
	const callback = new URL(response.headers.get('location') ?? '').searchParams;
	return { code: callback.get('code') ?? '', state: callback.get('state') ?? '' };
}

describe.each(['basic', 'body'])(
	'a key and secret with + / = : %% and a space, sent by %s',
	(style) => {
		it('exchange, refresh and revoke all authenticate', async () => {
			const exchanged = await run(style, {
				operation: 'exchangeCode',
				...(await consentCode(style)),
			});
			expect(exchanged).toMatchObject({ success: true });
			const refreshToken = (exchanged.data as IDataObject).refresh_token as string;

			const refreshed = await run(style, { operation: 'refreshToken', refreshToken });
			expect(refreshed).toMatchObject({ success: true });

			const token = (refreshed.data as IDataObject).access_token as string;
			const revoked = await run(style, {
				operation: 'revokeToken',
				token,
				tokenTypeHint: 'access_token',
			});
			expect(revoked).toEqual({
				success: true,
				data: { revoked: true, token_type_hint: 'access_token' },
			});
		});

		it('passes the credential Test', async () => {
			await expect(testCredential(credentialsFor(style))).resolves.toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
		});
	},
);
