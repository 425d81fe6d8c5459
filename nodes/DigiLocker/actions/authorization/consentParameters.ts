import type { IDataObject } from 'n8n-workflow';

import { validationError } from '../../helpers/errors';
import { checkText } from '../../helpers/parameters';

const WORDS = /^[A-Za-z0-9._:-]+( [A-Za-z0-9._:-]+)*$/;
const READABLE_TEXT = /^[A-Za-z0-9 _]+$/;
const INDIAN_MOBILE = /^[6-9][0-9]{9}$/;

function readWords(raw: unknown, label: string): string {
	return checkText(typeof raw === 'string' ? raw.replace(/[+\s]+/g, ' ') : raw, {
		label,
		maxLength: 512,
		pattern: WORDS,
		patternHint: 'must be words separated by spaces (letters, digits, . _ : -)',
	});
}

function readReadableText(raw: unknown, label: string): string {
	return checkText(raw, {
		label,
		maxLength: 100,
		pattern: READABLE_TEXT,
		patternHint: 'may hold only letters, digits, spaces and underscores',
	});
}

function readMobile(raw: unknown, label: string): string {
	return checkText(raw, {
		label,
		pattern: INDIAN_MOBILE,
		patternHint: 'must be an Indian mobile number: 10 digits, the first one 6 to 9',
	});
}

function readChoice(raw: unknown, label: string, choices: [string, string]): string {
	if (raw === undefined) return '';
	return checkText(raw, {
		label,
		pattern: new RegExp(`^(${choices.join('|')})$`),
		patternHint: `must be "${choices[0]}" or "${choices[1]}"`,
	});
}

/** A boolean option as DigiLocker's `Y` / `N`; empty when the option is not set. */
function readYesNo(raw: unknown, label: string): string {
	if (raw === undefined || raw === null || raw === '') return '';
	if (raw === true || raw === 'true') return 'Y';
	if (raw === false || raw === 'false') return 'N';
	throw validationError(`${label} must be true or false`);
}

function toUnixSeconds(raw: unknown, now: Date): string {
	if (raw === undefined || raw === null || raw === '') return '';
	const millis =
		typeof raw === 'number' ? raw * 1000 : typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
	if (!Number.isFinite(millis)) {
		throw validationError('Consent Valid Till must be a date and time');
	}
	if (millis <= now.getTime()) {
		throw validationError('Consent Valid Till must be in the future');
	}
	return String(Math.floor(millis / 1000));
}

function checkCombinations(query: Record<string, string>): void {
	if ((query.purpose === '') !== (query.service_name === '')) {
		throw validationError(
			'Purpose and Service Name go together (specification v2.4): set both or neither',
		);
	}
	if (query.login_hint && query.prompt !== 'login_mobile') {
		throw validationError(
			'Login Hint is used only with Prompt "Login With Mobile Number" (login_mobile)',
		);
	}
	if (query.verified_mobile && query.dl_flow !== 'signup') {
		throw validationError('Verified Mobile is used only with Flow "Sign Up" (dl_flow=signup)');
	}
}

/** DigiLocker's optional authorize query parameters from the node's Options, each checked alone and together. */
export function readConsentParameters(options: IDataObject, now: Date): Record<string, string> {
	const query: Record<string, string> = {
		dl_flow: readChoice(options.dlFlow, 'Flow', ['signin', 'signup']),
		scope: readWords(options.scope, 'Scope'),
		req_doctype: checkText(options.reqDoctype, {
			label: 'Document Types',
			maxLength: 512,
			pattern: /^[A-Za-z0-9_]{1,20}( *, *[A-Za-z0-9_]{1,20})*$/,
			patternHint: 'must be document type codes separated by commas',
		}).replace(/ /g, ''),
		purpose: readReadableText(options.purpose, 'Purpose'),
		service_name: readReadableText(options.serviceName, 'Service Name'),
		acr: readWords(options.acr, 'Authentication Context (ACR)'),
		amr: readWords(options.amr, 'Authentication Methods (AMR)'),
		prompt: readChoice(options.prompt, 'Prompt', ['login', 'login_mobile']),
		login_hint: readMobile(options.loginHint, 'Login Hint'),
		pla: readYesNo(options.pla, 'Pinless Auth'),
		plsignup: readYesNo(options.plsignup, 'Pinless Sign-Up'),
		ulsignup: readYesNo(options.ulsignup, 'Username-Less Sign-Up'),
		verified_mobile: readMobile(options.verifiedMobile, 'Verified Mobile'),
		consent_valid_till: toUnixSeconds(options.consentValidTill, now),
	};
	checkCombinations(query);
	return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}
