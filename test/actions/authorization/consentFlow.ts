import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runDigiLockerNode, type NodeRun } from '../../engine/harness';
import { otherApp, testApp } from '../../fixtures';
import { startSimulator } from '../../simulator';

export type ClientAuthStyle = 'basic' | 'body';
export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/** A simulator that knows the test app and a second one, on a clock the test can move. */
export async function startTestSimulator(clock = { offsetMs: 0 }) {
	return await startSimulator({
		apps: [
			{ ...testApp, redirectUris: [testApp.redirectUri, `${testApp.redirectUri}/other`] },
			{ ...otherApp, redirectUris: [otherApp.redirectUri] },
		],
		now: () => Date.now() + clock.offsetMs,
	});
}

export function credentialsFor(
	sim: Simulator,
	style: ClientAuthStyle,
	overrides: IDataObject = {},
) {
	return {
		...testApp,
		environment: 'custom',
		baseUrl: sim.baseUrl,
		clientAuthentication: style,
		...overrides,
	};
}

export async function runOperation(
	sim: Simulator,
	style: ClientAuthStyle,
	parameters: INodeParameters,
	options: { input?: IDataObject[]; continueOnFail?: boolean; credentials?: IDataObject } = {},
): Promise<NodeRun> {
	return await runDigiLockerNode({
		parameters: { resource: 'authorization', ...parameters },
		credentials: credentialsFor(sim, style, options.credentials),
		input: options.input,
		continueOnFail: options.continueOnFail ?? true,
	});
}

export interface Consent {
	code: string;
	state: string;
	codeVerifier: string;
}

/** Builds a consent URL with the node, lets the simulator's user allow it, and reads the callback. */
export async function giveConsent(
	sim: Simulator,
	style: ClientAuthStyle,
	context = 'customer-1',
	scope?: string,
): Promise<Consent> {
	const options = scope ? { scope } : {};
	const { items } = await runOperation(sim, style, {
		operation: 'getAuthorizationUrl',
		context,
		options,
	});
	const data = items?.[0]?.json.data as IDataObject;
	const response = await fetch(`${data.url as string}&sim_auto=allow`, { redirect: 'manual' });
	const location = response.headers.get('location');
	if (response.status !== 302 || !location) {
		throw new Error(
			`the simulator did not redirect: HTTP ${response.status} ${await response.text()}`,
		);
	}
	const callback = new URL(location).searchParams;
	return {
		code: callback.get('code') ?? '',
		state: callback.get('state') ?? '',
		codeVerifier: data.code_verifier as string,
	};
}

export async function obtainTokens(
	sim: Simulator,
	style: ClientAuthStyle,
	scope?: string,
): Promise<IDataObject> {
	const consent = await giveConsent(sim, style, 'customer-1', scope);
	const { items } = await runOperation(sim, style, {
		operation: 'exchangeCode',
		code: consent.code,
		state: consent.state,
	});
	return items?.[0]?.json.data as IDataObject;
}

/** Refresh Token once per refresh token (one item each), against `sim` with the basic-auth test app. */
export const refreshEach = async (
	sim: Simulator,
	tokens: string[],
	failure: Pick<Parameters<typeof runDigiLockerNode>[0], 'continueOnFail' | 'onError'> = {},
) =>
	await runDigiLockerNode({
		parameters: {
			resource: 'authorization',
			operation: 'refreshToken',
			refreshToken: '={{ $json.token }}',
		},
		credentials: credentialsFor(sim, 'basic'),
		input: tokens.map((token) => ({ token })),
		...failure,
	});

export const tokenRequests = (sim: Simulator) =>
	sim.requests.filter((request) => request.path.endsWith('/oauth2/1/token'));

export const revokeRequests = (sim: Simulator) =>
	sim.requests.filter((request) => request.path.endsWith('/oauth2/1/revoke'));

/**
 * Everything a node run produced, as one string, to search for leaked secrets. n8n attaches the node's own
 * definition to an error (`error.node`); it holds the parameters as written in the workflow (in practice an
 * expression such as {{ $json.query.code }}), not values the node produced, so it is left out.
 */
export function serialized(run: NodeRun): string {
	const error: Record<string, unknown> = { ...(run.error ?? {}) };
	delete error.node;
	return JSON.stringify({
		items: run.items,
		error,
		message: run.error?.message,
		description: run.error?.description,
	});
}
