import type { IDataObject } from 'n8n-workflow';

import type { XmlElement } from '../../xml/tree';
import { attributeOf, childElements, childNamed, descend, localName } from '../../xml/query';
import { readAddress } from './address';
import { aadhaarLastFour, isLikelyAadhaar } from './aadhaar';
import { toIsoDate } from './dates';
import { flattenFields } from './fields';
import { toGender } from './gender';
import { readPhoto } from './photo';
import type { Detail, Facts } from './types';

/** The document type: `Certificate@type`, else the local name of `CertificateData`'s first child. */
function documentType(root: XmlElement): string | undefined {
	const declared = attributeOf(root, 'type');
	if (declared) return declared;
	const first = childElements(childNamed(root, 'CertificateData') ?? root)[0];
	return first ? localName(first.name) : undefined;
}

/** A uid that is a full or masked Aadhaar number gives its last 4 digits; anything else gives nothing. */
function holderAadhaarLastFour(uid: string | undefined): string | undefined {
	const compact = uid?.replace(/[\s-]/g, '') ?? '';
	if (isLikelyAadhaar(compact) || /^[xX*]{8}\d{4}$/.test(compact)) return aadhaarLastFour(compact);
	return undefined;
}

/** The holder's address: `Person/Address`, or else an address element inside `CertificateData` (`ApplicantAddress`). */
function holderAddress(root: XmlElement, person: XmlElement | undefined) {
	const own = readAddress(childNamed(person, 'Address'));
	if (own) return own;
	const inData = childElements(childNamed(root, 'CertificateData') ?? root).find((child) =>
		/address$/i.test(localName(child.name)),
	);
	return readAddress(inData);
}

/** An issued document: `<Certificate>` with IssuedBy, IssuedTo and CertificateData. */
export function readCertificate(root: XmlElement, detail: Detail): Facts {
	const organization = descend(root, 'IssuedBy', 'Organization');
	const person = descend(root, 'IssuedTo', 'Person');
	const holder: IDataObject = {
		name: attributeOf(person, 'name'),
		dob: toIsoDate(attributeOf(person, 'dob')),
		gender: toGender(attributeOf(person, 'gender')),
		address: holderAddress(root, person),
		aadhaar_last4: holderAadhaarLastFour(attributeOf(person, 'uid')),
	};
	const data: IDataObject = {
		format: 'certificate',
		document_type: documentType(root),
		name: attributeOf(root, 'name'),
		number: attributeOf(root, 'number'),
		issuer: { name: attributeOf(organization, 'name'), code: attributeOf(organization, 'code') },
		issue_date: toIsoDate(attributeOf(root, 'issueDate')),
		valid_from: toIsoDate(attributeOf(root, 'validFromDate')),
		valid_to: toIsoDate(attributeOf(root, 'expiryDate')),
		status: attributeOf(root, 'status'),
		holder,
	};
	if (detail === 'minimal') return { data };

	const certificateData = childNamed(root, 'CertificateData');
	data.fields = certificateData ? flattenFields(certificateData) : {};
	data.as_written = {
		issue_date: attributeOf(root, 'issueDate'),
		valid_from: attributeOf(root, 'validFromDate'),
		valid_to: attributeOf(root, 'expiryDate'),
		dob: attributeOf(person, 'dob'),
		gender: attributeOf(person, 'gender'),
	};
	return { data, photo: readPhoto(childNamed(person, 'Photo')) };
}
