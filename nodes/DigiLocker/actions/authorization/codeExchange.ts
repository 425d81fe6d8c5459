import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { DigiLockerApp } from '../../helpers/appConfig';
import { PATHS } from '../../helpers/constants';
import type { RequestSettings } from '../../helpers/requestSettings';
import { postTokenForm } from '../../transport';
import { processTokenResponse } from './tokenResponse';

/** Spends an authorization code at the token endpoint (sent once) and checks the tokens DigiLocker gives for it. */
export async function redeemCode(
	this: IExecuteFunctions | IWebhookFunctions,
	app: DigiLockerApp,
	grant: { code: string; codeVerifier: string },
	settings: RequestSettings,
	now: Date,
): Promise<IDataObject> {
	const form = new URLSearchParams({
		grant_type: 'authorization_code',
		code: grant.code,
		redirect_uri: app.redirectUri,
		code_verifier: grant.codeVerifier,
	});
	const { status, body } = await postTokenForm.call(this, app, PATHS.token, form, settings);
	return processTokenResponse(body, status, now);
}
