import { sleep } from 'n8n-workflow';

import { createPacer } from '../../nodes/DigiLocker/transport/pacer';
import type { SendTicket } from '../../nodes/DigiLocker/helpers/requestSettings';

const settled = async () => await sleep(0);

describe('the run pacer', () => {
	it('adaptive: after a refusal, retries wait their turn under the cut limit and the Retry-After', async () => {
		const pacer = createPacer('adaptive');
		const tickets: SendTicket[] = [];
		for (let i = 0; i < 50; i++) tickets.push(await pacer.beforeSend());
		expect(tickets.map((ticket) => ticket.inFlight)).toEqual(
			Array.from({ length: 50 }, (_, i) => i + 1),
		);
		// the 9th in flight was refused: the limit falls below 9, and all 50 answered
		const pausedFrom = Date.now();
		pacer.record(tickets[8], 'overload', 1500);
		expect(pacer.limit()).toBe(8);
		expect(pacer.sentAboveLimit(tickets[8])).toBe(true);
		for (const ticket of tickets.slice(0, 8)) pacer.record(ticket, 'clean');
		for (const ticket of tickets.slice(9)) pacer.record(ticket, 'overload', 1500);

		const retried: SendTicket[] = [];
		const retry = async () => {
			const ticket = await pacer.beforeSend();
			retried.push(ticket);
			await sleep(20);
			pacer.record(ticket, 'clean');
		};
		const retries = Array.from({ length: 20 }, retry);
		await sleep(100);
		expect(retried).toHaveLength(0);
		await Promise.all(retries);
		expect(Date.now() - pausedFrom).toBeGreaterThanOrEqual(1500);
		expect(retried).toHaveLength(20);
		// the first turns go out at the cut limit, later ones as clean answers grow it back
		expect(Math.max(...retried.slice(0, 8).map((ticket) => ticket.inFlight))).toBe(8);
		expect(Math.max(...retried.map((ticket) => ticket.inFlight))).toBeLessThanOrEqual(
			pacer.limit(),
		);
		expect(pacer.limit()).toBeLessThan(12);
	});

	it('fixed: keeps its number, never reads as slowed down, and still waits out a Retry-After', async () => {
		const pacer = createPacer(3);
		const tickets = [await pacer.beforeSend(), await pacer.beforeSend(), await pacer.beforeSend()];
		let fourth = false;
		const waiting = pacer.beforeSend().then((ticket) => {
			fourth = true;
			return ticket;
		});
		await settled();
		expect(fourth).toBe(false);
		pacer.record(tickets[0], 'overload', 200);
		expect(pacer.limit()).toBe(3);
		expect(pacer.sentAboveLimit(tickets[0])).toBe(false);
		const started = Date.now();
		const ticket = await waiting;
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
		expect(ticket.inFlight).toBe(3);
	});

	it('a cancelled execution stops a request waiting for its turn', async () => {
		const pacer = createPacer(1);
		await pacer.beforeSend();
		const cancel = new AbortController();
		const waiting = pacer.beforeSend(cancel.signal);
		cancel.abort();
		await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
	});
});
