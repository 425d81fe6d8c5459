/**
 * States already used by a callback in this n8n instance (one running n8n, not shared between webhook servers in
 * queue mode). DigiLocker spends a code once, so a replay elsewhere fails at the exchange; this makes a replayed
 * state fail before anything is sent.
 */
const MAX_REMEMBERED = 10_000;
const usedUntil = new Map<string, number>();

function forgetExpired(nowSeconds: number): void {
	for (const [nonce, expiresAt] of usedUntil) {
		if (expiresAt <= nowSeconds) usedUntil.delete(nonce);
	}
}

/** True the first time a state's nonce is claimed; false on every later call within its lifetime. */
export function claimState(nonce: string, expiresAt: number, nowSeconds: number): boolean {
	if (usedUntil.has(nonce)) return false;
	if (usedUntil.size >= MAX_REMEMBERED) forgetExpired(nowSeconds);
	if (usedUntil.size >= MAX_REMEMBERED) {
		const oldest = usedUntil.keys().next().value;
		if (oldest !== undefined) usedUntil.delete(oldest);
	}
	usedUntil.set(nonce, expiresAt);
	return true;
}
