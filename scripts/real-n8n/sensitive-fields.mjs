// Probe: what does a REAL n8n do with the DigiLocker node's description.sensitiveOutputFields
// (['data.access_token', 'data.refresh_token', 'data.code_verifier'])?
// Runs Manual Trigger -> DigiLocker (Get Authorization URL) -> Edit Fields (copies data.code_verifier) -> No Op with
// `n8n execute`, then looks for the code_verifier in (1) what --rawOutput printed, (2) the downstream node's input,
// (3) the execution stored in sqlite (execution_data.data), (4) GET /rest/executions/:id of `n8n start` as the owner.
// Run: node scripts/real-n8n/sensitive-fields.mjs [--mode=folder|package] [--no-server]   (build first)
// Prints one JSON report; exit 0 whatever it finds (it reports behaviour, it does not assert a policy).
import { createInstance, nodeOutput, runError } from './instance.mjs';

const args = process.argv.slice(2);
const loadMode = args.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'package';
const REDACTED = '__redacted';

const inst = await createInstance({
	loadMode,
	log: (line) => console.error(`[${loadMode}] ${line}`),
});
try {
	await inst.importCredentials([
		{
			id: 'probeCred1',
			name: 'DigiLocker probe',
			type: 'digiLockerApi',
			data: {
				clientId: 'PROBE',
				clientSecret: 'probe-secret-not-real',
				redirectUri: 'http://localhost:5678/webhook/digilocker/callback',
				environment: 'production',
				clientAuthentication: 'basic',
			},
		},
	]);
	const node = (name, type, typeVersion, x, parameters, extra = {}) => ({
		id: `0000000${x / 100}-0000-4000-8000-00000000000${x / 100}`,
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters,
		...extra,
	});
	await inst.importWorkflow({
		id: 'probeSensitive1',
		name: 'sensitiveOutputFields probe',
		active: false,
		settings: {},
		nodes: [
			node('Manual', 'n8n-nodes-base.manualTrigger', 1, 100, {}),
			node(
				'DigiLocker',
				inst.nodeType(),
				1,
				200,
				{ resource: 'authorization', operation: 'getAuthorizationUrl', context: 'probe' },
				{ credentials: { digiLockerApi: { id: 'probeCred1', name: 'DigiLocker probe' } } },
			),
			node('Copy Verifier', 'n8n-nodes-base.set', 3.4, 300, {
				mode: 'manual',
				assignments: {
					assignments: [
						{
							id: 'f1',
							name: 'verifier_seen_downstream',
							value: '={{ $json.data.code_verifier }}',
							type: 'string',
						},
					],
				},
				includeOtherFields: true,
				options: {},
			}),
			node('No Op', 'n8n-nodes-base.noOp', 1, 400, {}),
		],
		connections: {
			Manual: { main: [[{ node: 'DigiLocker', type: 'main', index: 0 }]] },
			DigiLocker: { main: [[{ node: 'Copy Verifier', type: 'main', index: 0 }]] },
			'Copy Verifier': { main: [[{ node: 'No Op', type: 'main', index: 0 }]] },
		},
	});
	const run = await inst.execute('probeSensitive1');
	const dl = nodeOutput(run, 'DigiLocker')?.[0];
	const verifier = dl?.data?.code_verifier;
	const downstream = nodeOutput(run, 'No Op')?.[0];
	const report = {
		n8nNodeType: inst.nodeType(),
		runStatus: run.status,
		runError: runError(run),
		rawOutput: {
			digiLockerCodeVerifier: verifier,
			redactionMarkerAnywhere: JSON.stringify(run).includes(REDACTED),
		},
		downstream: {
			copiedVerifier: downstream?.verifier_seen_downstream,
			equalsDigiLockerOutput:
				typeof verifier === 'string' && downstream?.verifier_seen_downstream === verifier,
			passThroughData: downstream?.data?.code_verifier === verifier,
		},
	};

	const executions = inst.query(
		'SELECT id, status, mode, workflowId FROM execution_entity ORDER BY id',
	);
	const last = executions.at(-1);
	const [stored] = inst.query('SELECT data FROM execution_data WHERE executionId = ?', [last.id]);
	report.sqlite = {
		executions,
		verifierOccurrencesInExecutionData:
			typeof verifier === 'string' ? stored.data.split(verifier).length - 1 : null,
		redactionMarkerInExecutionData: stored.data.includes(REDACTED),
	};

	if (!args.includes('--no-server')) report.restApi = await restApiView(inst, last.id, verifier);
	console.log(JSON.stringify(report, null, 2));
} finally {
	await inst.dispose();
}

/** GET /rest/executions/:id as the instance owner (set up through POST /rest/owner/setup). */
async function restApiView(instance, executionId, verifier) {
	const { baseUrl } = await instance.startServer();
	try {
		const headers = { 'content-type': 'application/json', 'browser-id': 'probe-browser' };
		const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers,
			body: JSON.stringify({
				email: 'owner@example.com',
				firstName: 'Probe',
				lastName: 'Owner',
				password: 'Probe-password-1',
			}),
		});
		const cookie = setup.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		const view = async (query = '') => {
			const res = await fetch(`${baseUrl}/rest/executions/${executionId}${query}`, {
				headers: { ...headers, cookie },
			});
			const body = await res.json().catch(() => null);
			// { data: { ..., data: <execution data as a flatted string> } }
			const text = typeof body?.data?.data === 'string' ? body.data.data : JSON.stringify(body);
			return {
				status: res.status,
				verifierVisible: typeof verifier === 'string' && text.includes(verifier),
				nodeDefinedFieldMarker: text.includes(REDACTED),
				fullItemRedactionMarker: text.includes('"redacted"'),
			};
		};
		return {
			ownerSetupStatus: setup.status,
			defaultView: await view(),
			redactExecutionDataTrue: await view('?redactExecutionData=true'),
		};
	} finally {
		await instance.stop();
	}
}
