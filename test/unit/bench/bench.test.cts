// The bench's pure parts (matrix, fits, ratios, table, targets): keeps `npm run bench` honest
// without timing anything. The bench itself is not part of `npm test`.
import {
	defaultMatrix,
	estimateSeconds,
	expectedRequests,
	filterCases,
	minimalRequests,
	OPS,
	quickMatrix,
	RATE_LIMIT,
	VARIANTS,
	WRITE_OPS,
	type BenchCase,
} from '../../../bench/matrix.cjs';
import { formatTable, growthFits, withRatios } from '../../../bench/report.cjs';
import { linearFit, median, ratio } from '../../../bench/stats.cjs';
import { connectionCeiling, evaluateTargets } from '../../../bench/targets.cjs';
import type { CaseMetrics, CaseResult } from '../../../bench/types.cjs';

const metrics = (over: Partial<CaseMetrics> = {}): CaseMetrics => ({
	wallMs: 1000,
	itemsPerSecond: 1000,
	status: 'success',
	requests: 1000,
	rateLimited: 0,
	tokenRequests: 1,
	failedItems: 0,
	duplicateWrites: 0,
	peakConnections: 8,
	connectionsOpened: 8,
	rssBeforeMb: 400,
	peakRssMb: 450,
	...over,
});

function result(c: Partial<BenchCase>, m?: Partial<CaseMetrics>): CaseResult {
	const base = {
		op: 'seekPass.add' as const,
		n: 1000,
		latencyMs: 20,
		rateLimit: 0,
		variant: 'ours' as const,
		repeat: 1,
		...c,
	};
	return {
		id: `${base.op} n=${base.n} lat=${base.latencyMs} limit=${base.rateLimit || 'none'} ${base.variant}`,
		...base,
		metrics: metrics(m),
	};
}

describe('stats', () => {
	test('least squares recovers a line exactly, R² 1', () => {
		const fit = linearFit([
			[100, 250],
			[1000, 2050],
			[10_000, 20_050],
		]);
		expect(fit.slope).toBeCloseTo(2, 10);
		expect(fit.intercept).toBeCloseTo(50, 8);
		expect(fit.r2).toBeCloseTo(1, 10);
	});
	test('R² drops for a curve; constant y counts as linear; one x is refused', () => {
		expect(
			linearFit([
				[1, 1],
				[2, 4],
				[3, 9],
				[4, 16],
				[5, 100],
			]).r2,
		).toBeLessThan(0.9);
		expect(
			linearFit([
				[1, 5],
				[2, 5],
			]),
		).toEqual({ slope: 0, intercept: 5, r2: 1 });
		expect(() =>
			linearFit([
				[1, 1],
				[1, 2],
			]),
		).toThrow(/distinct/);
	});
	test('median and ratio', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(ratio(1, 0)).toBeUndefined();
		expect(ratio(undefined, 2)).toBeUndefined();
		expect(ratio(3, 2)).toBe(1.5);
	});
});

describe('matrix', () => {
	test('the default matrix answers every question of the issue', () => {
		const cases = defaultMatrix();
		expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
		for (const op of OPS) {
			for (const latencyMs of [20, 100])
				for (const n of [100, 1000, 10_000]) {
					expect(
						cases.some(
							(c) =>
								c.op === op &&
								c.n === n &&
								c.latencyMs === latencyMs &&
								c.rateLimit === 0 &&
								c.variant === 'ours',
						),
					).toBe(true);
					expect(
						cases.some(
							(c) =>
								c.op === op &&
								c.n === n &&
								c.latencyMs === latencyMs &&
								c.rateLimit === 0 &&
								c.variant === 'http-default',
						),
					).toBe(true);
				}
			// 5,000 items for the RSS and connection targets.
			expect(cases.some((c) => c.op === op && c.n === 5000 && c.rateLimit === 0)).toBe(true);
			// Under the limit: every variant at 1,000, and ours in at least three runs.
			for (const variant of VARIANTS)
				expect(
					cases.some(
						(c) =>
							c.op === op && c.n === 1000 && c.rateLimit === RATE_LIMIT && c.variant === variant,
					),
				).toBe(true);
			expect(
				cases.filter(
					(c) =>
						c.op === op &&
						c.n === 1000 &&
						c.rateLimit === RATE_LIMIT &&
						c.variant === 'ours' &&
						!c.headers &&
						c.latencyMs <= 100,
				),
			).toHaveLength(3);
			for (const latencyMs of [20, 100])
				expect(
					cases.some((c) => c.op === op && c.latencyMs === latencyMs && c.rateLimit === RATE_LIMIT),
				).toBe(true);
		}
		// Issue 18: write ops paced under the limit at 20, 100 and 300 ms, with and without the
		// limit announced in headers; and at 300 ms, 5,000 items, no limit, against the HTTP node.
		for (const op of WRITE_OPS) {
			for (const latencyMs of [20, 100, 300])
				for (const headers of [false, true])
					expect(
						cases.some(
							(c) =>
								c.op === op &&
								c.n === 1000 &&
								c.latencyMs === latencyMs &&
								c.rateLimit === RATE_LIMIT &&
								c.variant === 'ours' &&
								(c.headers ?? false) === headers,
						),
					).toBe(true);
			for (const variant of ['ours', 'http-default'] as const)
				expect(
					cases.some(
						(c) =>
							c.op === op &&
							c.n === 5000 &&
							c.latencyMs === 300 &&
							c.rateLimit === 0 &&
							c.variant === variant,
					),
				).toBe(true);
		}
		expect(cases.find((c) => c.headers)?.id).toMatch(/ limit=20 headers ours$/);
		// Fits in about 55 minutes of measuring on the reference machine.
		expect(cases.reduce((s, c) => s + estimateSeconds(c), 0)).toBeLessThan(55 * 60);
	});
	test('the quick matrix covers every op and variant in under 3 minutes', () => {
		const cases = quickMatrix();
		for (const op of OPS)
			for (const variant of VARIANTS)
				expect(cases.some((c) => c.op === op && c.variant === variant)).toBe(true);
		expect(cases.reduce((s, c) => s + estimateSeconds(c), 0)).toBeLessThan(150);
	});
	test('--only: every term must match, n=100 does not match n=1000, !term excludes', () => {
		const cases = defaultMatrix();
		const picked = filterCases(cases, 'seekPass.add,n=100,limit=20');
		expect(picked.length).toBeGreaterThan(0);
		expect(picked.every((c) => c.op === 'seekPass.add' && c.n === 100 && c.rateLimit === 20)).toBe(
			true,
		);
		expect(filterCases(cases, 'limit=20,!http').every((c) => c.variant === 'ours')).toBe(true);
		expect(filterCases(cases, '')).toHaveLength(cases.length);
	});
	test('requests the work needs: one per item, one per 30 IDs for getStatuses', () => {
		expect(minimalRequests('seekPass.getStatuses', 1000)).toBe(34);
		expect(minimalRequests('seekPass.add', 1000)).toBe(1000);
		expect(expectedRequests({ op: 'seekPass.getStatuses', n: 1000, variant: 'http-default' })).toBe(
			1000,
		);
	});
});

describe('report', () => {
	test('ratios to the HTTP Request node and to the bounds', () => {
		const cases = [
			result({ variant: 'ours' }, { itemsPerSecond: 900, peakRssMb: 420 }),
			result({ variant: 'http-default' }, { itemsPerSecond: 1000, peakRssMb: 500 }),
			result({ variant: 'ours', rateLimit: 20 }, { wallMs: 52_000 }),
		];
		const [mine, http, limited] = withRatios(cases, [
			{
				op: 'seekPass.add',
				n: 1000,
				latencyMs: 20,
				requests: 1000,
				bestMs: 500,
				connections: 32,
				tries: [],
			},
		]);
		expect(mine.ratios).toMatchObject({
			itemsPerSecondVsHttp: 0.9,
			rssVsHttp: 0.2,
			wallVsBound: 2,
			boundKind: 'raw-http',
		});
		expect(http.ratios?.itemsPerSecondVsHttp).toBeUndefined();
		expect(limited.ratios).toMatchObject({
			boundMs: 50_000,
			wallVsBound: 1.04,
			boundKind: 'rate-limit',
		});
	});
	test('growth is fitted per op, variant and latency over at least three sizes', () => {
		const cases = [100, 1000, 10_000].map((n) =>
			result({ n }, { wallMs: 50 + 2 * n, rssBeforeMb: 400, peakRssMb: 400 + n / 1024 }),
		);
		const [g] = growthFits([...cases, result({ n: 100, variant: 'http-default' })]);
		expect(g).toMatchObject({ op: 'seekPass.add', variant: 'ours', latencyMs: 20 });
		expect(g.wall.slopeMsPerItem).toBeCloseTo(2, 6);
		expect(g.rss.slopeKbPerItem).toBeCloseTo(1, 6);
		expect(g.wall.r2).toBeCloseTo(1, 6);
	});
	test("n8n's CPU per item: a ratio to the HTTP Request node's and two columns of the table", () => {
		const cpu = (n8nMsPerItem: number, sandboxMsPerItem: number) => ({
			cpu: {
				n8nMs: n8nMsPerItem * 1000,
				mainMs: n8nMsPerItem * 900,
				runnerMs: n8nMsPerItem * 100,
				runnerProcesses: 1,
				sandboxMs: sandboxMsPerItem * 1000,
				n8nMsPerItem,
				sandboxMsPerItem,
			},
		});
		const [mine, http] = withRatios(
			[result({}, cpu(3, 1.25)), result({ variant: 'http-default' }, cpu(4, 1.5))],
			[],
		);
		expect(mine.ratios?.cpuVsHttp).toBe(0.75);
		expect(http.ratios?.cpuVsHttp).toBeUndefined();
		const [header, , row] = formatTable([mine, http]).split('\n');
		expect(header).toMatch(/n8n CPU ms\/it\s+sbx CPU ms\/it\s+×HTTP\s+CPU ×HTTP/);
		expect(row).toMatch(/\s3\.00\s+1\.25\s+\S+\s+0\.75\s/);
		// an older result without CPU prints dashes, not zeros
		expect(formatTable([result({})]).split('\n')[2]).toMatch(/\s450\s+-\s+-\s/);
	});
	test('the table has one row per case and aligned columns', () => {
		const table = formatTable([
			result({}),
			{ ...result({ variant: 'http-default' }), metrics: undefined, benchError: 'n8n gone' },
		]);
		const lines = table.split('\n');
		expect(lines).toHaveLength(4);
		expect(lines[0]).toMatch(/^case\s+wall s\s+items\/s/);
		expect(lines[3]).toContain('bench error: n8n gone');
	});
});

describe('targets', () => {
	const limited = (over: Partial<CaseMetrics>, repeat = 1) =>
		result({ rateLimit: 20, repeat }, { wallMs: 52_000, ...over });

	test('rate limited 1,000 items: every run must succeed without duplicates within 55 s', () => {
		const ok = evaluateTargets([limited({}), limited({}, 2)], []).find(
			(t) => t.id === 'limited-1000:seekPass.add',
		);
		expect(ok?.met).toBe(true);
		const slow = evaluateTargets([limited({}), limited({ wallMs: 56_000 }, 2)], []).find(
			(t) => t.id === 'limited-1000:seekPass.add',
		);
		expect(slow?.met).toBe(false);
		const dup = evaluateTargets([limited({ duplicateWrites: 1 })], []).find(
			(t) => t.id === 'limited-1000:seekPass.add',
		);
		expect(dup?.met).toBe(false);
		expect(
			evaluateTargets([], []).find((t) => t.id === 'limited-1000:seekPass.add')?.met,
		).toBeNull();
	});
	test('pacing: ≤ 1.03× the bound, ≤ 3 % 429s (none past one window with headers), nothing failed, duplicated or fetched twice', () => {
		const paced = (over: Partial<CaseMetrics>, headers = false) =>
			result(
				{ rateLimit: 20, latencyMs: 300, ...(headers ? { headers } : {}) },
				{ wallMs: 51_000, requests: 1010, rateLimited: 10, tokenRequests: 1, ...over },
			);
		const pace = (r: ReturnType<typeof paced>, id: string) =>
			evaluateTargets([r], []).find((t) => t.id === id);
		expect(pace(paced({}), 'pace:seekPass.add:lat=300')?.met).toBe(true);
		expect(pace(paced({ wallMs: 51_600 }), 'pace:seekPass.add:lat=300')?.reason).toContain(
			'> 51.5 s',
		);
		expect(pace(paced({ rateLimited: 40, requests: 1040 }), 'pace:seekPass.add:lat=300')?.met).toBe(
			false,
		);
		expect(pace(paced({ tokenRequests: 2 }), 'pace:seekPass.add:lat=300')?.met).toBe(false);
		expect(pace(paced({ duplicateWrites: 1 }), 'pace:seekPass.add:lat=300')?.met).toBe(false);
		expect(
			pace(paced({ rateLimited: 20, requests: 1020 }, true), 'pace:seekPass.add:lat=300:headers')
				?.met,
		).toBe(true);
		expect(
			pace(paced({ rateLimited: 21, requests: 1021 }, true), 'pace:seekPass.add:lat=300:headers')
				?.met,
		).toBe(false);
	});
	test('adaptive concurrency: ≥ 1.0× the HTTP Request node at 5,000 items, 100 and 300 ms; not run is null', () => {
		const pair = (ours: number, http: number) => [
			result({ n: 5000, latencyMs: 300 }, { itemsPerSecond: ours }),
			result({ n: 5000, latencyMs: 300, variant: 'http-default' }, { itemsPerSecond: http }),
		];
		const adaptive = (cases: ReturnType<typeof pair>) =>
			evaluateTargets(cases, []).filter((t) => t.id.startsWith('adaptive:seekPass.add'));
		expect(adaptive(pair(200, 190)).map((t) => t.met)).toEqual([null, true]);
		expect(adaptive(pair(180, 190)).map((t) => t.met)).toEqual([null, false]);
		// 190 items/s is within what 64 in flight allow at 300 ms: a miss without excuse.
		expect(adaptive(pair(180, 190))[1].reason).toBeUndefined();
		// Beyond 64 / 0.3 s ≈ 213 items/s only more in flight than the default ceiling would do.
		const forbidden = adaptive(pair(150, 260))[1];
		expect(forbidden.met).toBe(false);
		expect(forbidden.reason).toContain('at most 213 items/s at 300 ms');
	});
	test('throughput and RSS against the HTTP Request node at 5,000 items; the connection cap explains a miss at high latency', () => {
		const cases = [
			result(
				{ n: 5000, latencyMs: 100 },
				{ itemsPerSecond: 300, rssBeforeMb: 400, peakRssMb: 420 },
			),
			result(
				{ n: 5000, latencyMs: 100, variant: 'http-default' },
				{ itemsPerSecond: 900, peakConnections: 4900, rssBeforeMb: 400, peakRssMb: 800 },
			),
			result({ n: 1000, latencyMs: 100 }, { itemsPerSecond: 1 }),
			result({ n: 1000, latencyMs: 100, variant: 'http-default' }, { itemsPerSecond: 1000 }),
		];
		const targets = evaluateTargets(cases, []);
		const throughput = targets.find((t) => t.id === 'throughput:seekPass.add:lat=100');
		expect(throughput?.met).toBe(false);
		expect(throughput?.description).toContain('5000 items');
		expect(throughput?.reason).toContain("Little's law");
		expect(connectionCeiling(100)).toBe(640);
		expect(targets.find((t) => t.id === 'rss:seekPass.add:lat=100')?.met).toBe(true);
	});
	test("n8n's CPU per item: ≤ 0.8× the HTTP Request node's for every write op at 1,000 and 5,000 items, each latency", () => {
		const cpu = (n8nMsPerItem: number) => ({
			cpu: {
				n8nMs: n8nMsPerItem * 1000,
				mainMs: n8nMsPerItem * 1000,
				runnerMs: 0,
				runnerProcesses: 1,
				sandboxMs: 0,
				n8nMsPerItem,
				sandboxMsPerItem: 0,
			},
		});
		const pair = (
			op: 'seekPass.add' | 'smartResume.push',
			n: number,
			mine: number,
			http: number,
			latencyMs = 20,
		) => [
			result({ op, n, latencyMs }, cpu(mine)),
			result({ op, n, latencyMs, variant: 'http-default' }, cpu(http)),
		];
		const targets = evaluateTargets(
			[
				...pair('seekPass.add', 1000, 4, 5),
				...pair('seekPass.add', 5000, 3.2, 4),
				...pair('seekPass.add', 5000, 3.3, 4, 100),
				...pair('smartResume.push', 1000, 4, 4.9),
			],
			[],
		);
		const t = (id: string) => targets.find((x) => x.id === id);
		expect(t('cpu:seekPass.add:n=1000')?.met).toBe(true);
		expect(t('cpu:seekPass.add:n=1000')?.value).toContain('4.00 vs 5.00 ms/item (0.80×)');
		// one latency over the bound misses the whole line
		expect(t('cpu:seekPass.add:n=5000')?.met).toBe(false);
		expect(t('cpu:seekPass.add:n=5000')?.reason).toContain('lat=100');
		expect(t('cpu:smartResume.push:n=1000')?.met).toBe(false);
		expect(t('cpu:certifier.createIssueSend:n=1000')?.met).toBeNull();
		// results from before the CPU columns existed are "not measured", not a miss
		const old = evaluateTargets(
			[result({ n: 1000 }), result({ n: 1000, variant: 'http-default' })],
			[],
		);
		expect(old.find((x) => x.id === 'cpu:seekPass.add:n=1000')?.met).toBeNull();
	});
	test('getStatuses requests, one token per run, connections, package', () => {
		const targets = evaluateTargets(
			[
				result({ op: 'seekPass.getStatuses', n: 1000 }, { requests: 40, rateLimited: 6 }),
				result({ op: 'smartResume.push' }, { tokenRequests: 2, peakConnections: 67 }),
			],
			[],
			{
				packedBytes: 299_999,
				unpackedBytes: 1,
				files: 1,
				loadMs: { median: 100, runs: [100], nodes: 7, credentials: 4 },
			},
		);
		const met = (id: string) => targets.find((t) => t.id === id)?.met;
		expect(met('getStatuses-requests')).toBe(true);
		expect(met('one-token')).toBe(false);
		expect(met('connections')).toBe(false);
		expect(met('package-size')).toBe(true);
		expect(met('load-time')).toBe(false);
	});
});
