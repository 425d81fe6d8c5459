import type { INodeExecutionData } from 'n8n-workflow';

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

const RESERVED = ['__proto__', 'constructor', 'prototype'];
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const itemWithPdf: INodeExecutionData[] = [
	{
		json: {},
		binary: {
			data: { data: pdf.toString('base64'), fileName: 'a.pdf', mimeType: 'application/pdf' },
		},
	},
];

describe('binary field names that are JavaScript object machinery are refused before sending', () => {
	it.each([
		['download', { uri: 'in.gov.sim.pan-PANCR-SIMPV7898J' }],
		['getXml', { uri: 'in.gov.sim.pan-PANCR-SIMPV7898J' }],
		['getEAadhaar', {}],
	])('%s: Put Output File in Field', async (operation, parameters) => {
		for (const name of RESERVED) {
			const run = await runDocumentNode(sim, {
				resource: 'document',
				operation,
				accessToken,
				...parameters,
				binaryPropertyName: name,
			});
			expect(errorOf(run)).toEqual({
				code: 'VALIDATION_ERROR',
				message: `Put Output File in Field must not be "${name}": choose another field name`,
			});
		}
		expect(sim.requests).toHaveLength(0);
	});

	it.each(RESERVED)('upload: Input Binary Field %s', async (name) => {
		const run = await runDocumentNode(
			sim,
			{ resource: 'document', operation: 'upload', accessToken, binaryPropertyName: name },
			{ inputItems: itemWithPdf },
		);
		expect(errorOf(run)).toEqual({
			code: 'VALIDATION_ERROR',
			message: `Input Binary Field must not be "${name}": choose another field name`,
		});
		expect(requestsTo(sim, '/file/upload')).toHaveLength(0);
	});

	it('upload: an inherited name such as toString is not a binary field of the item', async () => {
		const run = await runDocumentNode(
			sim,
			{ resource: 'document', operation: 'upload', accessToken, binaryPropertyName: 'toString' },
			{ inputItems: itemWithPdf },
		);
		expect(errorOf(run)).toEqual({
			code: 'VALIDATION_ERROR',
			message: 'The input item has no binary field "toString"',
		});
		expect(sim.requests).toHaveLength(0);
	});
});
