import { sleep } from 'n8n-workflow';

import { mapWithConcurrency } from '../../nodes/DigiLocker/helpers/concurrency';

describe('mapWithConcurrency', () => {
	it('keeps index order whatever order tasks finish in, and never runs more than the limit', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapWithConcurrency(20, 4, async (index) => {
			running++;
			peak = Math.max(peak, running);
			await sleep((20 - index) % 7);
			running--;
			return index * 10;
		});
		expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index * 10));
		expect(peak).toBe(4);
	});

	it('starts nothing new once asked to stop, and leaves those indexes empty', async () => {
		let stop = false;
		const started: number[] = [];
		const results = await mapWithConcurrency(
			10,
			2,
			async (index) => {
				started.push(index);
				if (index === 3) stop = true;
				return index;
			},
			() => stop,
		);
		expect(started).toEqual([0, 1, 2, 3]);
		expect(results).toEqual([
			0,
			1,
			2,
			3,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
		]);
	});

	it('asks a function limit again as tasks end: a lower limit starts nothing until fewer run', async () => {
		let limit = 4;
		let running = 0;
		const seen: number[] = [];
		await mapWithConcurrency(
			30,
			() => limit,
			async (index) => {
				running++;
				seen.push(running);
				if (index === 5) limit = 1;
				if (index === 20) limit = 6;
				await sleep(1);
				running--;
				return index;
			},
		);
		expect(Math.max(...seen.slice(0, 6))).toBe(4);
		// after the cut, once the running ones drained, one at a time until index 20 raised it
		expect(seen.slice(10, 20).every((count) => count === 1)).toBe(true);
		expect(Math.max(...seen.slice(21))).toBeGreaterThan(1);
	});

	it('handles no work', async () => {
		await expect(mapWithConcurrency(0, 5, async () => 1)).resolves.toEqual([]);
	});
});
