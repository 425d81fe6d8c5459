import {
	NodeHelpers,
	type INode,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { DigiLocker } from '../../nodes/DigiLocker/DigiLocker.node';
import { runDigiLockerNode } from '../engine/harness';
import { credentialsFor, startTestSimulator, type Simulator } from './authorization/consentFlow';

let sim: Simulator;
beforeAll(async () => {
	sim = await startTestSimulator();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const description = new DigiLocker().description;

/** The Operation options n8n shows for a resource, in the node or in its tool variant (type name ending in "Tool"). */
function visibleOperations(resource: string, asTool: boolean): string[] {
	const typeDescription = {
		...description,
		name: asTool ? 'digiLockerTool' : 'digiLocker',
	} as INodeTypeDescription;
	const node = { typeVersion: 1 } as INode;
	return description.properties
		.filter((property: INodeProperties) => property.name === 'operation')
		.filter((property) =>
			NodeHelpers.displayParameter({ resource }, property, node, typeDescription),
		)
		.flatMap((property) =>
			(property.options ?? []).map((option) => String((option as { value: string }).value)),
		);
}

describe('AI agents (the DigiLocker Tool)', () => {
	it.each([
		['authorization', ['getAuthorizationUrl']],
		['user', ['get']],
		['document', ['getXml', 'listIssued', 'listUploaded']],
		['issuer', ['getDocumentTypes', 'getAll', 'getParameters']],
	])('offers an agent only the safe %s operations', (resource, expected) => {
		expect(visibleOperations(resource, true).sort()).toEqual([...expected].sort());
	});

	it('still offers every operation in the node itself', () => {
		expect(visibleOperations('authorization', false).sort()).toEqual([
			'exchangeCode',
			'getAuthorizationUrl',
			'refreshToken',
			'revokeToken',
		]);
		expect(visibleOperations('document', false)).toHaveLength(8);
	});

	it.each([
		['authorization', 'refreshToken', { refreshToken: 'r'.repeat(40) }],
		['authorization', 'revokeToken', { token: 'r'.repeat(40) }],
		['document', 'upload', { accessToken: 'a'.repeat(40) }],
		['document', 'getEAadhaar', { accessToken: 'a'.repeat(40) }],
	])(
		'refuses %s → %s when called as a tool, sending nothing',
		async (resource, operation, extra) => {
			const run = await runDigiLockerNode({
				parameters: { resource, operation, ...extra },
				credentials: credentialsFor(sim, 'basic'),
				continueOnFail: true,
				typeName: 'digiLockerTool',
			});
			expect(run.items![0].json.error).toMatchObject({
				code: 'VALIDATION_ERROR',
				message: expect.stringContaining('not available to AI agents'),
			});
			expect(sim.requests).toHaveLength(0);
		},
	);

	it('withholds the PKCE verifier from an agent building a consent URL', async () => {
		const run = await runDigiLockerNode({
			parameters: { resource: 'authorization', operation: 'getAuthorizationUrl' },
			credentials: credentialsFor(sim, 'basic'),
			typeName: 'digiLockerTool',
		});
		const data = run.items![0].json.data as Record<string, unknown>;
		expect(data.url).toEqual(expect.any(String));
		expect(data).not.toHaveProperty('code_verifier');
	});
});
