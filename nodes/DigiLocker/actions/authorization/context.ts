import type { IExecuteFunctions } from 'n8n-workflow';

import { MAX_CONTEXT_BYTES, MAX_CONTEXT_LENGTH } from '../../helpers/constants';
import { validationError } from '../../helpers/errors';
import { readText } from '../../helpers/parameters';

/** With the `u` flag a surrogate matches only when it is not half of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** What the context adds to the state's JSON payload: its UTF-8 bytes once escaped, without the quotes. */
const sizeInState = (context: string) => Buffer.byteLength(JSON.stringify(context), 'utf8') - 2;

/** Refuses a context that is not well-formed text or would push the state past Get Access Token's limit. */
export function checkContext(context: string): string {
	if (LONE_SURROGATE.test(context)) {
		throw validationError('Context is not well-formed text: it holds half of a surrogate pair');
	}
	if (sizeInState(context) > MAX_CONTEXT_BYTES) {
		throw validationError(
			`Context takes more than ${MAX_CONTEXT_BYTES} bytes in the state (UTF-8; " and \\ take two)`,
			'Keep the context to a short reference, e.g. a customer ID, and look the rest up later.',
		);
	}
	return context;
}

/** The Context parameter, refused unless it is well-formed text that keeps the state within Get Access Token's limit. */
export function readContext(this: IExecuteFunctions, itemIndex: number): string {
	return checkContext(
		readText.call(this, 'context', itemIndex, { label: 'Context', maxLength: MAX_CONTEXT_LENGTH }),
	);
}
