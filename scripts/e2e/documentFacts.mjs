// Checks on documents as data in real n8n: the documents example's "Facts Only" branch (Get Certificate XML, Parsed
// Facts), and Parse XML and Get E-Aadhaar (Parsed Facts) in the operations workflow. The Aadhaar check uses the
// package's own built Verhoeff test (dist/), the same one the node masks with.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

import { repoDir } from '../real-n8n/n8n-bin.mjs';
import { assert } from './checks.mjs';

const require = createRequire(import.meta.url);
const { isLikelyAadhaar } = require(`${repoDir}/dist/nodes/DigiLocker/document/facts/aadhaar.js`);

/** Every 12-digit run (together, spaced or dashed) in the items' JSON that passes Aadhaar's checks. */
export function fullAadhaarNumbersIn(items) {
	return [...JSON.stringify(items).matchAll(/(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)/g)]
		.map((match) => match[0].replace(/\D/g, ''))
		.filter(isLikelyAadhaar);
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The "Facts Only" items of one run of the documents example, against the simulator's documents. */
export function checkFactsOnly(facts, { sim, user, withXml }) {
	assert.deepEqual(
		facts.map((item) => item.data?.uri),
		withXml.map((doc) => doc.uri),
	);
	for (const item of facts) {
		assert.equal(item.success, true, JSON.stringify(item).slice(0, 300));
		const expectedFormat = item.data.uri.includes('-ADHAR-') ? 'e-aadhaar' : 'certificate';
		assert.equal(item.data.format, expectedFormat, item.data.uri);
		assert.equal(item.data.sha256, sha256(sim.readXml(item.data.uri, user)));
		const holder = expectedFormat === 'certificate' ? item.data.holder : item.data;
		assert.match(holder.name, /asha simulated verma/i);
		assert.equal(holder.dob, '1990-03-05');
		assert.equal(item.data.fields, undefined, 'Minimal detail keeps no document fields');
		// Verify Signature, with the simulator's test CA as the credential's Trusted Certificates
		assert.equal(item.data.signature?.valid, true, JSON.stringify(item.data.signature));
		assert.equal(item.data.signature.chain_trusted, true, JSON.stringify(item.data.signature));
		assert.match(item.data.signature.trusted_by, /Simulated CCA India 2022/);
	}
	assert.deepEqual(fullAadhaarNumbersIn(facts), []);
}

/** Parse XML (Full, photo in aadhaar_photo) of the e-Aadhaar binary, and Get E-Aadhaar with Parsed Facts. */
export function checkEAadhaarFacts(first) {
	const parsed = first('Parse E-Aadhaar');
	assert.equal(parsed.json.success, true, JSON.stringify(parsed.json).slice(0, 300));
	assert.equal(parsed.json.data.format, 'e-aadhaar');
	assert.equal(parsed.json.data.name, 'Asha Simulated Verma');
	assert.equal(parsed.json.data.local_language?.language, '07');
	assert.equal(parsed.binary?.aadhaar_photo?.mimeType, 'image/jpeg');
	assert.ok(parsed.binary?.eaadhaar, 'the input binary is kept');
	// Verify Signature (On Failure: Fail), trusting the simulator CA from the credential: DigiLocker's e-Aadhaar shape,
	// exclusive c14n and RSA-SHA1 with four certificates in KeyInfo (leaf, root, CA, sub-CA)
	assert.deepEqual(
		{ ...parsed.json.data.signature, signer: undefined, trusted_by: undefined },
		{
			present: true,
			valid: true,
			algorithm: 'rsa-sha1',
			digest_algorithm: 'sha256',
			canonicalization: 'exc-c14n',
			chain_trusted: true,
			signer: undefined,
			trusted_by: undefined,
		},
	);

	const minimal = first('E-Aadhaar Facts');
	assert.equal(minimal.json.success, true, JSON.stringify(minimal.json).slice(0, 300));
	assert.equal(minimal.json.data.aadhaar_last4, parsed.json.data.aadhaar_last4);
	assert.match(minimal.json.data.aadhaar_last4, /^\d{4}$/);
	assert.equal(minimal.json.data.local_language, undefined);
	assert.equal(minimal.json.data.signature?.valid, true, JSON.stringify(minimal.json.data));
	assert.equal(minimal.json.data.signature.chain_trusted, true);
	// Parsed Facts adds no binary (Minimal: no photo, no XML); the item's own binaries pass through
	assert.deepEqual(
		Object.keys(minimal.binary ?? {}).sort(),
		Object.keys(parsed.binary ?? {}).sort(),
	);
	assert.deepEqual(fullAadhaarNumbersIn([parsed.json, minimal.json]), []);
}
