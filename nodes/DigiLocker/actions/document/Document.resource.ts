import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as getEAadhaar from './getEAadhaar.operation';
import * as getXml from './getXml.operation';
import * as listIssued from './listIssued.operation';
import * as listUploaded from './listUploaded.operation';
import * as parseXml from './parseXml.operation';
import * as pull from './pull.operation';
import * as upload from './upload.operation';

export const operations = {
	download,
	getEAadhaar,
	getXml,
	listIssued,
	listUploaded,
	parseXml,
	pull,
	upload,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download a document as a file',
				action: 'Download a document',
			},
			{
				name: 'Get Certificate XML',
				value: 'getXml',
				description: "Get an issued document's certificate data as XML",
				action: 'Get certificate XML',
			},
			{
				name: 'Get E-Aadhaar',
				value: 'getEAadhaar',
				description: "Get the user's e-Aadhaar XML",
				action: 'Get e aadhaar XML',
			},
			{
				name: 'List Issued',
				value: 'listIssued',
				description: 'List the documents issuers have put in the locker',
				action: 'List issued documents',
			},
			{
				name: 'List Uploaded',
				value: 'listUploaded',
				description: "List the user's own uploaded documents and folders",
				action: 'List uploaded documents',
			},
			{
				name: 'Parse XML',
				value: 'parseXml',
				description:
					"Read an XML document from the item's binary data into facts: e-Aadhaar, UIDAI offline e-KYC, issued certificates",
				action: 'Parse an XML document',
			},
			{
				name: 'Pull',
				value: 'pull',
				description: 'Ask an issuer to add a document to the locker',
				action: 'Pull a document from an issuer',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: "Upload a file to the user's uploaded documents",
				action: 'Upload a document',
			},
		],
		default: 'listIssued',
	},
	...listIssued.description,
	...listUploaded.description,
	...download.description,
	...getXml.description,
	...getEAadhaar.description,
	...parseXml.description,
	...pull.description,
	...upload.description,
];
