import { createHash, createHmac } from 'node:crypto';

import { checkDocumentUri } from '../../nodes/DigiLocker/helpers/sharedFields';
import {
	assertHmacMatches,
	bodyHmac,
	readHmacHeader,
} from '../../nodes/DigiLocker/actions/document/integrity';
import { signMetaRequest } from '../../nodes/DigiLocker/actions/issuer/metaSignature';
import { testApp } from '../fixtures';

describe('signMetaRequest', () => {
	it('hashes secret, client id, orgid, doctype and ts in that order, as hex SHA-256', () => {
		const form = signMetaRequest(testApp, { orgid: '000048', doctype: 'DRVLC' }, 1_800_000_000);
		const expected = createHash('sha256')
			.update(`${testApp.clientSecret}${testApp.clientId}000048DRVLC1800000000`)
			.digest('hex');
		expect(form).toEqual({
			clientid: testApp.clientId,
			ts: '1800000000',
			orgid: '000048',
			doctype: 'DRVLC',
			hmac: expected,
		});
	});

	it('leaves orgid and doctype out of the form and the hash when not given', () => {
		const form = signMetaRequest(testApp, {}, 1);
		expect(form).toEqual({
			clientid: testApp.clientId,
			ts: '1',
			hmac: createHash('sha256')
				.update(`${testApp.clientSecret}${testApp.clientId}1`)
				.digest('hex'),
		});
	});
});

describe('body hmac', () => {
	const body = Buffer.from('%PDF-1.4 body');
	it('is Base64 HMAC-SHA256 keyed by the client secret', () => {
		expect(bodyHmac(body, testApp.clientSecret)).toBe(
			createHmac('sha256', testApp.clientSecret).update(body).digest('base64'),
		);
	});

	it('passes a matching header and refuses a different one with INTEGRITY_ERROR', () => {
		const good = bodyHmac(body, testApp.clientSecret);
		expect(() => assertHmacMatches(good, good)).not.toThrow();
		expect(() =>
			assertHmacMatches(good, bodyHmac(Buffer.from('other'), testApp.clientSecret)),
		).toThrow(expect.objectContaining({ code: 'INTEGRITY_ERROR' }));
		expect(() => assertHmacMatches(good, 'not base64 at all')).toThrow(
			expect.objectContaining({ code: 'INTEGRITY_ERROR' }),
		);
	});

	it('reads the header in any case, ignoring an empty one', () => {
		expect(readHmacHeader({ hmac: ' abc ' })).toBe('abc');
		expect(readHmacHeader({ HMAC: ['abc'] })).toBe('abc');
		expect(readHmacHeader({ hmac: '' })).toBeUndefined();
	});
});

describe('checkDocumentUri', () => {
	it.each(['in.gov.cbse-HSCER-201412345678', 'UPLOADED_DOC-123.pdf', 'a_b~c'])(
		'accepts %s',
		(uri) => {
			expect(checkDocumentUri(uri)).toBe(uri);
		},
	);

	it.each(['..', '.', '../etc/passwd', 'a/b', 'a\\b', 'a?x=1', 'a#frag', 'a%2Fb', 'a b', 'a\tb'])(
		'refuses %j',
		(uri) => {
			expect(() => checkDocumentUri(uri)).toThrow(
				expect.objectContaining({
					code: 'VALIDATION_ERROR',
					message: 'Document URI must be one DigiLocker URI, without / \\ ? # % or spaces',
				}),
			);
		},
	);
});
