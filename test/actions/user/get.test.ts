import { testApp } from '../../fixtures';
import {
	errorOf,
	requestsTo,
	runDocumentNode,
	useSimulatorWithUser,
	type Simulator,
} from '../documentFlow';

let sim: Simulator;
let accessToken: string;
useSimulatorWithUser((session) => ({ sim, accessToken } = session));

describe('user › get', () => {
	it("returns the user's details with id, sending the token as Bearer", async () => {
		const run = await runDocumentNode(sim, { resource: 'user', operation: 'get', accessToken });
		const user = sim.users[0];
		expect(run.items).toEqual([
			{
				json: {
					success: true,
					data: expect.objectContaining({
						digilockerid: user.digilockerid,
						id: user.digilockerid,
						name: user.name,
						dob: user.dob,
					}),
				},
				pairedItem: { item: 0 },
			},
		]);
		const [request] = requestsTo(sim, '/oauth2/1/user');
		expect(request.headers.authorization).toBe(`Bearer ${accessToken}`);
	});

	it('answers an unknown token with INVALID_TOKEN without showing it', async () => {
		const fakeToken = 'f'.repeat(40);
		const run = await runDocumentNode(sim, {
			resource: 'user',
			operation: 'get',
			accessToken: fakeToken,
		});
		expect(errorOf(run)).toMatchObject({
			code: 'INVALID_TOKEN',
			status: 401,
			upstream: { error: 'invalid_token' },
		});
		expect(JSON.stringify(run.items)).not.toContain(fakeToken);
		expect(JSON.stringify(run.items)).not.toContain(testApp.clientSecret);
	});

	it('answers an OAuth error sent with HTTP 200 as that error, not as the user', async () => {
		sim.setFault('user', {
			type: 'json-200',
			body: { error: 'invalid_token', error_description: 'The access token is invalid' },
		});
		const run = await runDocumentNode(sim, { resource: 'user', operation: 'get', accessToken });
		expect(errorOf(run)).toMatchObject({
			code: 'INVALID_TOKEN',
			status: 200,
			upstream: { error: 'invalid_token' },
		});
		expect(run.items![0].json.success).toBe(false);
	});

	it('throws NodeApiError with the code when not continuing on fail', async () => {
		const run = await runDocumentNode(
			sim,
			{ resource: 'user', operation: 'get', accessToken: 'f'.repeat(40) },
			{ continueOnFail: false },
		);
		expect(run.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			context: { code: 'INVALID_TOKEN', itemIndex: 0 },
		});
	});
});
