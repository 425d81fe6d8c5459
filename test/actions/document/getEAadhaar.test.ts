import { errorOf, runDocumentNode, useSimulatorWithUser, type Simulator } from '../documentFlow';

let sim: Simulator;
let accessToken: string;
useSimulatorWithUser((session) => ({ sim, accessToken } = session));

describe('document › getEAadhaar', () => {
	it('gives the KycRes XML as binary only, hmac-verified', async () => {
		const run = await runDocumentNode(sim, {
			resource: 'document',
			operation: 'getEAadhaar',
			accessToken,
		});
		const [item] = run.items!;
		expect(item.json).toEqual({
			success: true,
			data: {
				file_name: expect.stringMatching(/\.xml$/),
				mime_type: 'application/xml',
				size: expect.any(Number),
				binary_property: 'eaadhaar',
				hmac_verified: true,
			},
		});
		expect(Buffer.from(item.binary!.eaadhaar.data, 'base64').toString('utf8')).toContain('<KycRes');
	});

	it('answers a user without Aadhaar with NOT_FOUND', async () => {
		const rohanConsent = await obtainTokensFor(sim.users[1].digilockerid);
		const run = await runDocumentNode(sim, {
			resource: 'document',
			operation: 'getEAadhaar',
			accessToken: rohanConsent,
		});
		expect(errorOf(run)).toMatchObject({
			code: 'NOT_FOUND',
			upstream: { error: 'aadhaar_not_linked' },
		});
	});
});

/** Tokens of another seeded user: consent through the simulator's authorize() for that user. */
async function obtainTokensFor(userId: string): Promise<string> {
	const { items } = await runDocumentNode(sim, {
		resource: 'authorization',
		operation: 'getAuthorizationUrl',
	});
	const data = items![0].json.data as Record<string, string>;
	const query = new URL(data.url).searchParams;
	const { code } = sim.authorize({
		clientId: query.get('client_id') as string,
		redirectUri: query.get('redirect_uri') as string,
		codeChallenge: query.get('code_challenge') as string,
		state: data.state,
		userId,
	});
	const exchanged = await runDocumentNode(sim, {
		resource: 'authorization',
		operation: 'exchangeCode',
		code: code as string,
		state: data.state,
	});
	return (exchanged.items![0].json.data as Record<string, string>).access_token;
}
