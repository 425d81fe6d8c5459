import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { validationError } from '../../DigiLocker/helpers/errors';
import { DEFAULT_STARTING_OUTCOMES, isOutcome, type Outcome } from './outcomes';

export type ResponseMode = 'page' | 'redirect' | 'responseNode';

export interface TriggerSettings {
	startOn: Set<Outcome>;
	responseMode: ResponseMode;
	successUrl?: URL;
	failureUrl?: URL;
	appendContext: boolean;
	pageTexts: IDataObject;
}

function readRedirectTarget(raw: unknown, label: string): URL {
	const text = typeof raw === 'string' ? raw.trim() : '';
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (
		!url ||
		(url.protocol !== 'https:' && url.protocol !== 'http:') ||
		url.username ||
		url.password
	) {
		throw validationError(
			`${label} must be a full http or https address, e.g. https://example.com/kyc/done`,
		);
	}
	return url;
}

function readStartOn(raw: unknown): Set<Outcome> {
	if (raw === undefined) return new Set(DEFAULT_STARTING_OUTCOMES);
	if (!Array.isArray(raw) || !raw.every(isOutcome)) {
		throw validationError(
			'Start Workflow On must list outcomes: granted, denied, expired, failed, invalid',
		);
	}
	return new Set(raw);
}

/** The trigger's settings, checked; throws VALIDATION_ERROR when they cannot work. */
export function readTriggerSettings(this: IWebhookFunctions | IHookFunctions): TriggerSettings {
	const responseMode = this.getNodeParameter('responseMode', 'page') as string;
	if (responseMode !== 'page' && responseMode !== 'redirect' && responseMode !== 'responseNode') {
		throw validationError(`Unknown Respond setting "${responseMode}"`);
	}
	const redirect = responseMode === 'redirect';
	const pageTexts = responseMode === 'page' ? this.getNodeParameter('pageTexts', {}) : {};
	return {
		startOn: readStartOn(this.getNodeParameter('outcomes', DEFAULT_STARTING_OUTCOMES)),
		responseMode,
		successUrl: redirect
			? readRedirectTarget(this.getNodeParameter('successUrl', ''), 'Success URL')
			: undefined,
		failureUrl: redirect
			? readRedirectTarget(this.getNodeParameter('failureUrl', ''), 'Failure URL')
			: undefined,
		appendContext: redirect && this.getNodeParameter('appendContext', false) === true,
		pageTexts:
			typeof pageTexts === 'object' && pageTexts !== null ? (pageTexts as IDataObject) : {},
	};
}
