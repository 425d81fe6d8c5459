import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runDigiLockerNode, type NodeRun } from '../engine/harness';
import {
	credentialsFor,
	obtainTokens,
	startTestSimulator,
	type Simulator,
} from './authorization/consentFlow';

export type { Simulator };

/** A simulator and one user's live tokens (all scopes), for the tests of one file. */
export async function startWithUser(options: { clock?: { offsetMs: number } } = {}) {
	const sim = await startTestSimulator(options.clock);
	const tokens = await obtainTokens(sim, 'basic');
	return {
		sim,
		accessToken: tokens.access_token as string,
		digilockerid: tokens.digilockerid as string,
	};
}

/**
 * The test file's simulator with a consented user, handed to `use` once started: started before all tests, stopped
 * after them, with faults and recorded requests cleared before each.
 */
export function useSimulatorWithUser(
	use: (session: Awaited<ReturnType<typeof startWithUser>>) => void,
): void {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		const session = await startWithUser();
		sim = session.sim;
		use(session);
	});
	afterAll(async () => await sim?.stop());
	beforeEach(() => {
		sim?.clearFaults();
		sim?.clearRequests();
	});
}

export async function runDocumentNode(
	sim: Simulator,
	parameters: INodeParameters,
	options: {
		input?: IDataObject[];
		inputItems?: INodeExecutionData[];
		continueOnFail?: boolean;
	} = {},
): Promise<NodeRun> {
	return await runDigiLockerNode({
		parameters,
		credentials: credentialsFor(sim, 'basic'),
		input: options.input,
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail ?? true,
	});
}

export const requestsTo = (sim: Simulator, pathPart: string) =>
	sim.requests.filter((request) => request.path.includes(pathPart));

export const dataOf = (run: NodeRun) =>
	(run.items ?? []).map((item) => item.json.data as IDataObject);
export const errorOf = (run: NodeRun, index = 0) =>
	run.items?.[index]?.json.error as IDataObject | undefined;
