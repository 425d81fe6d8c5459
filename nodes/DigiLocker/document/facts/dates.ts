const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(year: string, month: string, day: string): string | undefined {
	const y = Number(year);
	const m = Number(month);
	const d = Number(day);
	if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return undefined;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	if (m === 2 && d === 29 && !leap) return undefined;
	return `${year}-${month}-${day}`;
}

/**
 * A date as DigiLocker's documents write it, as ISO `YYYY-MM-DD` (or `YYYY` when only a year is known):
 * `DD-MM-YYYY`, `DD/MM/YYYY`, `DDMMYYYY`, `YYYY-MM-DD`, each possibly followed by a time (` hh:mm:ss` or `T…`).
 * Undefined when it is none of these or not a real date.
 */
export function toIsoDate(raw: string | undefined): string | undefined {
	const text = raw?.trim().split(/[ T]/)[0] ?? '';
	let match = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text);
	if (match) return isoDate(match[3], match[2], match[1]);
	match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (match) return isoDate(match[1], match[2], match[3]);
	return /^(19|20)\d{2}$/.test(text) ? text : undefined;
}

/** A timestamp with or without an offset (e-Aadhaar `ts`), as ISO in UTC; undefined when it cannot be read. */
export function toIsoTimestamp(raw: string | undefined): string | undefined {
	const text = raw?.trim() ?? '';
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) {
		return undefined;
	}
	const time = Date.parse(text);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
