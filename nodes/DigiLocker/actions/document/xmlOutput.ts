import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { extractFacts, type Detail } from '../../document/facts';
import { maskAadhaarNumbers } from '../../document/facts/aadhaar';
import { DigiLockerError, validationError, type ErrorCode } from '../../helpers/errors';
import { readText } from '../../helpers/parameters';
import { checkBinaryFieldName, readBinaryPropertyName } from '../../helpers/sharedFields';
import { readXml } from '../../xml/reader';
import { XmlError } from '../../xml/tree';
import type { OperationOutput } from '../operation';
import type { ReceivedFile } from './receiveFile';

export type XmlOutput = 'raw' | 'parsed' | 'both';

export const detailProperty: INodeProperties = {
	displayName: 'Detail',
	name: 'detail',
	type: 'options',
	options: [
		{
			name: 'Minimal',
			value: 'minimal',
			description:
				'Identity facts only: name, date of birth, gender, address, document number, issuer, dates; Aadhaar as its last 4 digits; no photo, no local-language data, no document fields',
		},
		{
			name: 'Full',
			value: 'full',
			description:
				'Also the photo (as binary data), local-language data, every document field and the values as written. Aadhaar numbers are still reduced to their last 4 digits.',
		},
	],
	default: 'minimal',
};

export const photoPropertyNameProperty: INodeProperties = {
	displayName: 'Put Photo in Field',
	name: 'photoPropertyName',
	type: 'string',
	default: 'photo',
	description: 'The binary field the photo goes to, when the document has one',
	displayOptions: { show: { detail: ['full'] } },
};

/** Output, Detail and photo field of Get Certificate XML and Get E-Aadhaar. */
export const xmlOutputProperties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'xmlOutput',
		type: 'options',
		options: [
			{ name: 'Raw XML', value: 'raw', description: 'The XML as DigiLocker sent it (binary data)' },
			{
				name: 'Parsed Facts',
				value: 'parsed',
				description: "The document's facts as JSON in data; no XML",
			},
			{
				name: 'Both',
				value: 'both',
				description: 'The raw XML as binary data, and the facts in data.facts',
			},
		],
		default: 'raw',
	},
	{ ...detailProperty, displayOptions: { show: { xmlOutput: ['parsed', 'both'] } } },
	{
		...photoPropertyNameProperty,
		displayOptions: { show: { xmlOutput: ['parsed', 'both'], detail: ['full'] } },
	},
];

export interface XmlOutputSettings {
	output: XmlOutput;
	detail: Detail;
	photoPropertyName: string;
}

export function readDetail(this: IExecuteFunctions, itemIndex: number): Detail {
	const detail = this.getNodeParameter('detail', itemIndex, 'minimal');
	if (detail !== 'minimal' && detail !== 'full') {
		throw validationError('Detail must be "minimal" or "full"');
	}
	return detail;
}

export function readPhotoPropertyName(this: IExecuteFunctions, itemIndex: number): string {
	const label = 'Put Photo in Field';
	const name = readText.call(this, 'photoPropertyName', itemIndex, {
		label,
		maxLength: 128,
		pattern: /^[A-Za-z0-9_$-][A-Za-z0-9_$.-]*$/,
		patternHint: 'must be a field name (letters, digits, _ - . $)',
	});
	return checkBinaryFieldName(name || 'photo', label);
}

export function readXmlOutputSettings(
	this: IExecuteFunctions,
	itemIndex: number,
): XmlOutputSettings {
	const output = this.getNodeParameter('xmlOutput', itemIndex, 'raw');
	if (output !== 'raw' && output !== 'parsed' && output !== 'both') {
		throw validationError('Output must be "raw", "parsed" or "both"');
	}
	const parsed = output !== 'raw';
	const detail = parsed ? readDetail.call(this, itemIndex) : 'minimal';
	return {
		output,
		detail,
		photoPropertyName:
			parsed && detail === 'full' ? readPhotoPropertyName.call(this, itemIndex) : 'photo',
	};
}

/** The XML's binary field for raw and both; with parsed output the XML is read, not stored or emitted. */
export function readXmlBinaryPropertyName(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: XmlOutputSettings,
): string | undefined {
	return settings.output === 'parsed' ? undefined : readBinaryPropertyName.call(this, itemIndex);
}

/** An XmlError as the node's coded error; anything else as it is. */
function unreadableXml(error: unknown, code: ErrorCode): unknown {
	if (!(error instanceof XmlError)) return error;
	return new DigiLockerError(
		code,
		`The document is not XML the node can read: ${maskAadhaarNumbers(error.message)}`,
		{ hint: 'Only well-formed XML without a DOCTYPE is read, up to 20 MiB and 64 levels deep.' },
	);
}

/**
 * The facts of an XML document, and its photo as binary data. XML that is not well-formed, or outside what the
 * reader takes, gives `badXmlCode` (INVALID_RESPONSE for DigiLocker's answers, VALIDATION_ERROR for the user's own).
 */
export async function parseDocument(
	this: IExecuteFunctions,
	bytes: Buffer,
	{ detail, photoPropertyName }: { detail: Detail; photoPropertyName: string },
	badXmlCode: ErrorCode,
): Promise<{ data: IDataObject; binary: IBinaryKeyData }> {
	let facts;
	try {
		facts = extractFacts(readXml(bytes), bytes, detail);
	} catch (error) {
		throw unreadableXml(error, badXmlCode);
	}
	const binary: IBinaryKeyData = {};
	if (facts.photo) {
		binary[photoPropertyName] = await this.helpers.prepareBinaryData(
			facts.photo.bytes,
			`photo.${facts.photo.fileExtension}`,
			facts.photo.mimeType,
		);
	}
	return { data: facts.data, binary };
}

/**
 * One fetched XML document as the item Output asks for: `raw` keeps `rawData` and the XML binary; `parsed` gives the
 * facts (with `identity`, e.g. the URI) and only the photo; `both` gives `rawData` with `facts`, the XML and the photo.
 */
export async function shapeXmlOutput(
	this: IExecuteFunctions,
	itemIndex: number,
	file: ReceivedFile,
	settings: XmlOutputSettings,
	rawData: IDataObject,
	identity: IDataObject = {},
): Promise<OperationOutput> {
	if (settings.output === 'raw') return { data: rawData, binary: file.binary };
	const parsed = await parseDocument.call(
		this,
		file.bytes ?? Buffer.alloc(0),
		settings,
		'INVALID_RESPONSE',
	);
	if (settings.output === 'both') {
		return {
			data: { ...rawData, facts: parsed.data },
			binary: { ...file.binary, ...parsed.binary },
		};
	}
	const inputBinary = this.getInputData()[itemIndex]?.binary ?? {};
	return { data: { ...identity, ...parsed.data }, binary: { ...inputBinary, ...parsed.binary } };
}
