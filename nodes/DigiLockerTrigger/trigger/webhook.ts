import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { toAppConfig, type DigiLockerApp } from '../../DigiLocker/helpers/appConfig';
import { CREDENTIAL_TYPE } from '../../DigiLocker/helpers/constants';
import { DigiLockerError } from '../../DigiLocker/helpers/errors';
import { answerBrowser } from './answer';
import { clearBindingCookie } from './bindingCookie';
import { resolveCallback } from './callback';
import { readCallbackQuery } from './callbackQuery';
import { cookieScopeOf } from './cookieScope';
import { NEUTRAL_PAGES, prepareForResponseNode, sendPage, type BrowserResponse } from './respond';
import { readTriggerSettings, type TriggerSettings } from './settings';
import { handleStart } from './start';

const ANSWERED: IWebhookResponseData = { noWebhookResponse: true };

/**
 * The browser gets a neutral 500 page; n8n's log gets the reason (our own messages name settings, never their
 * secret values), so whoever runs n8n can mend a trigger that broke after it was published.
 */
function answerMisconfigured(
	this: IWebhookFunctions,
	res: BrowserResponse,
	error: unknown,
): IWebhookResponseData {
	const reason =
		error instanceof DigiLockerError
			? error.message
			: 'the DigiLocker credential could not be read';
	this.logger.error(`DigiLocker Trigger "${this.getNode().name}" cannot serve consent: ${reason}`);
	sendPage(res, 500, { kind: 'misconfigured', text: NEUTRAL_PAGES.misconfigured, good: false });
	return ANSWERED;
}

async function callback(
	this: IWebhookFunctions,
	res: BrowserResponse,
	request: { rawUrl: string; cookieHeader: string | string[] | undefined },
	app: DigiLockerApp,
	settings: TriggerSettings,
): Promise<IWebhookResponseData> {
	const query = readCallbackQuery(request.rawUrl);
	if (!query) {
		sendPage(res, 400, { kind: 'malformed', text: NEUTRAL_PAGES.malformed, good: false });
		return ANSWERED;
	}
	const { result, usedCookie } = await resolveCallback.call(
		this,
		app,
		{ query, cookieHeader: request.cookieHeader },
		new Date(),
	);
	const cookies = usedCookie ? [clearBindingCookie(usedCookie, cookieScopeOf(app))] : [];
	const workflowData = settings.startOn.has(result.outcome) ? [[{ json: result.item }]] : undefined;
	if (workflowData && settings.responseMode === 'responseNode') {
		prepareForResponseNode(res, cookies);
		return { workflowData };
	}
	answerBrowser(res, settings, result, cookies);
	return workflowData ? { ...ANSWERED, workflowData } : ANSWERED;
}

/** Serves both URLs of the trigger: `setup` is <path>/start, `default` the callback DigiLocker returns to. */
export async function serveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const res = this.getResponseObject() as unknown as BrowserResponse;
	if (req.method !== 'GET') {
		res.setHeader('Allow', 'GET');
		sendPage(res, 405, { kind: 'malformed', text: NEUTRAL_PAGES.malformed, good: false });
		return ANSWERED;
	}
	let app: DigiLockerApp;
	let settings: TriggerSettings;
	try {
		app = toAppConfig(await this.getCredentials(CREDENTIAL_TYPE));
		settings = readTriggerSettings.call(this);
	} catch (error) {
		return answerMisconfigured.call(this, res, error);
	}
	const rawUrl = req.originalUrl ?? req.url ?? '';
	if (this.getWebhookName() === 'setup') {
		try {
			handleStart.call(this, res, rawUrl, app, new Date());
		} catch (error) {
			return answerMisconfigured.call(this, res, error);
		}
		return ANSWERED;
	}
	return await callback.call(
		this,
		res,
		{ rawUrl, cookieHeader: req.headers.cookie },
		app,
		settings,
	);
}
