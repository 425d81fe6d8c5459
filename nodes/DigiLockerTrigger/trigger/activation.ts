import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { buildConsentRequest } from '../../DigiLocker/actions/authorization/consentUrl';
import { toAppConfig } from '../../DigiLocker/helpers/appConfig';
import { CREDENTIAL_TYPE } from '../../DigiLocker/helpers/constants';
import { DigiLockerError } from '../../DigiLocker/helpers/errors';
import { readTriggerSettings } from './settings';

const trimSlashes = (text: string) => text.trim().replace(/^\/+|\/+$/g, '');

/**
 * Checked when the workflow is published or starts listening for a test event, so a setup that cannot work fails
 * there with its reason instead of in a customer's browser.
 */
export async function checkSetup(this: IHookFunctions): Promise<boolean> {
	try {
		const app = toAppConfig(await this.getCredentials(CREDENTIAL_TYPE));
		readTriggerSettings.call(this);
		const path = trimSlashes(String(this.getNodeParameter('path', '')));
		const expectedEnd = `/${path}/callback`;
		if (!new URL(app.redirectUri).pathname.endsWith(expectedEnd)) {
			throw new DigiLockerError(
				'VALIDATION_ERROR',
				`The credential's Redirect URI (${app.redirectUri}) is not this trigger's callback: its path must end in ${expectedEnd}`,
				{
					hint: "Copy the trigger's Production callback URL into the credential's Redirect URI and the partner portal.",
				},
			);
		}
		if (this.getNodeParameter('serveStart', true) === true) {
			const options = this.getNodeParameter('consentOptions', {}) as IDataObject;
			buildConsentRequest(app, { now: new Date(), options, context: '', binding: '' });
		}
	} catch (error) {
		if (error instanceof DigiLockerError) {
			throw new NodeOperationError(this.getNode(), error.message, { description: error.hint });
		}
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	return true;
}
