import type { X509Certificate } from 'node:crypto';

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPemCertificates } from '../../document/signature/certificates';
import { verifyXmlSignature, type SignatureReport } from '../../document/signature/verify';
import { DigiLockerError, validationError } from '../../helpers/errors';
import type { DigiLockerApp } from '../../helpers/appConfig';

export type SignatureFailureMode = 'report' | 'fail';

/** Verify Signature, Trusted Certificates and On Failure: on Get Certificate XML, Get E-Aadhaar and Parse XML. */
export const signatureProperties: INodeProperties[] = [
	{
		displayName: 'Verify Signature',
		name: 'verifySignature',
		type: 'boolean',
		default: false,
		description:
			"Whether to verify the XML digital signature inside the document (the issuer's or DigiLocker's) and give the result in data.signature: valid, reason, algorithms, signer certificate, and whether it chains to a Trusted Certificate",
	},
	{
		displayName: 'Trusted Certificates',
		name: 'trustedCertificates',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----',
		description:
			"PEM CA or signer certificates the signer must chain to, added to the credential's. Without any, chain_trusted is always false: the certificate inside the document is never trusted on its own.",
		displayOptions: { show: { verifySignature: [true] } },
	},
	{
		displayName: 'On Failure',
		name: 'signatureOnFailure',
		type: 'options',
		options: [
			{
				name: 'Report',
				value: 'report',
				description: 'The item succeeds; data.signature.valid is false with a reason',
			},
			{
				name: 'Fail',
				value: 'fail',
				description:
					'The item fails with INTEGRITY_ERROR when the signature is missing or does not hold, or does not chain to a Trusted Certificate when some are given',
			},
		],
		default: 'report',
		displayOptions: { show: { verifySignature: [true] } },
	},
];

export interface SignatureSettings {
	trusted: X509Certificate[];
	onFailure: SignatureFailureMode;
}

function readCertificates(text: string, where: string): X509Certificate[] {
	if (text.trim() === '') return [];
	let certificates: X509Certificate[] = [];
	let readable = true;
	try {
		certificates = readPemCertificates(text);
	} catch {
		readable = false;
	}
	if (!readable || certificates.length === 0) {
		throw validationError(
			`Trusted Certificates of the ${where} are not PEM certificates`,
			'Paste one or more blocks from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
		);
	}
	return certificates;
}

/** The signature settings, or undefined when Verify Signature is off. */
export function readSignatureSettings(
	this: IExecuteFunctions,
	itemIndex: number,
	app: DigiLockerApp,
): SignatureSettings | undefined {
	const verify = this.getNodeParameter('verifySignature', itemIndex, false);
	if (typeof verify !== 'boolean') throw validationError('Verify Signature must be true or false');
	if (!verify) return undefined;
	const onFailure = this.getNodeParameter('signatureOnFailure', itemIndex, 'report');
	if (onFailure !== 'report' && onFailure !== 'fail') {
		throw validationError('On Failure must be "report" or "fail"');
	}
	const own = this.getNodeParameter('trustedCertificates', itemIndex, '');
	if (typeof own !== 'string') throw validationError('Trusted Certificates must be text');
	return {
		trusted: [
			...readCertificates(app.trustedCertificates ?? '', 'credential'),
			...readCertificates(own, 'node'),
		],
		onFailure,
	};
}

/**
 * `{ signature }` for the output, or nothing when Verify Signature is off. With On Failure "fail", a signature that
 * is missing or does not hold, or that does not chain while Trusted Certificates are given, is an INTEGRITY_ERROR.
 */
export function checkSignature(
	bytes: Buffer,
	settings: SignatureSettings | undefined,
	now: Date,
): { signature?: IDataObject } {
	if (!settings) return {};
	const report = verifyXmlSignature(bytes, settings.trusted, now);
	if (settings.onFailure === 'fail') failOn(report, settings.trusted.length > 0);
	return { signature: report as unknown as IDataObject };
}

function failOn(report: SignatureReport, trustRequired: boolean): void {
	if (!report.valid) {
		throw new DigiLockerError(
			'INTEGRITY_ERROR',
			`The document's XML signature does not hold: ${report.reason ?? 'unknown reason'}`,
			{
				hint: 'The document was changed after signing, or is not signed. Set On Failure to Report to keep it with signature.valid false.',
			},
		);
	}
	if (trustRequired && !report.chain_trusted) {
		throw new DigiLockerError(
			'INTEGRITY_ERROR',
			`The document's signer (${report.signer?.subject ?? 'unknown'}) does not chain to a Trusted Certificate`,
			{
				hint: "Add the signer's CA (e.g. the CCA India root) to Trusted Certificates, or set On Failure to Report.",
			},
		);
	}
}
