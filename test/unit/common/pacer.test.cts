// The pacer in front of every send, driven in virtual time against a simulated API with a
// token-bucket limit (as the sandbox and many vendors have) or a fixed or sliding one-second window:
// deterministic, no real waiting.
import { ConcurrencyLimit } from '../../../nodes/common/transport/concurrency-limit';
import { Pacer } from '../../../nodes/common/transport/pacer';
import { VirtualClock } from '../../support/virtual-clock.cjs';

interface Scenario {
	items: number;
	/** Sends in flight: a fixed number, or the client's adaptive limit under this ceiling. */
	concurrency: number | { adaptiveUpTo: number };
	latencyMs: number;
	perSecond: number;
	/** The API announces its limit in headers. */
	headers?: boolean;
	/** The limit at a given virtual time, when it changes during the run. */
	limitAt?: (ms: number) => number;
	/** How the API counts: a token bucket (default) or N per fixed / sliding second. */
	limiter?: 'bucket' | 'fixed-window' | 'sliding-window';
	/** Answers are read up to this much later, at random (a busy n8n): not in send order. */
	readLateMs?: number;
}

interface Tally {
	requests: number;
	limited: number;
	/** 429s answered to sends that started after the first second. */
	limitedAfterFirstWindow: number;
	durationMs: number;
	pace: number | undefined;
}

/** Items through a pacer against a token bucket (burst = one second's worth), as the client does. */
async function simulate(s: Scenario): Promise<Tally> {
	const clock = new VirtualClock();
	const pacer = new Pacer(() => clock.now, clock.wait);
	const adaptive =
		typeof s.concurrency === 'number'
			? undefined
			: new ConcurrencyLimit(s.concurrency.adaptiveUpTo);
	let tokens = s.perSecond;
	let refilledAt = 0;
	let window = { start: 0, taken: 0 };
	const takenAt: number[] = [];
	// A fixed-seed linear congruential generator: the same "random" delays on every run.
	let seed = 18;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const tally: Tally = {
		requests: 0,
		limited: 0,
		limitedAfterFirstWindow: 0,
		durationMs: 0,
		pace: undefined,
	};

	const windowed = (): { status: number; headers: Record<string, unknown> } => {
		let taken: boolean;
		if (s.limiter === 'fixed-window') {
			const start = Math.floor(clock.now / 1000) * 1000;
			if (start !== window.start) window = { start, taken: 0 };
			taken = window.taken < s.perSecond;
			if (taken) window.taken++;
		} else {
			while (takenAt.length > 0 && takenAt[0] <= clock.now - 1000) takenAt.shift();
			taken = takenAt.length < s.perSecond;
			if (taken) takenAt.push(clock.now);
		}
		return taken ? { status: 200, headers: {} } : { status: 429, headers: { 'retry-after': '1' } };
	};
	const arrive = (): { status: number; headers: Record<string, unknown> } => {
		if (s.limiter !== undefined && s.limiter !== 'bucket') return windowed();
		const perSecond = s.limitAt?.(clock.now) ?? s.perSecond;
		tokens = Math.min(perSecond, tokens + ((clock.now - refilledAt) / 1000) * perSecond);
		refilledAt = clock.now;
		const announce = (remaining: number, reset: number) =>
			s.headers
				? {
						'ratelimit-policy': `${s.perSecond};w=1`,
						ratelimit: `limit=${s.perSecond}, remaining=${remaining}, reset=${reset}`,
					}
				: {};
		if (tokens >= 1) {
			tokens -= 1;
			return { status: 200, headers: announce(Math.floor(tokens), tokens >= 1 ? 0 : 1) };
		}
		const retryAfter = Math.max(1, Math.ceil((1 - tokens) / perSecond));
		return {
			status: 429,
			headers: { 'retry-after': String(retryAfter), ...announce(0, retryAfter) },
		};
	};

	let next = 0;
	const worker = async () => {
		while (next < s.items) {
			next++;
			for (;;) {
				await adaptive?.acquire();
				const ticket = await pacer.enter();
				tally.requests++;
				await clock.wait(s.latencyMs / 2);
				const answer = arrive();
				await clock.wait(s.latencyMs / 2 + (s.readLateMs ?? 0) * random());
				pacer.leave(ticket, answer);
				adaptive?.release(clock.now - ticket.startedAt, answer.status !== 429);
				if (answer.status !== 429) break;
				tally.limited++;
				if (ticket.startedAt >= 1000) tally.limitedAfterFirstWindow++;
				const wait = Number(answer.headers['retry-after']) * 1000;
				pacer.closeFor(wait);
				await clock.wait(wait);
			}
		}
	};
	const workers = typeof s.concurrency === 'number' ? s.concurrency : s.concurrency.adaptiveUpTo;
	await clock.run(Promise.all(Array.from({ length: workers }, worker)));
	tally.durationMs = clock.now;
	tally.pace = pacer.rate;
	return tally;
}

describe('under a 20/s limit, 1,000 items at concurrency 24', () => {
	test.each([20, 100, 300])(
		'%i ms latency, no headers: ≤ 3 %% of requests meet a 429, ≤ 1.03× the bound',
		async (latencyMs) => {
			const t = await simulate({ items: 1000, concurrency: 24, latencyMs, perSecond: 20 });
			expect(t.limited / t.requests).toBeLessThanOrEqual(0.03);
			expect(t.durationMs).toBeLessThanOrEqual(1.03 * 50_000);
			expect(t.pace).toBeGreaterThan(18);
			expect(t.pace).toBeLessThanOrEqual(20);
		},
	);

	test.each([20, 100, 300])(
		'%i ms latency, limit announced in headers: no 429 after the first window',
		async (latencyMs) => {
			const t = await simulate({
				items: 1000,
				concurrency: 24,
				latencyMs,
				perSecond: 20,
				headers: true,
			});
			expect(t.limitedAfterFirstWindow).toBe(0);
			expect(t.durationMs).toBeLessThanOrEqual(1.03 * 50_000);
			expect(t.pace).toBe(20);
		},
	);
});

describe('under a 20/s limit, 1,000 items, in flight as the client decides (up to 64)', () => {
	// Until the first 429 comes back nothing is known about the limit, and the requests already in
	// flight then were sent into an empty bucket: growing the limit ×2 per round trip refused 4.1 %
	// of requests at 300 ms; ×1.5 refuses about half as many in that first event.
	test.each([20, 100, 300])(
		'%i ms latency, no headers: ≤ 3 %% of requests meet a 429, ≤ 1.03× the bound',
		async (latencyMs) => {
			const t = await simulate({
				items: 1000,
				concurrency: { adaptiveUpTo: 64 },
				latencyMs,
				perSecond: 20,
			});
			expect(t.limited / t.requests).toBeLessThanOrEqual(0.03);
			// The last answer comes a round trip after the last send.
			expect(t.durationMs).toBeLessThanOrEqual(1.03 * 50_000 + latencyMs);
		},
	);
});

describe('20/s per fixed or sliding second, 300 ms latency, answers read up to 100 ms late', () => {
	// The rate is learned from the sends of the second before the first 429, each counted once its
	// answer says the API took it: counting only the answers already read when the 429 was read
	// learned 5.9/s here, and the run took 3.3× the bound.
	test.each(['fixed-window', 'sliding-window'] as const)(
		'%s: it learns 20/s, ≤ 3 %% of requests meet a 429, ≤ 1.03× the bound',
		async (limiter) => {
			const t = await simulate({
				items: 1000,
				concurrency: 24,
				latencyMs: 300,
				perSecond: 20,
				limiter,
				readLateMs: 100,
			});
			expect(t.pace).toBeGreaterThan(18);
			expect(t.pace).toBeLessThanOrEqual(20);
			expect(t.limited / t.requests).toBeLessThanOrEqual(0.03);
			// The last answer may be read 100 ms late.
			expect(t.durationMs).toBeLessThanOrEqual(1.03 * 50_000 + 100);
		},
	);
});

describe("a 20/s token bucket with a burst of 20 (the sandbox's), 300 ms latency, 12 in flight", () => {
	// 12 in flight at 300 ms offer 40/s: the bucket runs dry after its burst plus a second of
	// refill, so the second before the first 429 took about 32 and the pace starts there. A ceiling
	// that could only rise let the pace creep back above 20/s after every cut: 7 % of requests met a
	// 429 and the run took 1.10× the bound. The span between two 429s brings it down to what the
	// bucket sustains.
	test.each([0, 100])(
		'answers read up to %i ms late: ≤ 3 %% of requests meet a 429, ≤ 1.03× the bound',
		async (readLateMs) => {
			const t = await simulate({
				items: 1000,
				concurrency: 12,
				latencyMs: 300,
				perSecond: 20,
				readLateMs,
			});
			expect(t.limited / t.requests).toBeLessThanOrEqual(0.03);
			// The last answer may be read readLateMs late.
			expect(t.durationMs).toBeLessThanOrEqual(1.03 * 50_000 + readLateMs);
		},
	);
});

test('a send answered after the 429 still counts towards the rate, once it is known to be taken', async () => {
	const clock = new VirtualClock();
	const pacer = new Pacer(() => clock.now, clock.wait);
	const tickets = await Promise.all(Array.from({ length: 10 }, async () => await pacer.enter()));
	await clock.run(clock.wait(10));
	const refused = await pacer.enter();
	// The 429 is read while six of the ten earlier sends are still unanswered.
	for (const t of tickets.slice(0, 4)) pacer.leave(t, { status: 200 });
	pacer.leave(refused, { status: 429 });
	expect(pacer.rate).toBeCloseTo(4 * 0.99);
	for (const t of tickets.slice(4, 9)) pacer.leave(t, { status: 200 });
	pacer.leave(tickets[9], { status: 503 });
	expect(pacer.rate).toBeCloseTo(9 * 0.99);
});

test('without a limit it never holds a send back: 200 sends start at once', async () => {
	const pacer = new Pacer();
	const tickets = await Promise.all(Array.from({ length: 200 }, async () => await pacer.enter()));
	expect(tickets.every((t) => t.waitedMs === 0)).toBe(true);
	for (const t of tickets) pacer.leave(t, { status: 200, headers: {} });
	expect(pacer.rate).toBeUndefined();
});

test('a Retry-After holds every send back until it has passed, and reports the wait', async () => {
	const clock = new VirtualClock();
	const pacer = new Pacer(() => clock.now, clock.wait);
	pacer.closeFor(30);
	const entered = pacer.enter();
	await clock.run(entered);
	expect((await entered).waitedMs).toBeGreaterThanOrEqual(30);
	expect(clock.now).toBe(30);
});

test('the 429s of sends already in flight count as one event: the pace is cut once', async () => {
	const clock = new VirtualClock();
	const pacer = new Pacer(() => clock.now, clock.wait);
	const tickets = await Promise.all(Array.from({ length: 14 }, async () => await pacer.enter()));
	for (const t of tickets.slice(0, 10)) pacer.leave(t, { status: 200 });
	for (const t of tickets.slice(10)) pacer.leave(t, { status: 429 });
	expect(pacer.rate).toBeCloseTo(10 * 0.99);
	const later = pacer.enter();
	await clock.run(later);
	pacer.leave(await later, { status: 429 });
	expect(pacer.rate).toBeCloseTo(10 * 0.99 * 0.9);
});

test('server errors and lost answers do not count as accepted sends', async () => {
	const pacer = new Pacer();
	const tickets = await Promise.all(Array.from({ length: 9 }, async () => await pacer.enter()));
	for (const t of tickets.slice(0, 4)) pacer.leave(t, { status: 200 });
	for (const t of tickets.slice(4, 8)) pacer.leave(t, { status: 503 });
	pacer.leave(tickets[8], { status: 429 });
	expect(pacer.rate).toBeCloseTo(4 * 0.99);
});

test.each([
	[7, 8, 300],
	[50, 64, 1000],
])(
	'it learns other limits too: %i/s at concurrency %i, %i items',
	async (perSecond, concurrency, items) => {
		const t = await simulate({ items, concurrency, latencyMs: 100, perSecond });
		expect(t.limited / t.requests).toBeLessThanOrEqual(0.1);
		expect(t.pace).toBeGreaterThan(perSecond * 0.9);
		expect(t.pace).toBeLessThanOrEqual(perSecond);
	},
);

test('headers saying nothing is left hold every send back until the reset', async () => {
	const clock = new VirtualClock();
	const pacer = new Pacer(() => clock.now, clock.wait);
	const first = await pacer.enter();
	pacer.leave(first, {
		status: 200,
		headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' },
	});
	const next = pacer.enter();
	await clock.run(next);
	expect(clock.now).toBe(2000);
});

test('a limit that tightens for a while does not slow the rest of the run', async () => {
	// 20/s, squeezed to 4/s between 5 s and 15 s, then 20/s again: 1,000 items.
	const limitAt = (ms: number) => (ms >= 5_000 && ms < 15_000 ? 4 : 20);
	const t = await simulate({
		items: 1000,
		concurrency: 24,
		latencyMs: 100,
		perSecond: 20,
		limitAt,
	});
	// At 20/s throughout it would take 50 s; 10 s at 4/s cost 8 s of it. Recovery takes seconds, not the run.
	expect(t.durationMs).toBeLessThanOrEqual(70_000);
	expect(t.pace).toBeGreaterThan(18);
	expect(t.limited / t.requests).toBeLessThanOrEqual(0.1);
});

test('the first span between two 429s brings a burst-inflated first measure down at once', async () => {
	// A token bucket (20/s, burst 20) took 32 sends in the second before the first 429; between that
	// 429 and the next one it took 20 a second, which is what it sustains.
	const clock = new VirtualClock();
	const pacer = new Pacer(() => clock.now, clock.wait);
	const burst = await Promise.all(Array.from({ length: 32 }, async () => await pacer.enter()));
	for (const t of burst) pacer.leave(t, { status: 200 });
	await clock.run(clock.wait(900));
	pacer.leave(await pacer.enter(), { status: 429 });
	expect(pacer.rate).toBeCloseTo(32 * 0.99);
	// Two seconds of sends at that pace, the API taking 40 of them; then the next 429.
	for (let taken = 0; taken < 40; taken++) {
		const send = pacer.enter();
		await clock.run(send);
		pacer.leave(await send, { status: 200 });
	}
	await clock.run(clock.wait(2_000 - (clock.now - 900)));
	const refused = pacer.enter();
	await clock.run(refused);
	pacer.leave(await refused, { status: 429 });
	// One cut would leave it at 28.5/s, above the bucket's rate, for the next 429 to cut again.
	expect(pacer.rate).toBeLessThanOrEqual(20);
	expect(pacer.rate).toBeGreaterThan(16);
});
