import type { ICredentialTestRequest } from 'n8n-workflow';

/** A well-formed verifier for the deliberately invalid code the Test button exchanges. */
export const CREDENTIAL_TEST_CODE_VERIFIER = 'n8n-credential-test-verifier-0000000000000000';

const rejected = (error: string) => ({
	type: 'responseSuccessBody' as const,
	properties: {
		key: 'error',
		value: error,
		message: `DigiLocker rejected the App Key or App Secret (${error}). Check both, and the Client Authentication style.`,
	},
});

/**
 * n8n applies these in order to the token endpoint's answer to an invalid code. A client error means the key or
 * secret is wrong; an answer that is no OAuth error at all means the base URL is not a DigiLocker token endpoint;
 * any other OAuth error (invalid_grant) means DigiLocker accepted the key and secret and refused only the code.
 */
export const credentialTestRules: NonNullable<ICredentialTestRequest['rules']> = [
	rejected('invalid_client'),
	rejected('invalid_client_id'),
	rejected('unauthorized_client'),
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'error',
			value: undefined,
			message:
				'The Base URL did not answer like a DigiLocker token endpoint (no OAuth "error" in the reply to a test code). Check the environment or base URL.',
		},
	},
];
