import { X509Certificate } from 'node:crypto';

/** The signer certificate as the output reports it. */
export interface SignerFacts {
	subject: string;
	issuer: string;
	serial: string;
	not_before: string;
	not_after: string;
	/** Outside its validity period now (expired, or not yet valid): reported, never hidden. */
	expired: boolean;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** Every certificate in a PEM text (one or more blocks; anything between blocks is ignored). */
export function readPemCertificates(text: string): X509Certificate[] {
	const certificates: X509Certificate[] = [];
	for (const match of text.matchAll(PEM_BLOCK)) {
		certificates.push(new X509Certificate(decodeBase64(match[1])));
	}
	return certificates;
}

/** Base64 that may carry spaces, line breaks or a resolved `&#13;`; undefined when not Base64 once they are gone. */
export function decodeBase64Lenient(text: string): Buffer | undefined {
	const compact = text.replace(/[\s\r]/g, '');
	if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) {
		return undefined;
	}
	return Buffer.from(compact, 'base64');
}

function decodeBase64(text: string): Buffer {
	const bytes = decodeBase64Lenient(text);
	if (!bytes) throw new Error('a PEM block is not Base64');
	return bytes;
}

/** "CN=…, O=…, C=…" from node's one-per-line form. */
export const distinguishedName = (multiline: string) =>
	multiline.split('\n').filter(Boolean).join(', ');

export function signerFacts(certificate: X509Certificate, now: Date): SignerFacts {
	const notBefore = new Date(certificate.validFrom);
	const notAfter = new Date(certificate.validTo);
	return {
		subject: distinguishedName(certificate.subject),
		issuer: distinguishedName(certificate.issuer),
		serial: certificate.serialNumber.toUpperCase(),
		not_before: notBefore.toISOString(),
		not_after: notAfter.toISOString(),
		expired: now < notBefore || now > notAfter,
	};
}

const MAX_CHAIN = 8;

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
	try {
		return issuer.ca && certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
	} catch {
		return false;
	}
}

/**
 * The trusted certificate the signer chains to: the signer itself, or a CA that issued it directly or through CA
 * certificates from `intermediates` (KeyInfo's, never trusted on their own). Signatures, names and the CA flag are
 * checked; validity periods are reported, not judged (DigiLocker's documents outlive their signer certificates);
 * revocation is not checked.
 */
export function trustAnchor(
	signer: X509Certificate,
	intermediates: readonly X509Certificate[],
	trusted: readonly X509Certificate[],
): X509Certificate | undefined {
	const visited = new Set<string>();
	const walk = (certificate: X509Certificate, depth: number): X509Certificate | undefined => {
		const anchor = trusted.find(
			(candidate) =>
				candidate.fingerprint256 === certificate.fingerprint256 || issuedBy(certificate, candidate),
		);
		if (anchor || depth >= MAX_CHAIN) return anchor;
		visited.add(certificate.fingerprint256);
		for (const next of intermediates) {
			if (visited.has(next.fingerprint256) || !issuedBy(certificate, next)) continue;
			const found = walk(next, depth + 1);
			if (found) return found;
		}
		return undefined;
	};
	return walk(signer, 0);
}
