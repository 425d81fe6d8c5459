import { createHash } from 'crypto';

import type { DOCUMENT_FAMILIES } from './document-families';

/**
 * A deliberately plain reader of the simulator's family documents (regular expressions over
 * the known layouts), so tests can hold the hand-written catalogue against the generated XML.
 * Not the node's parser, and not a general XML reader.
 */

type Entry = (typeof DOCUMENT_FAMILIES)[number];
export type Facts = Entry['facts'];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
		if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
		if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
		return ENTITIES[ref] ?? whole;
	});
}

/** The attributes of every `<tag …>` start tag, in document order. */
export function elements(xml: string, tag: string): Array<Record<string, string>> {
	const found: Array<Record<string, string>> = [];
	for (const match of xml.matchAll(new RegExp(`<${tag}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`, 'g'))) {
		const attributes: Record<string, string> = {};
		for (const [, name, value] of match[1].matchAll(/([\w:]+)="([^"]*)"/g)) {
			attributes[name] = unescape(value);
		}
		found.push(attributes);
	}
	return found;
}

export function first(xml: string, tag: string): Record<string, string> {
	const [attributes] = elements(xml, tag);
	if (!attributes) throw new Error(`no <${tag}>`);
	return attributes;
}

/** The text of `<tag …>text</tag>` elements. */
export function texts(xml: string, tag: string): string[] {
	const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g');
	return [...xml.matchAll(pattern)].map((m) => unescape(m[1]));
}

/** DD-MM-YYYY, DDMMYYYY or DD/MM/YYYY (optionally with a time) as YYYY-MM-DD; '' as null. */
export function isoDate(value: string): string | null {
	if (value === '') return null;
	const match = /^(\d{2})[-/]?(\d{2})[-/]?(\d{4})(?: \d{2}:\d{2}:\d{2})?$/.exec(value);
	if (!match) throw new Error(`not a date: ${value}`);
	return `${match[3]}-${match[2]}-${match[1]}`;
}

const GENDERS: Record<string, 'M' | 'F' | 'T'> = {
	M: 'M',
	F: 'F',
	T: 'T',
	MALE: 'M',
	FEMALE: 'F',
	TRANSGENDER: 'T',
};

function gender(value: string): 'M' | 'F' | 'T' {
	const code = GENDERS[value.toUpperCase()];
	if (!code) throw new Error(`not a gender: ${value}`);
	return code;
}

function present(parts: Record<string, string | undefined>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(parts).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
	);
}

function uidaiAddress(poa: Record<string, string>) {
	return present({
		careOf: poa.co ?? poa.careof,
		house: poa.house,
		street: poa.street,
		landmark: poa.lm ?? poa.landmark,
		locality: poa.loc,
		vtc: poa.vtc,
		subDistrict: poa.subdist,
		district: poa.dist,
		state: poa.state,
		pincode: poa.pc,
		postOffice: poa.po,
		country: poa.country,
	});
}

function certificateAddress(xml: string): Record<string, string> | null {
	const person = /<Person[\s\S]*?(?:<\/Person>|\/>)/.exec(xml)?.[0] ?? '';
	const a = first(person, 'Address');
	const parts = present({
		house: a.house,
		street: a.line1,
		landmark: a.landmark,
		locality: a.locality,
		vtc: a.vtc,
		district: a.district,
		state: a.state,
		pincode: a.pin,
	});
	const keys = Object.keys(parts);
	if (keys.length === 1 && keys[0] === 'street' && a.house === '') {
		return present({ line: a.line1, country: a.country });
	}
	if (keys.length > 0) return { ...parts, ...present({ country: a.country }) };
	const own = /<ApplicantAddress>([\s\S]*?)<\/ApplicantAddress>/.exec(xml)?.[1];
	if (own === undefined) return null;
	const one = (tag: string) => texts(own, tag)[0];
	return present({
		house: one('House'),
		street: one('Street'),
		landmark: one('Landmark'),
		locality: one('Locality'),
		vtc: one('Village'),
		subDistrict: one('Taluka'),
		district: one('District'),
		state: one('State'),
		pincode: one('PinCode'),
	});
}

function sha256Hex(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

function extraOf(xml: string, entry: Entry): Record<string, string> | undefined {
	const extra = entry.facts.extra as Record<string, string> | undefined;
	switch (entry.family) {
		case 'DRIVING_LICENCE':
			return {
				validTill: String(isoDate(first(xml, 'Certificate').expiryDate)),
				vehicleClasses: elements(xml, 'Category')
					.map((c) => c.abbreviation)
					.join(','),
				guardian: first(xml, 'Person').swd,
			};
		case 'MARKSHEET':
			return {
				school: first(xml, 'School').name,
				examYear: first(xml, 'Examination').year,
				result: first(xml, 'Performance').result,
				percentage: first(xml, 'Performance').percentage,
			};
		case 'CASTE':
			return { caste: first(xml, 'Caste').name, category: first(xml, 'Caste').category };
		case 'EAADHAAR':
			return { localLang: first(xml, 'LData').lang, localName: first(xml, 'LData').name };
		case 'OFFLINE_EKYC': {
			// The hashes are checked against the documented rules, then the inputs are given back.
			const poi = first(xml, 'Poi');
			const reference = first(xml, 'OfflinePaperlessKyc').referenceId;
			const rounds = Math.max(1, Number(reference.charAt(3)));
			let m = `${extra?.mobile}${extra?.shareCode}`;
			for (let i = 0; i < rounds; i++) m = sha256Hex(m);
			if (poi.m !== m) throw new Error('Poi@m is not the hashed mobile and share code');
			if (poi.e !== sha256Hex(String(extra?.email)))
				throw new Error('Poi@e is not the hashed email');
			return { ...extra, referenceId: reference };
		}
		default:
			return undefined;
	}
}

/** The facts this reader finds in a family document, shaped like the catalogue's. */
export function readFacts(xml: string, entry: Entry): Facts {
	const uidai = entry.family === 'EAADHAAR' || entry.family === 'OFFLINE_EKYC';
	const holder = first(xml, uidai ? 'Poi' : 'Person');
	const certificate = uidai ? undefined : first(xml, 'Certificate');
	const organization = uidai ? undefined : first(xml, 'Organization');
	const uid = entry.family === 'OFFLINE_EKYC' ? '' : first(xml, uidai ? 'UidData' : 'Person').uid;
	const reference =
		entry.family === 'OFFLINE_EKYC' ? first(xml, 'OfflinePaperlessKyc').referenceId : '';
	const extra = extraOf(xml, entry);
	return {
		name: holder.name,
		dob: String(isoDate(holder.dob)),
		gender: gender(holder.gender),
		address: uidai ? uidaiAddress(first(xml, 'Poa')) : certificateAddress(xml),
		documentNumber: certificate ? certificate.number : null,
		issuer: organization ? { name: organization.name, code: organization.code || null } : null,
		issueDate: certificate ? isoDate(certificate.issueDate) : null,
		aadhaarLast4: /^(x{8}|\d{8})\d{4}$/.test(uid) ? uid.slice(-4) : reference.slice(0, 4) || null,
		...(extra ? { extra } : {}),
	} as Facts;
}

/** The Verhoeff check as python-stdnum does it: valid numbers end at 0. */
const D = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
	[2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
	[3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
	[4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
	[5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
	[6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
	[7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
	[8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
	[9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
	[5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
	[8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
	[9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
	[4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
	[2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
	[7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Looks like an Aadhaar number: 12 digits, first 2-9, not a palindrome, Verhoeff-valid. */
export function isAadhaarLike(value: string): boolean {
	if (!/^[2-9]\d{11}$/.test(value) || value === [...value].reverse().join('')) return false;
	let check = 0;
	[...value].reverse().forEach((digit, i) => (check = D[check][P[i % 8][Number(digit)]]));
	return check === 0;
}
