import { createHash, randomBytes } from 'node:crypto';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { isLikelyAadhaar } from '../../../nodes/DigiLocker/document/facts/aadhaar';
import { testApp } from '../../fixtures';
import { startTestSimulator, type Simulator } from '../authorization/consentFlow';
import { runDigiLockerNode } from '../../engine/harness';
import { credentialsFor } from '../authorization/consentFlow';
import { runDocumentNode } from '../documentFlow';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the simulator is plain CommonJS
const { DOCUMENT_FAMILIES } = require('../../simulator/document-families') as {
	DOCUMENT_FAMILIES: FamilyDocument[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFixture } = require('../../simulator/documents-seed') as {
	readFixture: (name: string) => Buffer;
};

interface FamilyDocument {
	family: string;
	doctype: string;
	source: 'xml' | 'eaadhaar' | 'fixture';
	uri: string;
	user: string;
	layout: string;
	facts: {
		name: string;
		dob: string;
		gender: string;
		address: Record<string, string> | null;
		documentNumber: string | null;
		issuer: { name: string; code: string | null } | null;
		issueDate: string | null;
		aadhaarLast4: string | null;
		extra?: Record<string, string>;
	};
}

/** A live access token of one seeded user, straight from the simulator (PKCE and Basic auth by hand). */
async function tokenFor(sim: Simulator, userId: string): Promise<string> {
	const verifier = randomBytes(32).toString('base64url');
	const { code } = sim.authorize({
		clientId: testApp.clientId,
		redirectUri: testApp.redirectUri,
		codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
		state: 'families',
		userId,
	}) as { code: string };
	const response = await fetch(`${sim.baseUrl}/oauth2/1/token`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${testApp.clientId}:${testApp.clientSecret}`).toString('base64')}`,
		},
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: testApp.redirectUri,
			code_verifier: verifier,
		}),
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

const ADDRESS_NAMES: Record<string, string> = {
	careOf: 'care_of',
	subDistrict: 'sub_district',
	postOffice: 'post_office',
};

/** The catalogue's hand-written facts in the node's schema. */
function expectedFacts(doc: FamilyDocument): IDataObject {
	const { facts } = doc;
	let address: IDataObject | undefined;
	if (facts.address) {
		address = {};
		for (const [key, value] of Object.entries(facts.address)) {
			if (key !== 'line') address[ADDRESS_NAMES[key] ?? key] = value;
		}
		address.full = expect.stringContaining(facts.address.line ?? facts.address.vtc ?? '');
	}
	const person = {
		name: facts.name,
		dob: facts.dob,
		gender: facts.gender,
		...(address ? { address } : {}),
		...(facts.aadhaarLast4 ? { aadhaar_last4: facts.aadhaarLast4 } : {}),
	};
	if (doc.family === 'EAADHAAR' || doc.family === 'OFFLINE_EKYC') {
		return { format: 'e-aadhaar', document_type: 'ADHAR', ...person };
	}
	return {
		format: 'certificate',
		document_type: doc.doctype,
		number: facts.documentNumber,
		issuer: {
			name: facts.issuer?.name,
			...(facts.issuer?.code ? { code: facts.issuer.code } : {}),
		},
		...(facts.issueDate ? { issue_date: facts.issueDate } : {}),
		...(facts.extra?.validTill ? { valid_to: facts.extra.validTill } : {}),
		holder: person,
	};
}

const fullAadhaarNumbersIn = (value: unknown) =>
	[...JSON.stringify(value).matchAll(/(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)/g)]
		.map((match) => match[0].replace(/\D/g, ''))
		.filter(isLikelyAadhaar);

describe('documents as data: every seeded family, through the node', () => {
	let sim: Simulator;
	const tokens = new Map<string, string>();
	beforeAll(async () => {
		sim = await startTestSimulator();
		for (const user of new Set(DOCUMENT_FAMILIES.map((doc) => doc.user))) {
			tokens.set(user, await tokenFor(sim, user));
		}
	});
	afterAll(async () => await sim.stop());

	/**
	 * Through Parse XML: the offline fixture, and documents whose URI holds a "/" (the simulator's marksheet roll
	 * numbers), which Get Certificate XML refuses before sending (README "Document URIs").
	 */
	const viaParseXml = (doc: FamilyDocument) => doc.source === 'fixture' || doc.uri.includes('/');

	async function run(doc: FamilyDocument, options: IDataObject) {
		if (viaParseXml(doc)) {
			const bytes =
				doc.source === 'fixture'
					? readFixture(doc.uri)
					: (sim.readXml(doc.uri, doc.user) as Buffer);
			const item: INodeExecutionData = {
				json: {},
				binary: {
					data: {
						data: bytes.toString('base64'),
						mimeType: 'application/xml',
						fileName: 'doc.xml',
					},
				},
			};
			const { xmlOutput, ...rest } = options;
			void xmlOutput;
			return await runDocumentNode(
				sim,
				{ resource: 'document', operation: 'parseXml', ...rest } as never,
				{ inputItems: [item] },
			);
		}
		return await runDocumentNode(sim, {
			resource: 'document',
			operation: doc.source === 'xml' ? 'getXml' : 'getEAadhaar',
			accessToken: tokens.get(doc.user) as string,
			...(doc.source === 'xml' ? { uri: doc.uri } : {}),
			...options,
		} as never);
	}

	it.each(
		DOCUMENT_FAMILIES.map((doc) => [`${doc.family} ${doc.uri || doc.source} (${doc.layout})`, doc]),
	)('%s: Parsed Facts, Minimal', async (_label, doc) => {
		const result = await run(doc as FamilyDocument, { xmlOutput: 'parsed' });
		const [item] = result.items!;
		expect(item.json.success).toBe(true);
		expect(item.json.data).toMatchObject(expectedFacts(doc as FamilyDocument));
		expect(fullAadhaarNumbersIn(item.json)).toEqual([]);
		expect(Object.keys(item.binary ?? {})).toEqual(
			viaParseXml(doc as FamilyDocument) ? ['data'] : [],
		);
	});

	it.each(DOCUMENT_FAMILIES.map((doc) => [`${doc.family} ${doc.uri || doc.source}`, doc]))(
		'%s: Both, Full: the raw XML, the facts, the photo when there is one, no full Aadhaar number in the item',
		async (_label, doc) => {
			const family = doc as FamilyDocument;
			const result = await run(family, { xmlOutput: 'both', detail: 'full' });
			const [item] = result.items!;
			const facts = (
				viaParseXml(family) ? item.json.data : (item.json.data as IDataObject).facts
			) as IDataObject;
			expect(facts).toMatchObject(expectedFacts(family));
			expect(fullAadhaarNumbersIn(item.json)).toEqual([]);
			if (family.facts.extra?.localLang) {
				expect(facts.local_language).toMatchObject({
					language: family.facts.extra.localLang,
					name: family.facts.extra.localName,
				});
			}
			const binaries = Object.keys(item.binary ?? {}).sort();
			if (!viaParseXml(family))
				expect(binaries).toContain(family.source === 'xml' ? 'xml' : 'eaadhaar');
			if (item.binary?.photo) expect(item.binary.photo.mimeType).toMatch(/^image\/(jpeg|png)$/);
			if (family.family === 'DRIVING_LICENCE' || family.family === 'EAADHAAR') {
				expect(item.binary?.photo?.mimeType).toBe('image/jpeg');
			}
		},
	);

	it('answers a DigiLocker answer that is not XML it can read (an HTML page) with INVALID_RESPONSE, nothing half-parsed', async () => {
		const doc = DOCUMENT_FAMILIES.find((d) => d.source === 'xml') as FamilyDocument;
		sim.setFault('xml', { type: 'html' });
		try {
			const result = await run(doc, { xmlOutput: 'parsed' });
			expect(result.items![0].json).toMatchObject({
				success: false,
				error: { code: 'INVALID_RESPONSE' },
			});
			expect(result.items![0].json.data).toBeUndefined();
		} finally {
			sim.clearFaults();
		}
	});

	describe('Verify Signature: the simulator signs every seeded document under its test CA', () => {
		let caPem: string;
		beforeAll(async () => {
			caPem = await (await fetch(new URL('/sim/ca.pem', sim.baseUrl))).text();
			expect(caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
		});

		const SIGNED = {
			present: true,
			valid: true,
			digest_algorithm: 'sha256',
			chain_trusted: true,
			trusted_by: expect.stringContaining('CN=Simulated CCA India 2022'),
			signer: {
				subject: expect.stringContaining('CN=DS Simulated National e-Governance Division 1'),
				issuer: expect.stringContaining('sub-CA for Document Signer'),
				expired: false,
			},
		};

		it.each(
			DOCUMENT_FAMILIES.map((doc) => [
				`${doc.family} ${doc.uri || doc.source} (${doc.layout})`,
				doc,
			]),
		)('%s: valid, chained to the CA, in every Output', async (_label, doc) => {
			for (const xmlOutput of ['raw', 'parsed', 'both']) {
				const result = await run(doc as FamilyDocument, {
					xmlOutput,
					verifySignature: true,
					trustedCertificates: caPem,
					signatureOnFailure: 'fail',
				});
				const [item] = result.items!;
				expect(item.json.success).toBe(true);
				expect((item.json.data as IDataObject).signature).toMatchObject(SIGNED);
			}
		});

		const parseXml = async (bytes: Buffer, options: IDataObject, credentials: IDataObject = {}) =>
			await runDigiLockerNode({
				parameters: {
					resource: 'document',
					operation: 'parseXml',
					verifySignature: true,
					...options,
				} as never,
				credentials: { ...credentialsFor(sim, 'basic'), ...credentials },
				inputItems: [
					{
						json: {},
						binary: {
							data: {
								data: bytes.toString('base64'),
								mimeType: 'application/xml',
								fileName: 'doc.xml',
							},
						},
					},
				],
				continueOnFail: true,
			});

		const offline = () => readFixture('offline-ekyc.asha.xml');

		it('takes Trusted Certificates from the credential too; none means KeyInfo is not trusted', async () => {
			const viaCredential = await parseXml(offline(), {}, { trustAnchors: caPem });
			expect((viaCredential.items![0].json.data as IDataObject).signature).toMatchObject({
				valid: true,
				chain_trusted: true,
				algorithm: 'rsa-sha1',
				canonicalization: 'c14n',
			});
			const untrusted = await parseXml(offline(), { signatureOnFailure: 'fail' });
			expect(untrusted.items![0].json.success).toBe(true);
			expect((untrusted.items![0].json.data as IDataObject).signature).toMatchObject({
				valid: true,
				chain_trusted: false,
			});
		});

		it('reports a changed document (the item succeeds), or fails it with INTEGRITY_ERROR', async () => {
			const tampered = Buffer.from(
				offline()
					.toString('utf8')
					.replace(/name="[^"]+"/, 'name="Someone Else"'),
			);
			const reported = await parseXml(tampered, { trustedCertificates: caPem });
			expect(reported.items![0].json.success).toBe(true);
			expect((reported.items![0].json.data as IDataObject).signature).toMatchObject({
				present: true,
				valid: false,
				reason: expect.stringMatching(
					/^Reference 1 \(URI ""\): the sha256 digest .* does not match/,
				),
				chain_trusted: true,
			});
			const failed = await parseXml(tampered, {
				trustedCertificates: caPem,
				signatureOnFailure: 'fail',
			});
			expect(failed.items![0].json).toMatchObject({
				success: false,
				error: { code: 'INTEGRITY_ERROR' },
			});
		});

		it('fails an untrusted signer with INTEGRITY_ERROR when Trusted Certificates are given', async () => {
			const unrelatedCa = readFixture('signing/unrelated.pem').toString('utf8');
			const reported = await parseXml(offline(), { trustedCertificates: unrelatedCa });
			expect((reported.items![0].json.data as IDataObject).signature).toMatchObject({
				valid: true,
				chain_trusted: false,
			});
			const failed = await parseXml(offline(), {
				trustedCertificates: unrelatedCa,
				signatureOnFailure: 'fail',
			});
			expect(failed.items![0].json).toMatchObject({
				success: false,
				error: {
					code: 'INTEGRITY_ERROR',
					message: expect.stringContaining('does not chain to a Trusted Certificate'),
				},
			});
			const bad = await parseXml(offline(), { trustedCertificates: 'not a certificate' });
			expect(bad.items![0].json).toMatchObject({
				success: false,
				error: { code: 'VALIDATION_ERROR' },
			});
		});
	});
});
