import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
} from 'n8n-workflow';

/** A well-formed verifier for the deliberately invalid code the Test button exchanges. */
export const CREDENTIAL_TEST_CODE_VERIFIER = 'n8n-credential-test-verifier-0000000000000000';

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

/**
 * Statuses that fail the Test whatever the body says. n8n throws on them (they are the `except` of
 * ignoreHttpStatusErrors), and its tester then applies only the `responseCode` rules. Every 4xx but 429
 * is read as a body instead.
 */
const statusMessages = new Map<number, string>([
	...range(200, 299).map((status): [number, string] => [
		status,
		`The Base URL did not answer like a DigiLocker token endpoint (HTTP ${status} to a test code). Check the environment or base URL.`,
	]),
	...range(300, 399).map((status): [number, string] => [
		status,
		`The Base URL answered with a redirect (HTTP ${status}). The Test follows no redirects, so nothing was sent on; enter the address that answers itself.`,
	]),
	[429, 'DigiLocker is limiting requests (HTTP 429). Try the Test again later.'],
	...range(500, 599).map((status): [number, string] => [
		status,
		`DigiLocker's token endpoint failed (HTTP ${status}). Try the Test again later.`,
	]),
]);

export const STATUSES_THAT_FAIL = [...statusMessages.keys()];

const failOnStatus = [...statusMessages].map(
	([value, message]): IAuthenticateRuleResponseCode => ({
		type: 'responseCode',
		properties: { value, message },
	}),
);

const failOnError = (
	value: string | null | undefined,
	message: string,
): IAuthenticateRuleResponseSuccessBody => ({
	type: 'responseSuccessBody',
	properties: { key: 'error', value, message },
});

const keyOrSecretRejected = (error: string) =>
	failOnError(
		error,
		`DigiLocker rejected the App Key or App Secret (${error}). Check both, and the Client Authentication style.`,
	);

const grantNotTaken = (error: string) =>
	failOnError(
		error,
		`The token endpoint does not take the authorization_code grant (${error}). Check the environment or base URL.`,
	);

const notTheCodeRefused = (error: string) =>
	failOnError(
		error,
		`The token endpoint answered ${error}, not invalid_grant, so the Test cannot confirm the key and secret.`,
	);

const NOT_A_TOKEN_ENDPOINT =
	'The Base URL did not answer like a DigiLocker token endpoint (no OAuth "error" in the reply to a test code). Check the environment or base URL.';

/**
 * n8n can only fail a Test on an answer equal to a listed value, so these list every known answer that is not
 * `invalid_grant` (RFC 6749, 6750, 7009, 8628 and DigiLocker's own codes). An OAuth error outside the list passes.
 */
const failOnBody = [
	failOnError(
		'invalid_request',
		'The token endpoint refused the form of the request (invalid_request). Check the Client Authentication style: DigiLocker may expect the other one.',
	),
	...['invalid_client', 'invalid_client_id', 'unauthorized_client'].map(keyOrSecretRejected),
	...['unsupported_grant_type', 'invalid_grant_type'].map(grantNotTaken),
	...[
		'invalid_scope',
		'access_denied',
		'unsupported_response_type',
		'server_error',
		'temporarily_unavailable',
		'unexpected_error',
		'invalid_token',
		'insufficient_scope',
		'invalid_parameter',
		'unsupported_token_type',
		'authorization_pending',
		'slow_down',
		'expired_token',
		'invalid_target',
	].map(notTheCodeRefused),
	...[undefined, null, ''].map((value) => failOnError(value, NOT_A_TOKEN_ENDPOINT)),
];

/**
 * n8n's type is a union of two array types, but its tester walks one array and checks each rule's `type`
 * (credentials-tester.service.ts): `responseCode` rules when the request threw, body rules on an answer.
 */
export const credentialTestRules = [...failOnStatus, ...failOnBody] as unknown as NonNullable<
	ICredentialTestRequest['rules']
>;
