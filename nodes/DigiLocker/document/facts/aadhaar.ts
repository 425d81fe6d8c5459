/** Verhoeff's multiplication and permutation tables (dihedral group D5). */
const MULTIPLY = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
	[2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
	[3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
	[4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
	[5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
	[6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
	[7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
	[8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
	[9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const PERMUTE = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
	[5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
	[8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
	[9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
	[4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
	[2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
	[7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

function verhoeffValid(digits: string): boolean {
	let check = 0;
	for (let i = 0; i < digits.length; i++) {
		const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
		check = MULTIPLY[check][PERMUTE[i % 8][digit]];
	}
	return check === 0;
}

/** Looks like an Aadhaar number: 12 digits, the first 2 to 9, not a palindrome, Verhoeff check digit right. */
export function isLikelyAadhaar(digits: string): boolean {
	return (
		/^[2-9]\d{11}$/.test(digits) &&
		digits !== [...digits].reverse().join('') &&
		verhoeffValid(digits)
	);
}

/** 12 digits, written together or in groups of four, not part of a longer number. */
const TWELVE_DIGIT_RUN = /(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)/g;

/** Every likely Aadhaar number in `text` becomes `XXXX XXXX` and its last 4 digits. */
export function maskAadhaarNumbers(text: string): string {
	return text.replace(TWELVE_DIGIT_RUN, (run) => {
		const digits = run.replace(/\D/g, '');
		return isLikelyAadhaar(digits) ? `XXXX XXXX ${digits.slice(8)}` : run;
	});
}

/** The last 4 digits of a uid as documents carry it: `xxxxxxxx1234`, or a full number. */
export function aadhaarLastFour(uid: string | undefined): string | undefined {
	const match = /(\d{4})$/.exec(uid?.trim() ?? '');
	return match?.[1];
}
