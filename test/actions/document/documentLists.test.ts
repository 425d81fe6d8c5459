import {
	mimeList,
	normalizeIssuedList,
	normalizeUploadedList,
} from '../../../nodes/DigiLocker/actions/document/documentLists';

describe('mimeList', () => {
	it.each([
		[
			['application/pdf', 'application/xml'],
			['application/pdf', 'application/xml'],
		],
		['application/pdf', ['application/pdf']],
		['application/pdf, application/xml', ['application/pdf', 'application/xml']],
		['', []],
		[undefined, []],
		[[1, 'image/png', ''], ['image/png']],
	])('makes %j a list: %j', (input, list) => {
		expect(mimeList(input)).toEqual(list);
	});
});

describe('normalizeIssuedList', () => {
	it('keeps every field and always gives mime as a list', () => {
		expect(
			normalizeIssuedList(
				{ items: [{ uri: 'a', mime: 'application/pdf', extra: 1 }], resource: 'x' },
				200,
			),
		).toEqual([{ uri: 'a', mime: ['application/pdf'], extra: 1 }]);
	});

	it.each([
		[{}, 'The issued documents list from DigiLocker has no "items" array'],
		[{ items: {} }, 'The issued documents list from DigiLocker has no "items" array'],
		[{ items: [{}, 'x'] }, 'Entry 1 of the issued documents list from DigiLocker is not an object'],
	])('rejects %j as INVALID_RESPONSE', (body, message) => {
		expect(() => normalizeIssuedList(body, 200)).toThrow(
			expect.objectContaining({ code: 'INVALID_RESPONSE', message }),
		);
	});
});

describe('normalizeUploadedList', () => {
	it('passes entries through', () => {
		expect(
			normalizeUploadedList({ directory: '/', items: [{ id: '1', type: 'dir' }] }, 200),
		).toEqual([{ id: '1', type: 'dir' }]);
	});
});
