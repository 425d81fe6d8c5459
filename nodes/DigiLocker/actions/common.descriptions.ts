import type { INodeProperties } from 'n8n-workflow';

const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeoutSeconds',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 600 },
	default: 30,
	description: 'How long to wait for DigiLocker to answer one request',
};

const concurrencyOption: INodeProperties = {
	displayName: 'Fixed Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100 },
	default: 10,
	description:
		'Send exactly this many items to DigiLocker at once (read from the first item). Without this option the node adapts: it starts at 50, grows while DigiLocker answers quickly and cleanly (up to 500), and backs off on 429, 503, timeouts or much slower answers.',
};

const maxTriesOption: INodeProperties = {
	displayName: 'Max Tries',
	name: 'maxTries',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10 },
	default: 3,
	description:
		'How often a read is tried in all when DigiLocker answers 429 or 5xx, or the connection fails or times out. Waits grow from 0.5 s to 8 s, or as long as Retry-After asks (up to 60 s). With adaptive concurrency and Max Tries above 1, up to 3 answers of 429 or 503 to requests sent while more were in flight than the node now allows are tried again without counting.',
};

/** "Request Options" of operations that change something at DigiLocker: they are never sent twice. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [concurrencyOption, timeoutOption],
};

/** "Request Options" of read operations, which may be retried. */
export const readRequestOptionsProperty: INodeProperties = {
	...requestOptionsProperty,
	options: [concurrencyOption, maxTriesOption, timeoutOption],
};

export const accessTokenProperty: INodeProperties = {
	displayName: 'Access Token',
	name: 'accessToken',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	placeholder: 'e.g. {{ $json.data.access_token }}',
	description:
		'The user\'s access token, usually from the envelope of "Get Access Token" or "Refresh Token"',
};

export const uriProperty: INodeProperties = {
	displayName: 'Document URI',
	name: 'uri',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. {{ $json.data.uri }}',
	description:
		'The "uri" of a document from "List Issued" or "List Uploaded", e.g. in.gov.cbse-HSCER-201412345678',
};

export const binaryPropertyNameProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	description: "The binary field the file is written to; the item's other binary fields are kept",
};
