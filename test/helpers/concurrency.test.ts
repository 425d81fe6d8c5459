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

	it('handles no work', async () => {
		await expect(mapWithConcurrency(0, 5, async () => 1)).resolves.toEqual([]);
	});
});
