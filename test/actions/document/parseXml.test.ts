import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runDigiLockerNode } from '../../engine/harness';
import { testApp } from '../../fixtures';
import { DIGILOCKER_EAADHAAR, MARKSHEET, UIDAI_OFFLINE } from '../../document/facts/documents';

const credentials = {
	...testApp,
	environment: 'custom',
	baseUrl: 'http://127.0.0.1:9/never-called',
	clientAuthentication: 'basic',
};

const xmlItem = (xml: string, field = 'data'): INodeExecutionData => ({
	json: { customer: 'c-1' },
	binary: {
		[field]: {
			data: Buffer.from(xml, 'utf8').toString('base64'),
			mimeType: 'application/xml',
			fileName: 'document.xml',
		},
	},
});

const parse = (items: INodeExecutionData[], parameters: IDataObject = {}, continueOnFail = false) =>
	runDigiLockerNode({
		parameters: { resource: 'document', operation: 'parseXml', ...parameters } as never,
		credentials,
		inputItems: items,
		continueOnFail,
	});

describe('document › parseXml', () => {
	it('reads each item’s XML into facts, one item out per item in, input binaries kept', async () => {
		const run = await parse([
			xmlItem(DIGILOCKER_EAADHAAR),
			xmlItem(UIDAI_OFFLINE),
			xmlItem(MARKSHEET),
		]);
		expect(run.error).toBeUndefined();
		const items = run.items!;
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items.map((item) => (item.json.data as IDataObject).format)).toEqual([
			'e-aadhaar',
			'e-aadhaar',
			'certificate',
		]);
		expect(items[0].json).toMatchObject({
			success: true,
			data: { name: 'Asha Simulated Verma', dob: '1991-02-14', aadhaar_last4: '4821' },
		});
		expect(Object.keys(items[0].binary ?? {})).toEqual(['data']);
	});

	it('puts the photo into its own binary field with Full detail', async () => {
		const run = await parse([xmlItem(DIGILOCKER_EAADHAAR, 'kyc')], {
			binaryPropertyName: 'kyc',
			detail: 'full',
			photoPropertyName: 'face',
		});
		const [item] = run.items!;
		expect(Object.keys(item.binary ?? {}).sort()).toEqual(['face', 'kyc']);
		expect(item.binary!.face).toMatchObject({ mimeType: 'image/jpeg', fileName: 'photo.jpg' });
		expect((item.json.data as IDataObject).local_language).toBeDefined();
	});

	it.each([
		['a DOCTYPE', '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'],
		['an unknown entity', '<x>&nbsp;</x>'],
		['not well-formed', '<Certificate><IssuedTo></Certificate>'],
		['65 levels', `${'<a>'.repeat(65)}${'</a>'.repeat(65)}`],
	])('refuses %s with VALIDATION_ERROR, parsing nothing', async (_label, xml) => {
		const run = await parse([xmlItem(xml)], {}, true);
		expect(run.items![0].json).toMatchObject({
			success: false,
			error: {
				code: 'VALIDATION_ERROR',
				message: expect.stringMatching(/^The document is not XML the node can read: /),
			},
		});
		expect(run.items![0].json.data).toBeUndefined();
	});

	it('stops the workflow on bad XML without Continue On Fail, naming the item', async () => {
		const run = await parse([xmlItem(MARKSHEET), xmlItem('<x>')]);
		expect(run.error?.message).toMatch(/^The document is not XML the node can read: /);
		expect(run.items).toBeUndefined();
	});

	it('refuses an item without the binary field before reading anything', async () => {
		const run = await parse([{ json: {} }], { binaryPropertyName: 'missing' }, true);
		expect(run.items![0].json).toMatchObject({
			success: false,
			error: { code: 'VALIDATION_ERROR', message: 'The item has no binary field "missing"' },
		});
	});

	it('refuses XML over 20 MiB as VALIDATION_ERROR, the other items still parsed', async () => {
		const huge = `<Certificate>${'x'.repeat(20 * 1024 * 1024)}</Certificate>`;
		const run = await parse([xmlItem(MARKSHEET), xmlItem(huge)], {}, true);
		expect(run.items!.map((item) => item.json.success)).toEqual([true, false]);
		expect(run.items![1].json.error).toEqual({
			code: 'VALIDATION_ERROR',
			message: 'The XML in "data" is larger than 20 MiB',
		});
	});
});
