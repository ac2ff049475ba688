// The limit of requests in flight, found while running: it grows while answers come as fast as
// when idle, settles where answers start to queue, and falls back on errors.
import { ConcurrencyLimit } from '../../../nodes/common/transport/concurrency-limit';
import { VirtualClock } from '../../support/virtual-clock.cjs';

/**
 * `items` requests through the limit against an API that serves `capacity` requests at once in
 * `baseMs`; beyond that, answers take proportionally longer (they queue). Returns the limit at the
 * end and the most requests seen in flight.
 */
async function simulate(
	items: number,
	ceiling: number,
	baseMs: number,
	capacity = Number.POSITIVE_INFINITY,
) {
	const clock = new VirtualClock();
	const limit = new ConcurrencyLimit(ceiling);
	let inFlight = 0;
	let most = 0;
	let next = 0;
	const worker = async () => {
		while (next < items) {
			next++;
			await limit.acquire();
			inFlight++;
			most = Math.max(most, inFlight);
			const rtt = baseMs * Math.max(1, inFlight / capacity);
			const started = clock.now;
			await clock.wait(rtt);
			inFlight--;
			limit.release(clock.now - started, true);
		}
	};
	await clock.run(Promise.all(Array.from({ length: ceiling }, worker)));
	return { limit: limit.limit, most };
}

test('while answers take as long as when idle, it grows to the ceiling', async () => {
	const { limit, most } = await simulate(2_000, 64, 100);
	expect(limit).toBe(64);
	expect(most).toBe(64);
});

test('where answers start to queue, it settles above the API’s capacity, within the tolerance', async () => {
	const { limit } = await simulate(5_000, 64, 100, 12);
	expect(limit).toBeGreaterThanOrEqual(12);
	expect(limit).toBeLessThanOrEqual(12 * ConcurrencyLimit.TOLERANCE + 8);
});

test('answers up to 1.5× slower than idle (a busy n8n reading them late) still let it grow', async () => {
	const limit = new ConcurrencyLimit(64);
	limit.release(100, true); // the unloaded round trip
	const start = limit.limit;
	for (let i = 0; i < 40; i++) {
		await limit.acquire();
		limit.release(140, true);
	}
	expect(limit.limit).toBe(Math.min(64, start + 40 * ConcurrencyLimit.GROWTH));
	// Beyond the tolerance the surplus is queueing: it shrinks.
	for (let i = 0; i < 10; i++) {
		await limit.acquire();
		limit.release(400, true);
	}
	expect(limit.limit).toBeLessThan(Math.min(64, start + 40 * ConcurrencyLimit.GROWTH));
});

test('it grows ×1.5 per round trip: from 8 in flight to 64 in six round trips', async () => {
	const clock = new VirtualClock();
	const limit = new ConcurrencyLimit(64);
	const seen: number[] = [];
	for (let trip = 0; trip < 7; trip++) {
		seen.push(limit.limit);
		const n = limit.limit;
		await Promise.all(Array.from({ length: n }, async () => await limit.acquire()));
		await clock.run(clock.wait(100));
		for (let i = 0; i < n; i++) limit.release(100, true);
	}
	expect(seen).toEqual([8, 12, 18, 27, 40, 60, 64]);
});

test('the user’s Concurrency is the ceiling', async () => {
	const { limit, most } = await simulate(1_000, 10, 50);
	expect(limit).toBe(10);
	expect(most).toBe(10);
});

test('errors cut it by a tenth, never below one', () => {
	const limit = new ConcurrencyLimit(64, 40);
	limit.release(100, false);
	expect(limit.limit).toBe(36);
	for (let i = 0; i < 100; i++) limit.release(100, false);
	expect(limit.limit).toBe(1);
});
