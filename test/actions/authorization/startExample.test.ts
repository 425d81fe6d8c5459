import type { IDataObject, INodeParameters } from 'n8n-workflow';

import startExample from '../../../examples/digilocker-start-consent.json';
import { verifyState } from '../../../nodes/DigiLocker/actions/authorization/state';
import { runDigiLockerNode } from '../../engine/harness';
import { testApp } from '../../fixtures';

interface ExampleNode {
	name: string;
	parameters: INodeParameters;
}

const { parameters } = (startExample.nodes as ExampleNode[]).find(
	(node) => node.name === 'Get Authorization URL',
)!;

/** The example's Get Authorization URL node, fed what its Start Webhook would hand it. */
async function startWith(webhookOutput: IDataObject) {
	const { items } = await runDigiLockerNode({
		parameters,
		credentials: { ...testApp, environment: 'production', clientAuthentication: 'basic' },
		input: [webhookOutput],
		continueOnFail: true,
	});
	const { state } = items![0].json.data as Record<string, string>;
	return state;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('examples › digilocker-start-consent', () => {
	it("binds the state to the browser's app_session cookie", async () => {
		const state = await startWith({
			query: { customer: 'c-1' },
			headers: { cookie: 'theme=dark; app_session=s3ss10n-4bc-123; other=1' },
		});
		expect(verifyState(state, testApp, nowSeconds(), 's3ss10n-4bc-123').context).toBe('c-1');
		expect(() => verifyState(state, testApp, nowSeconds())).toThrow('no Binding was given');
	});

	it('leaves the state unbound when the browser has no app_session cookie', async () => {
		const state = await startWith({ query: { customer: 'c-2' }, headers: { cookie: 'x=1' } });
		expect(verifyState(state, testApp, nowSeconds()).context).toBe('c-2');
		const noCookies = await startWith({ query: {}, headers: {} });
		expect(verifyState(noCookies, testApp, nowSeconds()).context).toBeUndefined();
	});
});
