/**
 * Runs `task` for indexes 0..count-1 with at most `limit` running at once and returns the results in index order.
 * `limit` may be a function: it is asked again whenever a task ends, so an adaptive limit takes effect at once (a
 * lower one by starting nothing until fewer run). Once `shouldStop()` is true no new index starts; indexes never
 * started are left undefined.
 */
export async function mapWithConcurrency<T>(
	count: number,
	limit: number | (() => number),
	task: (index: number) => Promise<T>,
	shouldStop: () => boolean = () => false,
): Promise<Array<T | undefined>> {
	const results: Array<T | undefined> = new Array(count).fill(undefined);
	const currentLimit = () => Math.max(1, typeof limit === 'function' ? limit() : limit);
	let next = 0;
	let running = 0;
	return await new Promise((resolve, reject) => {
		let failed = false;
		const fill = () => {
			while (!failed && next < count && running < currentLimit() && !shouldStop()) {
				const index = next++;
				running++;
				task(index).then(
					(value) => {
						results[index] = value;
						running--;
						fill();
					},
					(error: unknown) => {
						failed = true;
						reject(error);
					},
				);
			}
			if (running === 0 && !failed) resolve(results);
		};
		fill();
	});
}
