import { errorOf, runDocumentNode, useSimulatorWithUser, type Simulator } from '../documentFlow';

let sim: Simulator;
let accessToken: string;
let userId: string;
useSimulatorWithUser((session) => ({ sim, accessToken, digilockerid: userId } = session));

const LICENCE = 'in.gov.sim.transport-DRVLC-SM0120081885917';
const getXml = (parameters: Record<string, unknown> = {}) =>
	runDocumentNode(sim, {
		resource: 'document',
		operation: 'getXml',
		accessToken,
		uri: LICENCE,
		...parameters,
	} as never);

describe('document › getXml', () => {
	it('gives the certificate as binary XML and as text', async () => {
		const run = await getXml();
		const xml = sim.readXml(LICENCE, userId)!.toString('utf8');
		const [item] = run.items!;
		expect(item.json).toMatchObject({
			success: true,
			data: {
				uri: LICENCE,
				mime_type: 'application/xml',
				hmac_verified: true,
				binary_property: 'xml',
				xml,
			},
		});
		expect(Buffer.from(item.binary!.xml.data, 'base64').toString('utf8')).toBe(xml);
		expect(xml).toContain('<Certificate');
	});

	it('answers a document without XML with NOT_FOUND', async () => {
		const run = await getXml({ uri: 'in.gov.sim.health-VACER-2975693825' });
		expect(errorOf(run)).toMatchObject({ code: 'NOT_FOUND', upstream: { error: 'invalid_uri' } });
	});

	it('refuses XML whose hmac does not match', async () => {
		sim.setFault('xml', { type: 'wrong-hmac' });
		const run = await getXml();
		expect(errorOf(run)).toMatchObject({ code: 'INTEGRITY_ERROR' });
		expect(run.items![0].binary).toBeUndefined();
	});
});

describe('document › getXml: Aadhaar numbers in the text copy', () => {
	it('masks a full Aadhaar number in data.xml and keeps the exact bytes in the binary', async () => {
		const pan = 'in.gov.sim.pan-PANCR-SIMPV7898J';
		const run = await getXml({ uri: pan });
		const [item] = run.items!;
		const text = (item.json.data as { xml: string }).xml;
		expect(text).toContain('uid="XXXX XXXX 2346"');
		expect(text).not.toContain('234123412346');
		const bytes = Buffer.from(item.binary!.xml.data, 'base64');
		expect(bytes.equals(sim.readXml(pan, userId)!)).toBe(true);
		expect(bytes.toString('utf8')).toContain('uid="234123412346"');
	});
});
