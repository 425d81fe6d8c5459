/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- fake apps for tests; nothing here is a real secret */

/** The app the tests register with the simulator. */
export const testApp = {
	clientId: 'TESTAPP-111-222',
	clientSecret: 'test-secret-333-444-555',
	redirectUri: 'https://n8n.example.test/webhook/digilocker/callback',
};

/** A second app, for states and tokens that must not cross apps. */
export const otherApp = {
	clientId: 'OTHERAPP-666-777',
	clientSecret: 'other-secret-888-999-000',
	redirectUri: 'https://other.example.test/callback',
};
