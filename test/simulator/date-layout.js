'use strict';

/**
 * Dates as simulated documents write them: DD-MM-YYYY (the spec), DDMMYYYY (as in DigiLocker's
 * user details) or DD/MM/YYYY (as aggregators do), and India Standard Time stamps.
 */

/** @typedef {'dash' | 'compact' | 'slash'} DateLayout */
/** @typedef {{ day: string, month: string, year: string }} DateParts */

const IST_OFFSET_MS = 5.5 * 3600 * 1000;

/** @param {string} ddmmyyyy @returns {DateParts} */
function fromDdmmyyyy(ddmmyyyy) {
	return { day: ddmmyyyy.slice(0, 2), month: ddmmyyyy.slice(2, 4), year: ddmmyyyy.slice(4, 8) };
}

/** @param {string} iso YYYY-MM-DD, or a longer ISO timestamp (its date is taken as written) @returns {DateParts} */
function fromIso(iso) {
	return { day: iso.slice(8, 10), month: iso.slice(5, 7), year: iso.slice(0, 4) };
}

/** @param {DateParts} date @param {number} years @returns {DateParts} */
function addYears(date, years) {
	return { ...date, year: String(Number(date.year) + years) };
}

/**
 * @param {DateParts} date
 * @param {DateLayout} [layout] default 'dash'
 */
function formatDate(date, layout = 'dash') {
	const { day, month, year } = date;
	if (layout === 'compact') return `${day}${month}${year}`;
	if (layout === 'slash') return `${day}/${month}/${year}`;
	return `${day}-${month}-${year}`;
}

/** @param {number} ms @returns {string} YYYY-MM-DDThh:mm:ss.sss of the IST wall clock */
function istClock(ms) {
	return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 23);
}

/** `DD-MM-YYYY hh:mm:ss` in IST, as in `verifiedOn`. @param {number} ms */
function verifiedOn(ms) {
	const clock = istClock(ms);
	return `${formatDate(fromIso(clock))} ${clock.slice(11, 19)}`;
}

/** `YYYY-MM-DDThh:mm:ss.sss+05:30`, as in e-Aadhaar `ts`. @param {number} ms */
function istTimestamp(ms) {
	return `${istClock(ms)}+05:30`;
}

module.exports = {
	fromDdmmyyyy,
	fromIso,
	addYears,
	formatDate,
	istClock,
	verifiedOn,
	istTimestamp,
};
