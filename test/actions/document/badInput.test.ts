import { errorOf, runDocumentNode, useSimulatorWithUser, type Simulator } from '../documentFlow';

let sim: Simulator;
let accessToken: string;
useSimulatorWithUser((session) => ({ sim, accessToken } = session));

const badValues: Array<[string, unknown]> = [
	[
		'empty (from an expression; a literal empty required field is stopped by n8n itself)',
		'={{ "" }}',
	],
	['whitespace', '   \t '],
	['huge', 'x'.repeat(70_000)],
	['CRLF', 'abc\r\nX-Injected: 1'],
	['a NUL byte', 'abc\u0000def'],
	['an object from an expression', '={{ { uri: "x" } }}'],
	['a list from an expression', '={{ ["x"] }}'],
	['a boolean from an expression', '={{ true }}'],
	['null from an expression', '={{ null }}'],
];

const uriTricks: Array<[string, string]> = [
	['a parent path', '../oauth2/1/user'],
	['a slash', 'in.gov.x/../../user'],
	['a query', 'in.gov.x?token=1'],
	['a fragment', 'in.gov.x#y'],
	['an encoded slash', 'in.gov.x%2F..%2Fuser'],
	['dot-dot', '..'],
	['unicode spaces', 'in.gov.x\u2003y'],
];

describe('bad input is refused with VALIDATION_ERROR and nothing is sent', () => {
	it.each(badValues)('accessToken: %s', async (_case, value) => {
		const run = await runDocumentNode(sim, {
			resource: 'document',
			operation: 'listIssued',
			accessToken: value as string,
		});
		expect(errorOf(run)).toMatchObject({
			code: 'VALIDATION_ERROR',
			message: expect.stringMatching(/^Access Token /),
		});
		expect(sim.requests).toHaveLength(0);
	});

	it.each([...badValues, ...uriTricks])('uri of download: %s', async (_case, value) => {
		const run = await runDocumentNode(sim, {
			resource: 'document',
			operation: 'download',
			accessToken,
			uri: value as string,
		});
		expect(errorOf(run)).toMatchObject({
			code: 'VALIDATION_ERROR',
			message: expect.stringMatching(/^Document URI /),
		});
		expect(sim.requests).toHaveLength(0);
	});

	it.each(uriTricks)('uri of getXml: %s', async (_case, value) => {
		const run = await runDocumentNode(sim, {
			resource: 'document',
			operation: 'getXml',
			accessToken,
			uri: value,
		});
		expect(errorOf(run)).toMatchObject({ code: 'VALIDATION_ERROR' });
		expect(sim.requests).toHaveLength(0);
	});

	it.each([
		['an empty field name', '={{ "" }}'],
		['a field name with a slash', 'a/b'],
		['a field name from an object', '={{ {} }}'],
	])('binary field of download: %s', async (_case, value) => {
		const run = await runDocumentNode(sim, {
			resource: 'document',
			operation: 'download',
			accessToken,
			uri: 'in.gov.x',
			binaryPropertyName: value,
		});
		expect(errorOf(run)).toMatchObject({
			code: 'VALIDATION_ERROR',
			message: expect.stringMatching(/^Put Output File in Field /),
		});
		expect(sim.requests).toHaveLength(0);
	});

	it.each([
		['concurrency 0', { concurrency: 0 }, 'Concurrency must be a whole number from 1 to 100'],
		['concurrency 1.5', { concurrency: 1.5 }, 'Concurrency must be a whole number from 1 to 100'],
		['max tries 11', { maxTries: 11 }, 'Max Tries must be a whole number from 1 to 10'],
		[
			'a timeout of words',
			{ timeoutSeconds: '={{ "long" }}' },
			'Timeout must be a number of seconds from 1 to 600',
		],
	])('request options: %s', async (_case, requestOptions, message) => {
		const run = await runDocumentNode(
			sim,
			{ resource: 'user', operation: 'get', accessToken, requestOptions },
			{ input: [{}, {}] },
		);
		expect(run.items!.map((item) => item.json.error)).toEqual([
			{ code: 'VALIDATION_ERROR', message },
			{ code: 'VALIDATION_ERROR', message },
		]);
		expect(sim.requests).toHaveLength(0);
	});
});
