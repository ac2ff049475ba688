// Turns measured cases into ratios, growth fits and the printed table. Pure: unit-tested.
import { expectedRequests, type BenchCase } from './matrix.cjs';
import { linearFit, ratio } from './stats.cjs';
import type { CaseResult, Growth, RawBound, TargetResult } from './types.cjs';

const sameConfig = (a: BenchCase, b: BenchCase) =>
	a.op === b.op &&
	a.n === b.n &&
	a.latencyMs === b.latencyMs &&
	a.rateLimit === b.rateLimit &&
	(a.headers ?? false) === (b.headers ?? false);

/** Ratios to the HTTP Request node (default variant, same configuration) and to the physical bound. */
export function withRatios(results: readonly CaseResult[], raw: readonly RawBound[]): CaseResult[] {
	return results.map((r) => {
		if (!r.metrics) return r;
		const http = results.find(
			(h) => h.variant === 'http-default' && h.repeat === 1 && sameConfig(h, r) && h.metrics,
		);
		const boundMs =
			r.rateLimit > 0
				? (expectedRequestsForBound(r) / r.rateLimit) * 1000
				: raw.find((b) => b.op === r.op && b.n === r.n && b.latencyMs === r.latencyMs)?.bestMs;
		return {
			...r,
			ratios: {
				itemsPerSecondVsHttp:
					r.variant === 'http-default'
						? undefined
						: ratio(r.metrics.itemsPerSecond, http?.metrics?.itemsPerSecond),
				rssVsHttp:
					r.variant === 'http-default'
						? undefined
						: ratio(rssGrowth(r), http ? rssGrowth(http) : undefined),
				cpuVsHttp:
					r.variant === 'http-default'
						? undefined
						: ratio(r.metrics.cpu?.n8nMsPerItem, http?.metrics?.cpu?.n8nMsPerItem),
				wallVsBound: ratio(r.metrics.wallMs, boundMs),
				boundMs,
				boundKind: boundMs === undefined ? undefined : r.rateLimit > 0 ? 'rate-limit' : 'raw-http',
			},
		};
	});
}

/** The bound counts the requests the work needs: one per item, ⌈N/30⌉ for getStatuses (whoever sends them). */
function expectedRequestsForBound(c: BenchCase): number {
	return expectedRequests({ ...c, variant: 'ours' });
}

/** Wall time and RSS growth against N, per op, variant and latency, for no-limit runs with ≥ 3 sizes. */
export function growthFits(results: readonly CaseResult[]): Growth[] {
	const groups = new Map<string, CaseResult[]>();
	for (const r of results) {
		if (!r.metrics || r.rateLimit !== 0 || r.repeat !== 1 || r.metrics.failedItems > 0) continue;
		const key = `${r.op}|${r.variant}|${r.latencyMs}`;
		groups.set(key, [...(groups.get(key) ?? []), r]);
	}
	const out: Growth[] = [];
	for (const list of groups.values()) {
		if (new Set(list.map((r) => r.n)).size < 3) continue;
		const points = list
			.map((r) => ({
				n: r.n,
				wallMs: r.metrics!.wallMs,
				rssGrowthMb: Math.max(0, r.metrics!.peakRssMb - r.metrics!.rssBeforeMb),
			}))
			.sort((a, b) => a.n - b.n);
		const wall = linearFit(points.map((p) => [p.n, p.wallMs]));
		const rss = linearFit(points.map((p) => [p.n, p.rssGrowthMb]));
		out.push({
			op: list[0].op,
			variant: list[0].variant,
			latencyMs: list[0].latencyMs,
			points,
			wall: { slopeMsPerItem: wall.slope, interceptMs: wall.intercept, r2: wall.r2 },
			rss: { slopeKbPerItem: rss.slope * 1024, interceptMb: rss.intercept, r2: rss.r2 },
		});
	}
	return out;
}

const COLUMNS = [
	'case',
	'wall s',
	'items/s',
	'req',
	'429',
	'tok',
	'failed',
	'dup',
	'conns',
	'RSS MB',
	'n8n CPU ms/it',
	'sbx CPU ms/it',
	'×HTTP',
	'CPU ×HTTP',
	'×bound',
] as const;

function cells(r: CaseResult): string[] {
	const m = r.metrics;
	if (!m) return [r.id, 'bench error: ' + (r.benchError ?? '?').slice(0, 80)];
	const x = (v: number | undefined, d = 2) => (v === undefined ? '-' : v.toFixed(d));
	return [
		r.id,
		(m.wallMs / 1000).toFixed(2),
		m.itemsPerSecond.toFixed(0),
		String(m.requests),
		String(m.rateLimited),
		String(m.tokenRequests),
		String(m.failedItems),
		String(m.duplicateWrites),
		String(m.peakConnections),
		m.peakRssMb.toFixed(0),
		x(m.cpu?.n8nMsPerItem),
		x(m.cpu?.sandboxMsPerItem),
		x(r.ratios?.itemsPerSecondVsHttp),
		x(r.ratios?.cpuVsHttp),
		x(r.ratios?.wallVsBound),
	];
}

/** A fixed-width text table, one row per case. */
export function formatTable(results: readonly CaseResult[]): string {
	const rows = [COLUMNS as readonly string[], ...results.map(cells)];
	const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
	const line = (row: readonly string[]) =>
		row
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : (cell ?? '').padStart(widths[i])))
			.join('  ')
			.trimEnd();
	return [
		line(rows[0]),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...rows.slice(1).map(line),
	].join('\n');
}

export function formatGrowth(growth: readonly Growth[]): string {
	return growth
		.map(
			(g) =>
				`${g.op} ${g.variant} lat=${g.latencyMs}: wall ${g.wall.slopeMsPerItem.toFixed(3)} ms/item (R² ${g.wall.r2.toFixed(3)}), RSS ${g.rss.slopeKbPerItem.toFixed(2)} kB/item (R² ${g.rss.r2.toFixed(3)})`,
		)
		.join('\n');
}

export function formatTargets(targets: readonly TargetResult[]): string {
	return targets
		.map(
			(t) =>
				`${t.met === null ? '  ?' : t.met ? ' ok' : 'MISS'}  ${t.description}: ${t.value}${t.reason ? `\n        why: ${t.reason}` : ''}`,
		)
		.join('\n');
}

/** What a case added to n8n's RSS: its peak minus the RSS before it, MB. */
export function rssGrowth(r: CaseResult): number | undefined {
	return r.metrics ? Math.max(0, r.metrics.peakRssMb - r.metrics.rssBeforeMb) : undefined;
}
