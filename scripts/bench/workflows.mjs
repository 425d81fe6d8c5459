// The benchmark's workflows: the same work done by the DigiLocker node and by n8n's HTTP Request node.
// Every workflow: Manual Trigger → Edit Fields (a list of N values) → Split Out (N items) → the node under test.
const trigger = {
	id: 't',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function fanOut(listExpression) {
	return [
		{
			id: 'f',
			name: 'List',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				assignments: {
					assignments: [{ id: 'a1', name: 'v', type: 'array', value: `={{ ${listExpression} }}` }],
				},
				options: {},
			},
		},
		{
			id: 's',
			name: 'Items',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'v', options: {} },
		},
	];
}

function workflow(id, listExpression, subject) {
	const nodes = [
		trigger,
		...fanOut(listExpression),
		{ id: 'x', name: 'Subject', position: [600, 0], ...subject },
	];
	const connections = {
		Start: { main: [[{ node: 'List', type: 'main', index: 0 }]] },
		List: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
		Items: { main: [[{ node: 'Subject', type: 'main', index: 0 }]] },
	};
	return { id, name: id, nodes, connections, active: false, settings: { executionOrder: 'v1' } };
}

const range = (count) => `Array.from({ length: ${count} }, (_, i) => i)`;
const bulkUris = (count) =>
	`Array.from({ length: ${count} }, (_, i) => 'in.gov.sim.bulk-BLKPD-' + String(i + 1).padStart(6, '0'))`;

/**
 * -> the workflows, keyed by case name; ids contain digits (n8n execute-batch filters on that). Our node runs with its
 * defaults (adaptive concurrency) unless a case says otherwise; the HTTP Request node with its own defaults.
 */
export function benchWorkflows({
	nodeType,
	credential,
	baseUrl,
	accessToken,
	items,
	files,
	fixedConcurrency,
	limitedItems,
	costItems,
}) {
	const digiLocker = (parameters) => ({
		type: nodeType,
		typeVersion: 1,
		parameters,
		credentials: { digiLockerApi: credential },
	});
	const httpRequest = (url, options = {}) => ({
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			url,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${accessToken}` }] },
			options,
		},
	});
	const getUser = (requestOptions = {}) =>
		digiLocker({ resource: 'user', operation: 'get', accessToken, requestOptions });
	const userUrl = `${baseUrl}/oauth2/1/user`;
	return {
		jsonDigiLocker: workflow('bench1json', range(items), getUser()),
		jsonDigiLockerFixed: workflow(
			'bench6json',
			range(items),
			getUser({ concurrency: fixedConcurrency }),
		),
		jsonHttpRequest: workflow('bench2json', range(items), httpRequest(userUrl)),
		filesDigiLocker: workflow(
			'bench3files',
			bulkUris(files),
			digiLocker({
				resource: 'document',
				operation: 'download',
				accessToken,
				uri: '={{ $json.v }}',
			}),
		),
		filesHttpRequest: workflow(
			'bench4files',
			bulkUris(files),
			httpRequest(`=${baseUrl}/oauth2/1/file/{{ $json.v }}`, {
				response: { response: { responseFormat: 'file' } },
			}),
		),
		filesIdle: workflow('bench5idle', bulkUris(files), {
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			parameters: {},
		}),
		limitedDigiLocker: workflow('bench7limited', range(limitedItems), getUser()),
		limitedHttpRequest: workflow('bench8limited', range(limitedItems), httpRequest(userUrl)),
		// n8n's node setting "Retry On Fail" with its defaults: 3 tries, 1000 ms apart, the whole node each time
		limitedHttpRequestRetry: workflow('bench9limited', range(limitedItems), {
			...httpRequest(userUrl),
			retryOnFail: true,
		}),
		costDigiLocker: workflow('bench10cost', range(costItems), getUser()),
		costHttpRequest: workflow('bench11cost', range(costItems), httpRequest(userUrl)),
	};
}
