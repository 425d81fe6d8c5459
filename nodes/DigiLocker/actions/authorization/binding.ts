import type { IExecuteFunctions } from 'n8n-workflow';

import { MAX_BINDING_LENGTH, MIN_BINDING_LENGTH } from '../../helpers/constants';
import { validationError } from '../../helpers/errors';
import { readText } from '../../helpers/parameters';

/** The Binding parameter: empty, or a value of the browser session, e.g. a session ID or cookie value. */
export function readBinding(this: IExecuteFunctions, itemIndex: number): string {
	const binding = readText.call(this, 'binding', itemIndex, {
		label: 'Binding',
		maxLength: MAX_BINDING_LENGTH,
	});
	if (binding !== '' && binding.length < MIN_BINDING_LENGTH) {
		throw validationError(
			`Binding must be at least ${MIN_BINDING_LENGTH} characters: a session ID or cookie value`,
			'Map a value only the browser that starts the flow has, such as its session cookie.',
		);
	}
	return binding;
}
