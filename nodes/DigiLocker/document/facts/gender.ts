const GENDERS: Record<string, 'M' | 'F' | 'T'> = {
	m: 'M',
	male: 'M',
	f: 'F',
	female: 'F',
	t: 'T',
	transgender: 'T',
};

/** `M`, `F` or `T` from the spellings documents use (`M`, `MALE`, `Male`, …); undefined for anything else. */
export const toGender = (raw: string | undefined) => GENDERS[raw?.trim().toLowerCase() ?? ''];
