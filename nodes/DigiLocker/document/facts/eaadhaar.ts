import type { IDataObject } from 'n8n-workflow';

import type { XmlElement } from '../../xml/tree';
import { attributeOf, childNamed, descend, localName } from '../../xml/query';
import { readAddress } from './address';
import { aadhaarLastFour } from './aadhaar';
import { toIsoDate, toIsoTimestamp } from './dates';
import { toGender } from './gender';
import { readPhoto } from './photo';
import type { Detail, Facts } from './types';

/** The `UidData` of an e-Aadhaar: DigiLocker's `Certificate/CertificateData/KycRes`, a bare `KycRes`, or UIDAI's offline XML. */
export function findAadhaarData(root: XmlElement): XmlElement | undefined {
	const name = localName(root.name);
	if (name === 'OfflinePaperlessKyc' || name === 'KycRes') return childNamed(root, 'UidData');
	if (name === 'Certificate') return descend(root, 'CertificateData', 'KycRes', 'UidData');
	return undefined;
}

/** UIDAI's offline `referenceId`: the last 4 Aadhaar digits, then the time it was made (IST) as YYYYMMDDhhmmssSSS. */
function readReferenceId(referenceId: string | undefined) {
	const match = /^(\d{4})(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(
		referenceId ?? '',
	);
	if (!match) return {};
	const [, lastFour, y, mo, d, h, mi, s, ms] = match;
	return { lastFour, issuedAt: toIsoTimestamp(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}+05:30`) };
}

export function readAadhaar(root: XmlElement, uidData: XmlElement, detail: Detail): Facts {
	const offline = localName(root.name) === 'OfflinePaperlessKyc';
	const kycRes = offline
		? undefined
		: localName(root.name) === 'KycRes'
			? root
			: descend(root, 'CertificateData', 'KycRes');
	const poi = childNamed(uidData, 'Poi');
	const reference = offline ? readReferenceId(attributeOf(root, 'referenceId')) : {};
	const data: IDataObject = {
		format: 'e-aadhaar',
		document_type: 'ADHAR',
		source: offline ? 'uidai_offline' : 'digilocker',
		name: attributeOf(poi, 'name'),
		dob: toIsoDate(attributeOf(poi, 'dob')),
		gender: toGender(attributeOf(poi, 'gender')),
		address: readAddress(childNamed(uidData, 'Poa')),
		aadhaar_last4: offline ? reference.lastFour : aadhaarLastFour(attributeOf(uidData, 'uid')),
		issued_at: offline ? reference.issuedAt : toIsoTimestamp(attributeOf(kycRes, 'ts')),
	};
	if (detail === 'minimal') return { data };

	const local = childNamed(uidData, 'LData');
	if (local) {
		data.local_language = {
			language: attributeOf(local, 'lang'),
			name: attributeOf(local, 'name'),
			address: readAddress(local),
		};
	}
	data.as_written = {
		dob: attributeOf(poi, 'dob'),
		gender: attributeOf(poi, 'gender'),
		issued_at: offline ? attributeOf(root, 'referenceId') : attributeOf(kycRes, 'ts'),
	};
	if (offline) {
		data.hashes = { email: attributeOf(poi, 'e'), mobile: attributeOf(poi, 'm') };
	}
	return { data, photo: readPhoto(childNamed(uidData, 'Pht')) };
}
