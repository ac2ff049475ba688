// The gate in front of every send: a 429 halves the sends allowed in flight, answered windows
// widen it again, and without 429s it never holds anything back.
import { RateGate } from '../../../nodes/common/transport/rate-gate';

/** Starts `n` sends; returns how many got through at once. */
async function startMany(gate: RateGate, n: number): Promise<{ started: () => number }> {
	let started = 0;
	for (let i = 0; i < n; i++) void gate.enter().then(() => started++);
	await new Promise((resolve) => setImmediate(resolve));
	return { started: () => started };
}

test('without a 429 it never limits: 200 sends start at once', async () => {
	const gate = new RateGate();
	const { started } = await startMany(gate, 200);
	expect(started()).toBe(200);
	expect(gate.allowedInFlight).toBe(Number.POSITIVE_INFINITY);
});

test('a 429 with 8 in flight allows 4; further sends wait until there is room', async () => {
	const gate = new RateGate();
	await startMany(gate, 8);
	gate.leave(true); // 7 still in flight, the 8th was answered 429
	expect(gate.allowedInFlight).toBe(4);
	const more = await startMany(gate, 3);
	expect(more.started()).toBe(0);
	for (let i = 0; i < 3; i++) gate.leave(false); // 4 in flight: still full
	await new Promise((resolve) => setImmediate(resolve));
	expect(more.started()).toBe(0);
	gate.leave(false); // 3 in flight, and 4 answers widened the window to 5: two fit
	await new Promise((resolve) => setImmediate(resolve));
	expect(gate.allowedInFlight).toBe(5);
	expect(more.started()).toBe(2);
});

test('one answered window widens it by one; it opens up completely past 64', async () => {
	const gate = new RateGate();
	await startMany(gate, 2);
	gate.leave(true);
	expect(gate.allowedInFlight).toBe(1);
	gate.leave(false);
	expect(gate.allowedInFlight).toBe(2);
	for (let round = 0; round < 5_000 && Number.isFinite(gate.allowedInFlight); round++) {
		await gate.enter();
		gate.leave(false);
	}
	expect(gate.allowedInFlight).toBe(Number.POSITIVE_INFINITY);
});

test('never below one send in flight, however many 429s', async () => {
	const gate = new RateGate();
	for (let i = 0; i < 5; i++) {
		await gate.enter();
		gate.leave(true);
	}
	expect(gate.allowedInFlight).toBe(1);
	const { started } = await startMany(gate, 3);
	expect(started()).toBe(1);
});

test('a Retry-After holds every send back until it has passed, and reports the wait', async () => {
	let now = 1_000;
	const gate = new RateGate(() => now);
	gate.closeFor(30);
	const entered = gate.enter();
	now += 30;
	expect(await entered).toBeGreaterThanOrEqual(30);
});
