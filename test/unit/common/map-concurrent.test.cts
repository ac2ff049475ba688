import { mapConcurrent } from '../../../nodes/common/items/map-concurrent';

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
}

describe('mapConcurrent', () => {
	it('never has more than `limit` calls in flight and keeps input order', async () => {
		let inFlight = 0;
		let peak = 0;
		const inputs = Array.from({ length: 50 }, (_, i) => i);
		const results = await mapConcurrent(inputs, 4, async (n) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			// Later inputs finish first, so order can only come from the index, not from timing.
			await new Promise((r) => setImmediate(r));
			if (n % 2) await new Promise((r) => setImmediate(r));
			inFlight--;
			return n * 2;
		});
		expect(peak).toBe(4);
		expect(results.map((r) => (r?.ok ? r.value : null))).toEqual(inputs.map((n) => n * 2));
	});

	it('settles every input, failures included, by default', async () => {
		const results = await mapConcurrent([1, 2, 3], 2, async (n) => {
			if (n === 2) throw new Error('two');
			return n;
		});
		expect(results.map((r) => r?.ok)).toEqual([true, false, true]);
	});

	it('starts nothing new after a failure when asked to stop', async () => {
		const gate = deferred();
		const started: number[] = [];
		const promise = mapConcurrent(
			[0, 1, 2, 3, 4],
			2,
			async (n) => {
				started.push(n);
				if (n === 0) throw new Error('first fails');
				await gate.promise;
				return n;
			},
			true,
		);
		await new Promise((r) => setImmediate(r));
		gate.resolve();
		const results = await promise;
		expect(started).toEqual([0, 1]);
		expect(results[0]?.ok).toBe(false);
		expect(results[1]?.ok).toBe(true);
		expect(results.slice(2)).toEqual([undefined, undefined, undefined]);
	});
});
