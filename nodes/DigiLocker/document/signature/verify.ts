import { constants, createHash, verify, X509Certificate } from 'node:crypto';

import {
	canonicalizeDocument,
	canonicalizeElement,
	namespaceOfName,
	namespacesInScope,
	type C14nOptions,
} from '../../xml/canonicalize';
import { readXmlDocument } from '../../xml/reader';
import type { MarkedXmlElement, XmlDocument } from '../../xml/tree';
import {
	decodeBase64Lenient,
	signerFacts,
	trustAnchor,
	distinguishedName,
	type SignerFacts,
} from './certificates';

/** What `signature` in the output says. */
export interface SignatureReport {
	present: boolean;
	valid: boolean;
	reason?: string;
	algorithm?: string;
	digest_algorithm?: string;
	canonicalization?: string;
	signer?: SignerFacts;
	chain_trusted: boolean;
	trusted_by?: string;
}

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const W3 = 'http://www.w3.org';

const CANONICALIZATIONS: Record<string, { name: string; options: Omit<C14nOptions, 'exclude'> }> = {
	[`${W3}/TR/2001/REC-xml-c14n-20010315`]: {
		name: 'c14n',
		options: { exclusive: false, comments: false },
	},
	[`${W3}/TR/2001/REC-xml-c14n-20010315#WithComments`]: {
		name: 'c14n-with-comments',
		options: { exclusive: false, comments: true },
	},
	[`${W3}/2001/10/xml-exc-c14n#`]: {
		name: 'exc-c14n',
		options: { exclusive: true, comments: false },
	},
	[`${W3}/2001/10/xml-exc-c14n#WithComments`]: {
		name: 'exc-c14n-with-comments',
		options: { exclusive: true, comments: true },
	},
};

const SIGNATURE_METHODS: Record<string, { name: string; hash: string }> = {
	[`${DSIG}rsa-sha1`]: { name: 'rsa-sha1', hash: 'sha1' },
	[`${W3}/2001/04/xmldsig-more#rsa-sha256`]: { name: 'rsa-sha256', hash: 'sha256' },
};

const DIGEST_METHODS: Record<string, { name: string; hash: string }> = {
	[`${DSIG}sha1`]: { name: 'sha1', hash: 'sha1' },
	[`${W3}/2001/04/xmlenc#sha256`]: { name: 'sha256', hash: 'sha256' },
};

const ENVELOPED = `${DSIG}enveloped-signature`;

/** Why the signature does not hold; becomes `reason`. */
class SignatureError extends Error {}

interface Located {
	element: MarkedXmlElement;
	/** Outermost first, not including the element. */
	ancestors: MarkedXmlElement[];
}

/**
 * Verifies the enveloped XML-DSig signature of a document, reading only what the signature digests. `trusted` are the
 * configured CA or signer certificates; without them `chain_trusted` is false, whatever KeyInfo says.
 */
export function verifyXmlSignature(
	bytes: Buffer,
	trusted: readonly X509Certificate[],
	now: Date,
): SignatureReport {
	const report: SignatureReport = { present: false, valid: false, chain_trusted: false };
	try {
		check(bytes, trusted, now, report);
		report.valid = true;
	} catch (error) {
		// Anything unforeseen is a signature that does not hold, never a pass.
		report.valid = false;
		report.reason =
			error instanceof SignatureError
				? error.message
				: `the signature could not be checked (${error instanceof Error ? error.name : typeof error})`;
	}
	return report;
}

function check(
	bytes: Buffer,
	trusted: readonly X509Certificate[],
	now: Date,
	report: SignatureReport,
): void {
	const document = readOrExplain(bytes);
	if (typeof document === 'string') {
		throw new SignatureError(`the document is not XML the node can read: ${document}`);
	}
	const { root } = document;
	const rootScope = namespacesInScope(root, new Map());
	const signatures = dsigChildren(root, rootScope, 'Signature');
	if (signatures.length === 0) {
		if (findAnywhere(root, rootScope, 'Signature')) {
			report.present = true;
			throw new SignatureError('the Signature element is not a child of the root element');
		}
		throw new SignatureError('the document has no XML signature');
	}
	report.present = true;
	if (signatures.length > 1)
		throw new SignatureError('the root element has more than one Signature');
	const signature = signatures[0];
	const signatureScope = namespacesInScope(signature, rootScope);

	const parts = dsigChildren(signature, signatureScope);
	if (parts[0]?.name === undefined || localOf(parts[0].name) !== 'SignedInfo') {
		throw new SignatureError('Signature does not start with SignedInfo');
	}
	if (parts[1] === undefined || localOf(parts[1].name) !== 'SignatureValue') {
		throw new SignatureError('SignedInfo is not followed by SignatureValue');
	}
	if (parts.filter((part) => localOf(part.name) === 'SignedInfo').length !== 1) {
		throw new SignatureError('Signature has more than one SignedInfo');
	}
	const [signedInfo, signatureValue] = parts;
	const signedInfoScope = namespacesInScope(signedInfo, signatureScope);
	const infoParts = dsigChildren(signedInfo, signedInfoScope);
	const [c14nMethod, signatureMethod, ...references] = infoParts;
	if (c14nMethod === undefined || localOf(c14nMethod.name) !== 'CanonicalizationMethod') {
		throw new SignatureError('SignedInfo does not start with CanonicalizationMethod');
	}
	if (signatureMethod === undefined || localOf(signatureMethod.name) !== 'SignatureMethod') {
		throw new SignatureError('CanonicalizationMethod is not followed by SignatureMethod');
	}
	if (references.length === 0 || references.some((r) => localOf(r.name) !== 'Reference')) {
		throw new SignatureError(
			'SignedInfo must hold one or more Reference elements after SignatureMethod',
		);
	}
	if (elementChildren(signedInfo).length !== infoParts.length) {
		throw new SignatureError('SignedInfo holds elements outside the XML-DSig namespace');
	}

	const c14n = canonicalization(c14nMethod, signedInfoScope);
	report.canonicalization = c14n.name;
	const method = SIGNATURE_METHODS[algorithmOf(signatureMethod)];
	if (!method) {
		throw new SignatureError(
			`SignatureMethod ${algorithmOf(signatureMethod) || '(none)'} is not accepted`,
		);
	}
	report.algorithm = method.name;
	const digestNames = new Set<string>();
	for (const reference of references) {
		const digest =
			DIGEST_METHODS[algorithmOf(dsigChild(reference, signedInfoScope, 'DigestMethod'))];
		if (digest) digestNames.add(digest.name);
	}
	report.digest_algorithm = [...digestNames].join(',') || undefined;

	const certificates = keyInfoCertificates(signature, signatureScope);
	if (certificates.length === 0) {
		throw new SignatureError('KeyInfo has no X509Certificate to verify the signature with');
	}
	const signatureBytes = decodeBase64Lenient(textOf(signatureValue));
	if (!signatureBytes) throw new SignatureError('SignatureValue is not Base64');

	const signedInfoCanonical = Buffer.from(
		canonicalizeElement(signedInfo, [root, signature], c14n.options),
		'utf8',
	);
	const signer = certificates.find((certificate) =>
		verifies(method.hash, signedInfoCanonical, certificate, signatureBytes),
	);
	report.signer = signerFacts(signer ?? likelyLeaf(certificates), now);
	if (signer) {
		const anchor = trustAnchor(
			signer,
			certificates.filter((c) => c !== signer),
			trusted,
		);
		report.chain_trusted = anchor !== undefined;
		if (anchor) report.trusted_by = distinguishedName(anchor.subject);
	}
	if (!signer) {
		throw new SignatureError(
			'SignatureValue does not verify over SignedInfo with the certificate in KeyInfo (SignedInfo, a digest or the signature value was changed, or the certificate is not the signer)',
		);
	}

	let coversDocument = false;
	references.forEach((reference, index) => {
		const covered = checkReference(document, signature, reference, signedInfoScope, index + 1);
		if (covered === root) coversDocument = true;
	});
	if (!coversDocument) {
		throw new SignatureError(
			'no Reference covers the whole document, so its data is not what was signed',
		);
	}
}

/** Digests the node a Reference names and compares; gives back that node. */
function checkReference(
	document: XmlDocument,
	signature: MarkedXmlElement,
	reference: MarkedXmlElement,
	scope: ReadonlyMap<string, string>,
	number: number,
): MarkedXmlElement {
	const label = `Reference ${number}`;
	const referenceScope = namespacesInScope(reference, scope);
	const uri = reference.attributes.get('URI');
	if (uri === undefined) throw new SignatureError(`${label} has no URI`);
	let target: Located;
	if (uri === '') {
		target = { element: document.root, ancestors: [] };
	} else if (/^#[^#]+$/.test(uri)) {
		const found = findById(document.root, uri.slice(1));
		if (found.length !== 1) {
			throw new SignatureError(
				`${label} points at ${uri}, which ${found.length === 0 ? 'no element has' : 'more than one element has'} as its ID`,
			);
		}
		target = found[0];
	} else {
		throw new SignatureError(
			`${label} URI "${uri.slice(0, 80)}" is not accepted: only "" or "#id"`,
		);
	}

	const parts = dsigChildren(reference, referenceScope);
	let at = 0;
	let enveloped = false;
	let c14n: C14nOptions = { exclusive: false, comments: false };
	if (parts[at] && localOf(parts[at].name) === 'Transforms') {
		const transformsScope = namespacesInScope(parts[at], referenceScope);
		const transforms = dsigChildren(parts[at], transformsScope);
		transforms.forEach((transform, index) => {
			const algorithm = algorithmOf(transform);
			if (localOf(transform.name) !== 'Transform')
				throw new SignatureError(`${label} has a malformed Transforms`);
			if (algorithm === ENVELOPED && index === 0) enveloped = true;
			else if (CANONICALIZATIONS[algorithm] && index === transforms.length - 1) {
				c14n = canonicalization(transform, transformsScope).options;
			} else {
				throw new SignatureError(
					`${label} transform ${algorithm || '(none)'} is not accepted here`,
				);
			}
		});
		at++;
	}
	const digestMethod = parts[at];
	const digestValue = parts[at + 1];
	if (!digestMethod || localOf(digestMethod.name) !== 'DigestMethod') {
		throw new SignatureError(`${label} has no DigestMethod`);
	}
	if (!digestValue || localOf(digestValue.name) !== 'DigestValue' || parts.length !== at + 2) {
		throw new SignatureError(`${label} must end with one DigestValue`);
	}
	const digest = DIGEST_METHODS[algorithmOf(digestMethod)];
	if (!digest)
		throw new SignatureError(
			`${label} DigestMethod ${algorithmOf(digestMethod) || '(none)'} is not accepted`,
		);
	const expected = decodeBase64Lenient(textOf(digestValue));
	if (!expected) throw new SignatureError(`${label} DigestValue is not Base64`);

	const inSignature = target.element === signature || target.ancestors.includes(signature);
	if (enveloped && inSignature) {
		throw new SignatureError(
			`${label} applies the enveloped-signature transform inside the Signature`,
		);
	}
	// A URI (empty or not) never selects comments: XML-DSig 4.3.3.3.
	const options: C14nOptions = {
		...c14n,
		comments: false,
		exclude: enveloped ? signature : undefined,
	};
	const canonical =
		uri === ''
			? canonicalizeDocument(document, options)
			: canonicalizeElement(target.element, target.ancestors, options);
	const actual = createHash(digest.hash).update(canonical, 'utf8').digest();
	if (!actual.equals(expected)) {
		throw new SignatureError(
			`${label} (URI "${uri.slice(0, 80)}"): the ${digest.name} digest of the signed data does not match its DigestValue, so the document was changed after signing`,
		);
	}
	return target.element;
}

function canonicalization(
	method: MarkedXmlElement,
	scope: ReadonlyMap<string, string>,
): { name: string; options: C14nOptions } {
	const algorithm = algorithmOf(method);
	const known = CANONICALIZATIONS[algorithm];
	if (!known) throw new SignatureError(`canonicalization ${algorithm || '(none)'} is not accepted`);
	if (!known.options.exclusive) return known;
	const methodScope = namespacesInScope(method, scope);
	const inclusive = elementChildren(method).find(
		(child) =>
			localOf(child.name) === 'InclusiveNamespaces' &&
			namespaceOfName(child.name, namespacesInScope(child, methodScope)) ===
				`${W3}/2001/10/xml-exc-c14n#`,
	);
	const list = inclusive?.attributes.get('PrefixList')?.trim();
	return {
		name: known.name,
		options: { ...known.options, inclusivePrefixes: list ? list.split(/[ \t\n\r]+/) : [] },
	};
}

function verifies(
	hash: string,
	data: Buffer,
	certificate: X509Certificate,
	signature: Buffer,
): boolean {
	if (certificate.publicKey.asymmetricKeyType !== 'rsa') return false;
	try {
		return verify(
			hash,
			data,
			{ key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
			signature,
		);
	} catch {
		return false;
	}
}

/** For the report when nothing verifies: the certificate that issued none of the others. */
function likelyLeaf(certificates: X509Certificate[]): X509Certificate {
	return (
		certificates.find((candidate) =>
			certificates.every((other) => other === candidate || !other.checkIssued(candidate)),
		) ?? certificates[0]
	);
}

function keyInfoCertificates(
	signature: MarkedXmlElement,
	scope: ReadonlyMap<string, string>,
): X509Certificate[] {
	const certificates: X509Certificate[] = [];
	for (const keyInfo of dsigChildren(signature, scope, 'KeyInfo')) {
		const keyInfoScope = namespacesInScope(keyInfo, scope);
		for (const data of dsigChildren(keyInfo, keyInfoScope, 'X509Data')) {
			const dataScope = namespacesInScope(data, keyInfoScope);
			for (const element of dsigChildren(data, dataScope, 'X509Certificate')) {
				const der = decodeBase64Lenient(textOf(element));
				if (!der) throw new SignatureError('an X509Certificate in KeyInfo is not Base64');
				const certificate = certificateOrUndefined(der);
				if (!certificate) {
					throw new SignatureError('an X509Certificate in KeyInfo is not a certificate');
				}
				certificates.push(certificate);
			}
		}
	}
	return certificates;
}

function readOrExplain(bytes: Buffer): XmlDocument | string {
	try {
		return readXmlDocument(bytes);
	} catch (error) {
		return error instanceof Error ? error.message : 'unreadable';
	}
}

function certificateOrUndefined(der: Buffer): X509Certificate | undefined {
	try {
		return new X509Certificate(der);
	} catch {
		return undefined;
	}
}

const localOf = (name: string) => name.slice(name.indexOf(':') + 1);

const elementChildren = (element: MarkedXmlElement) =>
	element.children.filter(
		(child): child is MarkedXmlElement => typeof child !== 'string' && !('kind' in child),
	);

/** Child elements in the XML-DSig namespace (matched by URI, not prefix), optionally of one local name. */
function dsigChildren(
	element: MarkedXmlElement,
	scope: ReadonlyMap<string, string>,
	local?: string,
): MarkedXmlElement[] {
	return elementChildren(element).filter(
		(child) =>
			(local === undefined || localOf(child.name) === local) &&
			namespaceOfName(child.name, namespacesInScope(child, scope)) === DSIG,
	);
}

const dsigChild = (element: MarkedXmlElement, scope: ReadonlyMap<string, string>, local: string) =>
	dsigChildren(element, namespacesInScope(element, scope), local)[0];

function findAnywhere(
	element: MarkedXmlElement,
	scope: ReadonlyMap<string, string>,
	local: string,
): boolean {
	for (const child of elementChildren(element)) {
		const childScope = namespacesInScope(child, scope);
		if (localOf(child.name) === local && namespaceOfName(child.name, childScope) === DSIG)
			return true;
		if (findAnywhere(child, childScope, local)) return true;
	}
	return false;
}

const ID_ATTRIBUTES = ['Id', 'ID', 'id'];

function findById(root: MarkedXmlElement, id: string): Located[] {
	const found: Located[] = [];
	const walk = (element: MarkedXmlElement, ancestors: MarkedXmlElement[]) => {
		if (ID_ATTRIBUTES.some((name) => element.attributes.get(name) === id)) {
			found.push({ element, ancestors });
		}
		const inside = [...ancestors, element];
		for (const child of elementChildren(element)) walk(child, inside);
	};
	walk(root, []);
	return found;
}

/** All text of an element, comments between runs ignored (never only the first run). */
const textOf = (element: MarkedXmlElement) =>
	element.children.filter((child): child is string => typeof child === 'string').join('');

const algorithmOf = (element: MarkedXmlElement | undefined) =>
	element?.attributes.get('Algorithm') ?? '';
