import { DOCUMENT_FAMILIES } from './document-families';
import { readFixture } from './documents-seed';
import { elements, first, isAadhaarLike, readFacts, texts } from './family-reader';
import { accessToken, getWith, startDocumentSimulator, type Simulator } from './test-client';

/** The hand-written catalogue of document families against the XML the default seed serves. */

let sim: Simulator;
const xmls = new Map<(typeof DOCUMENT_FAMILIES)[number], string>();

beforeAll(async () => {
	sim = await startDocumentSimulator({ now: () => Date.UTC(2026, 0, 15, 6, 30, 0) });
	for (const entry of DOCUMENT_FAMILIES) {
		if (entry.source === 'xml') {
			xmls.set(entry, sim.readXml(entry.uri, entry.user)?.toString('utf8') ?? '');
		} else if (entry.source === 'eaadhaar') {
			const token = await accessToken(sim, { userId: entry.user });
			xmls.set(entry, (await getWith(token, `${sim.baseUrl}/oauth2/3/xml/eaadhaar`)).text);
		} else {
			xmls.set(entry, readFixture(entry.uri).toString('utf8'));
		}
	}
});

afterAll(async () => {
	await sim.stop();
});

const xmlOf = (entry: (typeof DOCUMENT_FAMILIES)[number]) => xmls.get(entry) ?? '';
const label = (entry: (typeof DOCUMENT_FAMILIES)[number]) =>
	`${entry.family} ${entry.source} ${entry.uri || '(e-Aadhaar)'}: ${entry.layout}`;

describe('the document families catalogue', () => {
	it('lists every XML document of every default user, and every family', () => {
		for (const user of sim.users) {
			const withXml = sim.documents(user.digilockerid).issued.filter((d) => d.hasXml);
			const listed = DOCUMENT_FAMILIES.filter(
				(e) => e.user === user.digilockerid && e.source === 'xml',
			);
			expect(listed.map((e) => e.uri).sort()).toEqual(withXml.map((d) => d.uri).sort());
		}
		expect(new Set(DOCUMENT_FAMILIES.map((e) => e.family))).toEqual(
			new Set(['PAN', 'DRIVING_LICENCE', 'MARKSHEET', 'CASTE', 'EAADHAAR', 'OFFLINE_EKYC']),
		);
	});

	it.each(DOCUMENT_FAMILIES.map((entry) => [label(entry), entry] as const))(
		'%s holds its facts',
		(_label, entry) => {
			const xml = xmlOf(entry);
			expect(xml).toMatch(/^<\?xml version="1\.0" encoding="(UTF|utf)-8"/);
			expect(xml).toMatch(/<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">/);
			expect(readFacts(xml, entry)).toEqual(entry.facts);
		},
	);
});

describe('layout variations the parser must meet', () => {
	const xmlFor = (family: string, user: number, source = 'xml') => {
		const entry = DOCUMENT_FAMILIES.find(
			(e) => e.family === family && e.user === sim.users[user].digilockerid && e.source === source,
		);
		if (!entry) throw new Error(`no ${family} for user ${user}`);
		return xmlOf(entry);
	};

	it('PANCR: PAN with QRMeta, or PANVerificationRecord', () => {
		expect(first(xmlFor('PAN', 0), 'PAN')).toEqual({
			num: 'SIMPV7898J',
			verifiedOn: '01-07-2019 13:30:00',
		});
		expect(xmlFor('PAN', 0)).toMatch(
			/<\/CertificateData><QRMeta>[A-Za-z0-9+/=]+<\/QRMeta><Signature /,
		);
		expect(first(xmlFor('PAN', 1), 'PANVerificationRecord').num).toBe('SIMPI1324L');
		expect(xmlFor('PAN', 1)).not.toContain('<QRMeta>');
	});

	it('dates come as DD-MM-YYYY, DDMMYYYY and DD/MM/YYYY; genders as F, Male, MALE, TRANSGENDER', () => {
		expect(first(xmlFor('DRIVING_LICENCE', 0), 'Person').dob).toBe('05-03-1990');
		expect(first(xmlFor('DRIVING_LICENCE', 1), 'Person').dob).toBe('17111985');
		expect(first(xmlFor('DRIVING_LICENCE', 2), 'Person').dob).toBe('01/01/2000');
		expect(first(xmlFor('DRIVING_LICENCE', 1), 'Person').gender).toBe('Male');
		expect(first(xmlFor('PAN', 1), 'Person').gender).toBe('MALE');
		expect(first(xmlFor('PAN', 2), 'Person').gender).toBe('TRANSGENDER');
		expect(first(xmlFor('MARKSHEET', 0), 'Person').gender).toBe('F');
	});

	it('addresses come as attributes, on one line, or as child elements', () => {
		const licence = xmlFor('DRIVING_LICENCE', 0);
		const permanent = first(licence, 'Address2');
		expect(elements(licence, 'Address')[1]).toMatchObject({ type: 'present', house: '', pin: '' });
		expect(permanent).toMatchObject({ type: 'permanent', house: '' });
		expect(permanent.line1).toMatch(/^42, SIMULATION STREET, .*, 560042$/);
		expect(first(xmlFor('CASTE', 0), 'Caste').category).toBe('OBC');
		expect(elements(xmlFor('CASTE', 0), 'Address')[1]).toMatchObject({
			house: '42',
			pin: '560042',
		});
		expect(texts(xmlFor('CASTE', 1), 'Village')).toEqual(['Testapuram']);
		expect(xmlFor('CASTE', 1)).toMatch(/\n {4}<ApplicantAddress>\n/);
	});

	it('the licence carries a JPEG photo, the marksheet nested subjects', () => {
		const [photo] = texts(xmlFor('DRIVING_LICENCE', 0), 'Photo');
		expect(first(xmlFor('DRIVING_LICENCE', 0), 'Photo')).toEqual({ format: 'JPG' });
		expect([...Buffer.from(photo, 'base64').subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
		expect(elements(xmlFor('MARKSHEET', 1), 'Subject')).toHaveLength(5);
		expect(xmlFor('MARKSHEET', 1)).toMatch(/<Performance [^>]*>\s*<Subjects>\s*<Subject /);
	});

	it('e-Aadhaar: masked uid, local script, and a Poa without house and street', () => {
		const asha = xmlFor('EAADHAAR', 0, 'eaadhaar');
		const kiran = xmlFor('EAADHAAR', 2, 'eaadhaar');
		expect(first(asha, 'UidData').uid).toBe('xxxxxxxx2346');
		expect(first(asha, 'LData').name).toMatch(/^[\u0C80-\u0CFF ]+$/);
		expect(first(kiran, 'LData').name).toMatch(/^[\u0900-\u097F ]+$/);
		expect(Object.keys(first(kiran, 'Poa'))).not.toEqual(expect.arrayContaining(['house']));
		expect(Object.keys(first(kiran, 'Poa'))).not.toEqual(expect.arrayContaining(['street']));
	});

	it('only one document holds a full Aadhaar-like number: the PAN record in layout 0', () => {
		const full = DOCUMENT_FAMILIES.filter((e) => /\b234123412346\b/.test(xmlOf(e)));
		expect(full.map((e) => e.uri)).toEqual(['in.gov.sim.pan-PANCR-SIMPV7898J']);
		expect(isAadhaarLike(first(xmlOf(full[0]), 'Person').uid)).toBe(true);
		for (const entry of DOCUMENT_FAMILIES) {
			for (const tag of ['Person', 'UidData']) {
				for (const { uid } of elements(xmlOf(entry), tag)) {
					if (entry !== full[0]) expect(uid ?? '').toMatch(/^(x{8}\d{4})?$/);
				}
			}
		}
	});

	it('the Verhoeff check of the test reader agrees with the fact sheet vectors', () => {
		expect(isAadhaarLike('234123412346')).toBe(true);
		expect(isAadhaarLike('234123412347')).toBe(false);
		expect(isAadhaarLike('123412341234')).toBe(false);
	});
});

it('never needed a 500 for its own bugs', () => {
	expect(sim.serverErrors).toEqual([]);
});
