import { NodeOperationError } from 'n8n-workflow';

import { testApp } from '../fixtures';
import { activateTrigger } from './triggerServer';

const credentials = {
	...testApp,
	environment: 'custom',
	baseUrl: 'http://127.0.0.1:9/public',
	clientAuthentication: 'basic',
};

describe('DigiLocker Trigger: the setup check when the workflow is published', () => {
	it('accepts a credential whose Redirect URI is this trigger callback', async () => {
		await expect(
			activateTrigger({ parameters: { path: 'digilocker' }, credentials }),
		).resolves.toBe(true);
	});

	it('accepts a path written with slashes around it', async () => {
		await expect(
			activateTrigger({ parameters: { path: '/digilocker/' }, credentials }),
		).resolves.toBe(true);
	});

	it("refuses a Redirect URI that is another path's callback, naming both", async () => {
		const refusal = activateTrigger({ parameters: { path: 'kyc-consent' }, credentials });
		await expect(refusal).rejects.toBeInstanceOf(NodeOperationError);
		await expect(refusal).rejects.toThrow(
			"The credential's Redirect URI (https://n8n.example.test/webhook/digilocker/callback) is not this trigger's callback: its path must end in /kyc-consent/callback",
		);
	});

	it('refuses redirect mode without a full Success URL', async () => {
		await expect(
			activateTrigger({
				parameters: {
					path: 'digilocker',
					responseMode: 'redirect',
					successUrl: 'shop.example/done',
					failureUrl: 'https://shop.example/failed',
				},
				credentials,
			}),
		).rejects.toThrow(
			'Success URL must be a full http or https address, e.g. https://example.com/kyc/done',
		);
	});

	it('refuses Consent Options that could not build a consent URL', async () => {
		await expect(
			activateTrigger({
				parameters: { path: 'digilocker', consentOptions: { stateLifetimeMinutes: 0 } },
				credentials,
			}),
		).rejects.toThrow('State Lifetime must be a whole number of minutes from 1 to 1440');
	});

	it('refuses a credential with an empty App Secret', async () => {
		await expect(
			activateTrigger({
				parameters: { path: 'digilocker' },
				credentials: { ...credentials, clientSecret: '' },
			}),
		).rejects.toThrow('The App Secret (Client Secret) of the DigiLocker credential is empty');
	});
});
