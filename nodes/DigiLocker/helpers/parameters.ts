import type { IExecuteFunctions } from 'n8n-workflow';

import { validationError } from './errors';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export interface TextRules {
	label: string;
	required?: boolean;
	maxLength?: number;
	pattern?: RegExp;
	patternHint?: string;
	allowControlCharacters?: boolean;
}

/** Reads a parameter that must be text (expressions can yield anything), trimmed and checked. */
export function readText(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	rules: TextRules,
): string {
	let raw: unknown;
	try {
		raw = this.getNodeParameter(name, itemIndex, '');
	} catch (error) {
		throw validationError(`${rules.label} could not be read: ${(error as Error).message}`);
	}
	return checkText(raw, rules);
}

export function checkText(raw: unknown, rules: TextRules): string {
	if (raw === undefined || raw === null) raw = '';
	if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
	if (typeof raw !== 'string') {
		throw validationError(
			`${rules.label} must be text, not ${Array.isArray(raw) ? 'a list' : typeof raw}`,
		);
	}
	const value = raw.trim();
	if (value === '') {
		if (rules.required) throw validationError(`${rules.label} is required`);
		return '';
	}
	if (rules.maxLength !== undefined && value.length > rules.maxLength) {
		throw validationError(`${rules.label} is longer than ${rules.maxLength} characters`);
	}
	if (!rules.allowControlCharacters && CONTROL_CHARACTERS.test(value)) {
		throw validationError(`${rules.label} contains control characters (such as a line break)`);
	}
	if (rules.pattern && !rules.pattern.test(value)) {
		throw validationError(`${rules.label} ${rules.patternHint ?? 'has an unexpected format'}`);
	}
	return value;
}
