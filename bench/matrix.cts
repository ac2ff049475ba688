// Which cases a bench run measures: the default matrix (about 55 minutes on a 2-core machine), the --quick smoke matrix, and --only filtering.
export const OPS = [
	'certifier.createIssueSend',
	'smartResume.push',
	'seekPass.add',
	'seekPass.getStatuses',
] as const;
export type Op = (typeof OPS)[number];
export const WRITE_OPS: readonly Op[] = [
	'certifier.createIssueSend',
	'smartResume.push',
	'seekPass.add',
];

/**
 * ours: this package's node with its defaults. http-default: n8n's HTTP Request node as dropped
 * on the canvas. http-retry: + Retry On Fail (5 tries, 1 s apart). http-tuned: + Batching sized to
 * the rate limit (as n8n's docs advise for 429s) + Retry On Fail.
 */
export const VARIANTS = ['ours', 'http-default', 'http-retry', 'http-tuned'] as const;
export type Variant = (typeof VARIANTS)[number];

export const RATE_LIMIT = 20;

export interface BenchCase {
	id: string;
	op: Op;
	n: number;
	latencyMs: number;
	/** Requests per second per service; 0 = none. */
	rateLimit: number;
	variant: Variant;
	/** 1-based run number of the same configuration. */
	repeat: number;
	/** The sandbox announces its limit in rate-limit headers (RateLimit-Policy, X-RateLimit-*). */
	headers?: boolean;
}

export function caseId(c: Omit<BenchCase, 'id'>): string {
	return `${c.op} n=${c.n} lat=${c.latencyMs} limit=${c.rateLimit || 'none'}${c.headers ? ' headers' : ''} ${c.variant}${c.repeat > 1 ? ` #${c.repeat}` : ''}`;
}

function make(
	op: Op,
	n: number,
	latencyMs: number,
	rateLimit: number,
	variant: Variant,
	repeat = 1,
	headers = false,
): BenchCase {
	const c = { op, n, latencyMs, rateLimit, variant, repeat, ...(headers ? { headers } : {}) };
	return { id: caseId(c), ...c };
}

/**
 * Default matrix. Without a limit: every op at 100, 1,000, 5,000 and 10,000 items and both
 * latencies, ours against the HTTP Request node as dropped (Batching only adds sleeps and Retry
 * On Fail never fires when nothing fails, so the tuned variants equal the default there).
 * Under 20 requests/s: every op and every variant at 100 and 1,000 items at 20 ms; ours again at
 * 1,000 (a second run at 20 ms, a third at 100 ms) so "every run" means three runs per op; the
 * HTTP Request node at 100 ms without the slow tuned variant (50 s to 250 s each); 10,000 items
 * only for getStatuses (334 requests, ~17 s), since 10,000 writes take 500 s at 20/s whoever sends them.
 */
export function defaultMatrix(): BenchCase[] {
	const cases: BenchCase[] = [];
	for (const latency of [20, 100])
		for (const n of [100, 1000, 5000, 10_000])
			for (const op of OPS)
				for (const variant of ['ours', 'http-default'] as const)
					cases.push(make(op, n, latency, 0, variant));
	for (const op of OPS) {
		for (const n of [100, 1000])
			for (const variant of VARIANTS) cases.push(make(op, n, 20, RATE_LIMIT, variant));
		cases.push(make(op, 1000, 20, RATE_LIMIT, 'ours', 2));
		cases.push(make(op, 100, 100, RATE_LIMIT, 'ours'));
		for (const variant of ['ours', 'http-default', 'http-retry'] as const)
			cases.push(make(op, 1000, 100, RATE_LIMIT, variant));
	}
	cases.push(make('seekPass.getStatuses', 10_000, 20, RATE_LIMIT, 'ours'));
	cases.push(make('seekPass.getStatuses', 10_000, 20, RATE_LIMIT, 'http-default'));
	cases.push(...pacingAndLatencyCases());
	return cases;
}

/**
 * The transport's own questions (pacing, adaptive concurrency), write ops only: under the limit at
 * 300 ms too, and at 20, 100 and 300 ms with the sandbox announcing its limit in headers; without
 * a limit at 300 ms, 5,000 items, against the HTTP Request node.
 */
export function pacingAndLatencyCases(): BenchCase[] {
	const cases: BenchCase[] = [];
	for (const op of WRITE_OPS) {
		cases.push(make(op, 1000, 300, RATE_LIMIT, 'ours'));
		for (const latency of [20, 100, 300])
			cases.push(make(op, 1000, latency, RATE_LIMIT, 'ours', 1, true));
		for (const variant of ['ours', 'http-default'] as const)
			cases.push(make(op, 5000, 300, 0, variant));
	}
	return cases;
}

/** A smoke run (under 3 minutes): tiny N, every op and every variant, both limit modes. */
export function quickMatrix(): BenchCase[] {
	const cases: BenchCase[] = [];
	for (const n of [30, 150])
		for (const op of OPS)
			for (const variant of ['ours', 'http-default'] as const)
				cases.push(make(op, n, 20, 0, variant));
	for (const op of OPS)
		for (const variant of VARIANTS) cases.push(make(op, 40, 20, RATE_LIMIT, variant));
	return cases;
}

/**
 * `--only` filter: comma-separated terms, every one must occur in the case id, e.g.
 * `--only "seekPass.add,limit=20,n=1000"`. A term starting with `!` must not occur.
 */
export function filterCases(cases: readonly BenchCase[], filter: string | undefined): BenchCase[] {
	const terms = (filter ?? '')
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean);
	if (terms.length === 0) return [...cases];
	const padded = (c: BenchCase) => ` ${c.id} `;
	const has = (c: BenchCase, term: string) => {
		// `n=100` must not match `n=1000`: a term that ends in a digit must end at a word boundary.
		const id = padded(c);
		if (!/\d$/.test(term)) return id.includes(term);
		return new RegExp(`${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`).test(id);
	};
	return cases.filter((c) =>
		terms.every((t) => (t.startsWith('!') ? !has(c, t.slice(1)) : has(c, t))),
	);
}

/** Requests the work needs at least: one per item, or one per 30 IDs for getStatuses. */
export function minimalRequests(op: Op, n: number): number {
	return op === 'seekPass.getStatuses' ? Math.ceil(n / 30) : n;
}

/** Requests the variant sends when all goes well (the HTTP Request node asks one ID per request). */
export function expectedRequests(c: Pick<BenchCase, 'op' | 'n' | 'variant'>): number {
	return c.variant === 'ours' ? minimalRequests(c.op, c.n) : c.n;
}

/** A rough duration, for the plan printed before a run. */
export function estimateSeconds(c: BenchCase): number {
	const setup = 3 + c.n / 2000;
	const requests = expectedRequests(c);
	if (c.rateLimit > 0) {
		if (c.variant === 'http-default') return setup + 2;
		if (c.variant === 'http-retry') return setup + 5 * (1 + c.n / 800);
		if (c.variant === 'http-tuned') return setup + 1.6 * (requests / c.rateLimit);
		return setup + requests / c.rateLimit;
	}
	const perSecond = c.variant === 'ours' ? Math.min(500, 32 / ((c.latencyMs + 5) / 1000)) : 800;
	return setup + requests / perSecond;
}
