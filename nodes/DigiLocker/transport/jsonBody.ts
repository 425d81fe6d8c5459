import { invalidResponse } from '../helpers/errors';

/** Parses a response body that must be JSON (any value). */
export function parseJson(text: string, status: number): unknown {
	if (text.trim() === '') {
		throw invalidResponse(
			`DigiLocker returned an empty body where JSON was expected (HTTP ${status})`,
			status,
		);
	}
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw invalidResponse(
			`DigiLocker returned a body that is not valid JSON (HTTP ${status})`,
			status,
		);
	}
}

/** Parses an error body if it is a JSON object; anything else yields undefined (the status still tells). */
export function tryParseJsonObject(text: string): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(text);
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
