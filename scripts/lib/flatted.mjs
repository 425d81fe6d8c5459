// Reads n8n's stored execution data (execution_data.data), which n8n writes with the `flatted` format: a JSON array
// whose entry 0 is the root; inside objects and arrays every string is the index of another entry, while numbers,
// booleans and null are literal. Entries that are strings are plain string values. Shared and circular references
// come back as the same object.
export function parseFlatted(text) {
	const table = JSON.parse(text);
	if (!Array.isArray(table)) throw new Error('not flatted data: expected a JSON array');
	const built = new Map();
	const resolve = (index) => {
		const entry = table[index];
		if (entry === null || typeof entry !== 'object') return entry;
		if (built.has(index)) return built.get(index);
		const out = Array.isArray(entry) ? [] : {};
		built.set(index, out);
		for (const [key, value] of Object.entries(entry))
			out[key] = typeof value === 'string' ? resolve(Number(value)) : value;
		return out;
	};
	return resolve(0);
}
