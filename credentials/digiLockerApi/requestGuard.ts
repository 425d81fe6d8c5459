import {
	UserError,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { toAppConfig, type DigiLockerApp } from '../../nodes/DigiLocker/helpers/appConfig';

/**
 * Thrown before anything is sent. It carries no `code`: n8n's credential tester shows an error's code instead of
 * its message when there is one.
 */
const refusal = (reason: string) => new UserError(`${reason}. Nothing was sent.`);

/** The credential's fields, checked as the node checks them (https rule for the Base URL and Redirect URI). */
export function checkedApp(credentials: ICredentialDataDecryptedObject): DigiLockerApp {
	try {
		return toAppConfig(credentials);
	} catch (error) {
		throw refusal((error as Error).message);
	}
}

/** Where axios sends the request: an absolute (or scheme-relative) `url` as it is, any other under `baseURL`. */
function targetOrigin({ url, baseURL }: IHttpRequestOptions): string | undefined {
	try {
		return new URL(/^([a-z][a-z\d+\-.]*:)?\/\//i.test(url) ? url : String(baseURL)).origin;
	} catch {
		return undefined;
	}
}

/** The client's key and secret go to the credential's own DigiLocker origin and nowhere else. */
export function assertAddressedToApp(app: DigiLockerApp, options: IHttpRequestOptions): void {
	if (targetOrigin(options) !== new URL(app.baseUrl).origin) {
		throw refusal('The request is not addressed to the Base URL of the DigiLocker credential');
	}
}
