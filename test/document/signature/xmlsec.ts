/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test-only: runs openssl and xmlsec1 (apt when missing), writes temp files */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An independent signer for the verifier's tests: xmlsec1 (Debian package xmlsec1) signs templates with keys and
 * certificates the openssl CLI makes in the test run. Nothing here uses the package's own code.
 */

const has = (command: string) =>
	spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;

/** xmlsec1 on the PATH, installed with apt when missing; a loud reason when that is impossible. */
export function ensureXmlsec(): string | undefined {
	if (has('xmlsec1')) return undefined;
	const root = process.getuid?.() === 0;
	const sudo = !root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
	if (!root && !sudo) return 'xmlsec1 is missing and apt cannot run here (not root, no sudo)';
	const apt = (args: string[]) =>
		spawnSync(sudo ? 'sudo' : 'apt-get', sudo ? ['apt-get', ...args] : args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			timeout: 300_000,
		});
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', 'xmlsec1']);
	return has('xmlsec1') ? undefined : 'xmlsec1 is missing and apt-get install xmlsec1 failed';
}

export interface Pki {
	dir: string;
	caPem: string;
	subCaPem: string;
	signerKey: string;
	signerPem: string;
	/** A key and self-made certificate that no one trusts. */
	otherKey: string;
	otherPem: string;
	cleanup(): void;
}

function openssl(dir: string, args: string[]): void {
	execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A root CA, a sub-CA it issued, a signer the sub-CA issued; and an untrusted self-signed pair. */
export function makePki(): Pki {
	const dir = mkdtempSync(join(tmpdir(), 'dsig-test-'));
	const ext = (name: string, text: string) => writeFileSync(join(dir, name), text);
	ext('ca.ext', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
	ext(
		'leaf.ext',
		'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
	);
	const key = (name: string) =>
		openssl(dir, [
			'genpkey',
			'-algorithm',
			'RSA',
			'-pkeyopt',
			'rsa_keygen_bits:2048',
			'-out',
			name,
		]);
	key('ca.key');
	openssl(dir, [
		'req',
		'-x509',
		'-new',
		'-key',
		'ca.key',
		'-subj',
		'/C=IN/O=Test PKI/CN=Test Root CA',
		'-days',
		'3650',
		'-out',
		'ca.pem',
		'-addext',
		'basicConstraints=critical,CA:TRUE',
		'-addext',
		'keyUsage=critical,keyCertSign,cRLSign',
	]);
	const issue = (name: string, subject: string, issuer: string, extFile: string) => {
		key(`${name}.key`);
		openssl(dir, ['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`]);
		openssl(dir, [
			'x509',
			'-req',
			'-in',
			`${name}.csr`,
			'-CA',
			`${issuer}.pem`,
			'-CAkey',
			`${issuer}.key`,
			'-CAcreateserial',
			'-days',
			'825',
			'-extfile',
			extFile,
			'-out',
			`${name}.pem`,
		]);
	};
	issue('subca', '/C=IN/O=Test PKI/CN=Test Sub-CA for Document Signer', 'ca', 'ca.ext');
	issue('signer', '/C=IN/O=Test Issuer/CN=DS TEST DOCUMENT SIGNER 1', 'subca', 'leaf.ext');
	key('other.key');
	openssl(dir, [
		'req',
		'-x509',
		'-new',
		'-key',
		'other.key',
		'-subj',
		'/CN=DS TEST DOCUMENT SIGNER 1',
		'-days',
		'365',
		'-out',
		'other.pem',
	]);
	const read = (name: string) => readFileSync(join(dir, name), 'utf8');
	return {
		dir,
		caPem: read('ca.pem'),
		subCaPem: read('subca.pem'),
		signerKey: join(dir, 'signer.key'),
		signerPem: read('signer.pem'),
		otherKey: join(dir, 'other.key'),
		otherPem: read('other.pem'),
		cleanup: () => rmSync(dir, { recursive: true, force: true }),
	};
}

let counter = 0;

/**
 * Signs a template with xmlsec1. `certificates` go into KeyInfo/X509Data in the order given (leaf first unless told).
 * `idAttributes`: `Element:Attr` pairs xmlsec1 should treat as IDs (for `#id` references).
 */
export function xmlsecSign(
	pki: Pki,
	template: string,
	{
		key,
		certificates,
		idAttributes = [],
	}: { key: string; certificates: string[]; idAttributes?: string[] },
): Buffer {
	const n = ++counter;
	const input = join(pki.dir, `t${n}.xml`);
	const output = join(pki.dir, `s${n}.xml`);
	const certFiles = certificates.map((pem, i) => {
		const file = join(pki.dir, `c${n}-${i}.pem`);
		writeFileSync(file, pem);
		return file;
	});
	writeFileSync(input, template);
	const ids = idAttributes.flatMap((pair) => {
		const [element, attribute] = pair.split(':');
		return [`--id-attr:${attribute}`, element];
	});
	execFileSync(
		'xmlsec1',
		['--sign', ...ids, '--privkey-pem', [key, ...certFiles].join(','), '--output', output, input],
		{ stdio: 'pipe' },
	);
	return readFileSync(output);
}

/** xmlsec1's own verdict on a signed document, against the test CA (a sanity check of the fixtures). */
export function xmlsecVerifies(pki: Pki, signed: Buffer, idAttributes: string[] = []): boolean {
	const file = join(pki.dir, `v${++counter}.xml`);
	writeFileSync(file, signed);
	const ca = join(pki.dir, 'ca.pem');
	const subca = join(pki.dir, 'subca.pem');
	const ids = idAttributes.flatMap((pair) => {
		const [element, attribute] = pair.split(':');
		return [`--id-attr:${attribute}`, element];
	});
	return (
		spawnSync(
			'xmlsec1',
			['--verify', ...ids, '--trusted-pem', ca, '--untrusted-pem', subca, file],
			{
				stdio: 'pipe',
			},
		).status === 0
	);
}
