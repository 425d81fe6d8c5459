import type { IExecuteFunctions } from 'n8n-workflow';

import { DigiLockerError } from '../../nodes/DigiLocker/helpers/errors';
import { MAX_SLOWED_DOWN_REFUSALS, withRetries } from '../../nodes/DigiLocker/transport/retry';

const context = {} as IExecuteFunctions;
const refusal = (slowedDown: boolean) =>
	new DigiLockerError('RATE_LIMITED', 'Too many requests: HTTP 429', {
		status: 429,
		retryAfterMs: 0,
		slowedDown,
	});

/** An attempt that fails with `failures` in order, then succeeds; counts its calls. */
function attempts(failures: DigiLockerError[]) {
	let calls = 0;
	return {
		get calls() {
			return calls;
		},
		run: async () => {
			const failure = failures[calls++];
			if (failure) throw failure;
			return 'ok';
		},
	};
}

describe('withRetries and refusals the run slowed down for', () => {
	it('does not count them as tries, up to the cap', async () => {
		const attempt = attempts([refusal(true), refusal(true), refusal(false), refusal(true)]);
		await expect(withRetries(context, { timeoutMs: 1000, maxTries: 2 }, attempt.run)).resolves.toBe(
			'ok',
		);
		expect(attempt.calls).toBe(5);
	}, 20_000);

	it('counts them once the cap is used up', async () => {
		const failures = Array.from({ length: 10 }, () => refusal(true));
		const attempt = attempts(failures);
		await expect(
			withRetries(context, { timeoutMs: 1000, maxTries: 2 }, attempt.run),
		).rejects.toMatchObject({ code: 'RATE_LIMITED' });
		expect(attempt.calls).toBe(MAX_SLOWED_DOWN_REFUSALS + 2);
	}, 20_000);

	it('counts every refusal when the run did not slow down, and never retries with Max Tries 1', async () => {
		const plain = attempts([refusal(false), refusal(false), refusal(false)]);
		await expect(
			withRetries(context, { timeoutMs: 1000, maxTries: 2 }, plain.run),
		).rejects.toMatchObject({ code: 'RATE_LIMITED' });
		expect(plain.calls).toBe(2);

		const once = attempts([refusal(true)]);
		await expect(
			withRetries(context, { timeoutMs: 1000, maxTries: 1 }, once.run),
		).rejects.toMatchObject({ code: 'RATE_LIMITED' });
		expect(once.calls).toBe(1);
	});
});
