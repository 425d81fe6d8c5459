import { sleep } from 'n8n-workflow';

import { createRequestSlots } from '../../nodes/DigiLocker/transport/requestSlots';

const settled = async () => await sleep(0);

describe('request slots', () => {
	it('grants at most the limit at once, the rest in the order asked as slots come back', async () => {
		const slots = createRequestSlots(() => 2);
		const admitted: number[] = [];
		const takes = [0, 1, 2, 3].map((n) => slots.take().then(() => admitted.push(n)));
		await settled();
		expect(admitted).toEqual([0, 1]);
		expect(slots.inFlight).toBe(2);
		slots.give();
		await settled();
		expect(admitted).toEqual([0, 1, 2]);
		slots.give();
		slots.give();
		await Promise.all(takes);
		expect(admitted).toEqual([0, 1, 2, 3]);
		expect(slots.inFlight).toBe(1);
	});

	it('follows a limit that changes: a lower one admits nobody until enough came back, a higher one at once', async () => {
		let limit = 3;
		const slots = createRequestSlots(() => limit);
		for (let i = 0; i < 3; i++) await slots.take();
		limit = 1;
		let admitted = false;
		const waiting = slots.take().then(() => (admitted = true));
		slots.give();
		await settled();
		expect(admitted).toBe(false); // 2 still in flight, limit 1
		slots.give();
		slots.give();
		await waiting;
		expect(slots.inFlight).toBe(1);

		limit = 5;
		for (let i = 0; i < 4; i++) await slots.take();
		const more = slots.take();
		let sixth = false;
		void more.then(() => (sixth = true));
		await settled();
		expect(sixth).toBe(false);
		limit = 6;
		slots.grant();
		await more;
		expect(slots.inFlight).toBe(6);
	});

	it('a cancelled wait rejects as cancelled and leaves the line without taking a slot', async () => {
		const slots = createRequestSlots(() => 1);
		await slots.take();
		const cancel = new AbortController();
		const waiting = slots.take(cancel.signal);
		cancel.abort();
		await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
		const next = slots.take();
		slots.give();
		await next;
		expect(slots.inFlight).toBe(1);
	});
});
