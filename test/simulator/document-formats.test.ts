import { readFixture } from './documents-seed';
import { buildJpeg, portraitJpeg } from './jpeg';
import { buildSample, SAMPLE_FILE } from './offline-ekyc';
import { DEFAULT_USERS } from './seed';
import { elements, first, texts } from './family-reader';
import {
	accessToken,
	getWith,
	startDocumentSimulator,
	type Simulator,
	type SimulatorOptions,
} from './test-client';

/** The simulator's document bytes: JPEG photos, both e-Aadhaar shapes, determinism, the offline fixture. */

const CLOCK = Date.UTC(2026, 0, 15, 6, 30, 0, 250);

/** Marker names of a JPEG's segments up to the scan, after checking SOI and EOI. */
function jpegSegments(bytes: Buffer): Array<{ marker: number; payload: Buffer }> {
	expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
	expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
	const segments: Array<{ marker: number; payload: Buffer }> = [];
	let at = 2;
	for (;;) {
		expect(bytes[at]).toBe(0xff);
		const marker = bytes[at + 1];
		const length = bytes.readUInt16BE(at + 2);
		segments.push({ marker, payload: bytes.subarray(at + 4, at + 2 + length) });
		at += 2 + length;
		if (marker === 0xda) return segments;
	}
}

async function eaadhaarOf(sim: Simulator, userId?: string): Promise<string> {
	const token = await accessToken(sim, { userId });
	const res = await getWith(token, `${sim.baseUrl}/oauth2/3/xml/eaadhaar`);
	expect(res.status).toBe(200);
	return res.text;
}

async function withSimulator<T>(options: SimulatorOptions, run: (sim: Simulator) => Promise<T>) {
	const sim = await startDocumentSimulator(options);
	try {
		return await run(sim);
	} finally {
		await sim.stop();
	}
}

const meera = {
	digilockerid: '0f3c2a9e-5b1d-4c8e-9a7f-2d6b8e4c1a30',
	name: 'Meera Example Shah',
	dob: '12081992',
	gender: 'F' as const,
	eaadhaar: 'Y' as const,
	mobile: '9000000009',
	reference_key: 'e'.repeat(32),
};

describe('JPEG photos', () => {
	it('are baseline JFIF images, 24x32, three components, with tables before the scan', () => {
		const segments = jpegSegments(portraitJpeg(42));
		expect(segments.map((s) => s.marker)).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda]);
		expect(segments[0].payload.subarray(0, 5).toString('latin1')).toBe('JFIF\0');
		const frame = segments[2].payload;
		expect([frame[0], frame.readUInt16BE(1), frame.readUInt16BE(3), frame[5]]).toEqual([
			8, 32, 24, 3,
		]);
	});

	it('are the same for the same seed and differ between seeds', () => {
		expect(portraitJpeg(7)).toEqual(portraitJpeg(7));
		expect(portraitJpeg(7)).not.toEqual(portraitJpeg(8));
	});

	it('need a size in multiples of 8', () => {
		expect(() => buildJpeg(12, 8, () => [0, 0, 0])).toThrow(RangeError);
		expect(jpegSegments(buildJpeg(8, 8, () => [200, 30, 40]))).toHaveLength(5);
	});
});

describe('e-Aadhaar shapes', () => {
	it("default: Certificate/CertificateData/KycRes, IST ts with ms, ttl a year on, DigiLocker's signer chain", async () => {
		await withSimulator({ now: () => CLOCK }, async (sim) => {
			const xml = await eaadhaarOf(sim);
			expect(xml).toMatch(/^<\?xml [^>]+\?>\n<Certificate><CertificateData><KycRes /);
			expect(first(xml, 'KycRes')).toMatchObject({
				ret: 'Y',
				ts: '2026-01-15T12:00:00.250+05:30',
				ttl: '2027-01-15T12:00:00',
			});
			expect(first(xml, 'KycRes').code).toMatch(/^[0-9a-f]{32}$/);
			expect(first(xml, 'KycRes').txn).toMatch(/^UKC:/);
			expect(first(xml, 'CanonicalizationMethod').Algorithm).toBe(
				'http://www.w3.org/2001/10/xml-exc-c14n#',
			);
			expect(first(xml, 'SignatureMethod').Algorithm).toBe(
				'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
			);
			expect(texts(xml, 'X509SubjectName')).toHaveLength(4);
			expect(xml).not.toMatch(/<Rar>|<Prn /);
			const [photo] = texts(xml, 'Pht');
			expect(jpegSegments(Buffer.from(photo, 'base64'))).toHaveLength(5);
		});
	});

	it("the older bare KycRes with Rar and Prn, for a user seeded with eaadhaarXml 'kycres'", async () => {
		await withSimulator({ users: [{ ...meera, eaadhaarXml: 'kycres' }] }, async (sim) => {
			const xml = await eaadhaarOf(sim);
			expect(xml).toMatch(/^<\?xml [^>]+\?>\n<KycRes [^>]*><Rar>[A-Za-z0-9+/=]+<\/Rar><UidData /);
			expect(xml).toMatch(/<\/Pht><Prn type="pdf">[A-Za-z0-9+/=]+<\/Prn><\/UidData><Signature /);
			expect(xml.trim().endsWith('</Signature></KycRes>')).toBe(true);
			expect(first(xml, 'UidData').uid).toMatch(/^x{8}\d{4}$/);
			expect(elements(xml, 'LData')).toEqual([]);
			const adhar = sim.documents().issued.find((d) => d.doctype === 'ADHAR');
			expect(sim.readXml(String(adhar?.uri))?.toString()).toMatch(/\n<KycRes /);
		});
	});

	it('LData and a full test Aadhaar number come from the seed', async () => {
		const local = { lang: '13', name: 'मीरा एक्झांपल शाह', address: { state: 'गोवा' } };
		const users = [{ ...meera, layout: 0 as const, aadhaar: '234123412346', local }];
		await withSimulator({ users }, async (sim) => {
			const xml = await eaadhaarOf(sim);
			expect(first(xml, 'UidData').uid).toBe('xxxxxxxx2346');
			expect(first(xml, 'LData')).toEqual({ lang: '13', name: local.name, state: 'गोवा' });
			const pan = sim.documents().issued.find((d) => d.doctype === 'PANCR');
			expect(first(String(sim.readXml(String(pan?.uri))), 'Person').uid).toBe('234123412346');
		});
	});
});

describe('determinism', () => {
	const everything = async (sim: Simulator) => {
		const all: string[] = [];
		for (const user of sim.users) {
			for (const doc of sim.documents(user.digilockerid).issued) {
				all.push(sim.readXml(doc.uri, user.digilockerid)?.toString('utf8') ?? '');
			}
			if (user.eaadhaar === 'Y') all.push(await eaadhaarOf(sim, user.digilockerid));
		}
		return all;
	};

	it('gives the same bytes for the same users and clock', async () => {
		const one = await withSimulator({ now: () => CLOCK }, everything);
		const two = await withSimulator({ now: () => CLOCK }, everything);
		expect(two).toEqual(one);
	});

	it('changes only the e-Aadhaar stamps (and so its signature) with the clock', async () => {
		const one = await withSimulator({ now: () => CLOCK }, everything);
		const later = await withSimulator({ now: () => CLOCK + 86_400_000 }, everything);
		const strip = (xml: string) =>
			xml
				.replace(/<KycRes [^>]*>/, '<KycRes>')
				.replace(
					/<DigestValue>[^<]*<\/DigestValue><\/Reference><\/SignedInfo><SignatureValue>[^<]*/,
					'',
				);
		expect(later.map(strip)).toEqual(one.map(strip));
		expect(later).not.toEqual(one);
	});
});

describe('seeded documents', () => {
	it('get the family layout unless they bring their own fields', async () => {
		const board = {
			doctype: 'SSCER',
			name: 'Class X Marksheet',
			issuerid: 'in.gov.sim.board',
			issuer: 'Simulated School Board',
			mime: ['application/pdf', 'application/xml'],
		};
		const issued = [
			{ ...board, uri: 'in.gov.sim.board-SSCER-2008/1111111' },
			{ ...board, uri: 'in.gov.sim.board-SSCER-2008/2222222', fields: { roll_no: '2222222' } },
		];
		await withSimulator({ users: [{ ...meera, issued }] }, async (sim) => {
			const family = String(sim.readXml(issued[0].uri));
			expect(first(family, 'Examination')).toMatchObject({
				name: 'SECONDARY SCHOOL EXAMINATION',
				year: '2008',
			});
			expect(elements(family, 'Subject')).toHaveLength(5);
			const generic = String(sim.readXml(issued[1].uri));
			expect(first(generic, 'Field')).toEqual({ name: 'roll_no', value: '2222222' });
		});
	});

	it.each([
		['a layout other than 0, 1 or 2', { layout: 3 }],
		['an aadhaar that is not 12 digits', { aadhaar: '12345' }],
		['an unknown eaadhaarXml', { eaadhaarXml: 'json' }],
		['local data without a lang', { local: { name: 'x' } }],
	])('rejects %s', async (_label, extra) => {
		await expect(
			startDocumentSimulator({ users: [{ ...meera, ...extra } as typeof meera] }),
		).rejects.toThrow(/simulator: /);
	});
});

it('the offline e-KYC fixture is what its generator makes', () => {
	expect(readFixture(SAMPLE_FILE)).toEqual(buildSample());
	expect(DEFAULT_USERS[0].digilockerid).toBe('529c7625-9961-4b3f-9414-d2d247136131');
});
