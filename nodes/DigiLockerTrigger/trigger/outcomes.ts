import type { IDataObject } from 'n8n-workflow';

export const OUTCOMES = ['granted', 'denied', 'expired', 'failed', 'invalid'] as const;

/** What became of one return from DigiLocker's consent page. */
export type Outcome = (typeof OUTCOMES)[number];

/** By default every outcome but `invalid` starts the workflow, so bots and scanners hitting the URL start nothing. */
export const DEFAULT_STARTING_OUTCOMES: Outcome[] = ['granted', 'denied', 'expired', 'failed'];

export interface CallbackResult {
	outcome: Outcome;
	/** The envelope plus `outcome` (and `context` once the state was verified): the item the workflow starts with. */
	item: IDataObject;
	/** The state's context; only set when the state was verified. */
	context?: string;
}

export const isOutcome = (value: unknown): value is Outcome =>
	typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
