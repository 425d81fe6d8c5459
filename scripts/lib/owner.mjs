// n8n 2.x shows its editor only after an owner account exists. This creates it headlessly, through the same REST
// call the first-run setup page makes (POST /rest/owner/setup), for a local demo instance.
import { randomBytes } from 'node:crypto';

export function newOwner() {
	return {
		email: 'demo@example.com',
		firstName: 'DigiLocker',
		lastName: 'Demo',
		// n8n wants 8+ characters with a digit and an upper-case letter
		password: `Demo-${randomBytes(9).toString('base64url')}-7Q`,
	};
}

/** -> { ok, status, message } */
export async function setupOwner(baseUrl, owner) {
	const res = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': 'digilocker-demo-setup' },
		body: JSON.stringify(owner),
		signal: AbortSignal.timeout(15_000),
	});
	const body = await res.json().catch(() => null);
	return { ok: res.ok, status: res.status, message: body?.message ?? '' };
}
