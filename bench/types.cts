// What one measured case produced, and what a whole bench result file holds.
import type { BenchCase } from './matrix.cjs';

export interface CaseMetrics {
	/** The work node's own time in n8n (all its tries), ms. */
	wallMs: number;
	/** Succeeded items per second of wallMs. */
	itemsPerSecond: number;
	/** n8n's execution status: success | error | … */
	status: string;
	/** The node's error message when it failed. */
	error?: string;
	/** API requests the sandbox received (token requests not included). */
	requests: number;
	/** Of those, answered 429 (rate limited). */
	rateLimited: number;
	tokenRequests: number;
	/** Input items without a successful result (a failed node loses them all). */
	failedItems: number;
	/** Writes the sandbox saw more than once for the same item (0 for reads). */
	duplicateWrites: number;
	/** Most TCP connections open at the sandbox at once during the case. */
	peakConnections: number;
	/** Connections opened during the case. */
	connectionsOpened: number;
	/** n8n main process: RSS before the case and its peak during it, MB. */
	rssBeforeMb: number;
	peakRssMb: number;
	/** CPU time (user + system, /proc) within the work node's run; absent in older result files. */
	cpu?: CaseCpu;
}

export interface CaseCpu {
	/** n8n: main process + task runner processes, ms. */
	n8nMs: number;
	mainMs: number;
	runnerMs: number;
	/** Task runner processes seen under n8n's main process during the case. */
	runnerProcesses: number;
	/** The bench process, which hosts the sandbox (plus the bench's own polling), ms. */
	sandboxMs: number;
	/** n8nMs ÷ input items. */
	n8nMsPerItem: number;
	/** sandboxMs ÷ input items. */
	sandboxMsPerItem: number;
}

export interface Ratios {
	/** items/s of this case ÷ items/s of the HTTP Request node (default) in the same configuration. */
	itemsPerSecondVsHttp?: number;
	/** RSS growth during this case (peak − before) ÷ the HTTP Request node's. */
	rssVsHttp?: number;
	/** n8n CPU ms per item of this case ÷ the HTTP Request node's (default) in the same configuration. */
	cpuVsHttp?: number;
	/** wallMs ÷ the physical bound (requests / limit, or the raw load generator's best wall time). */
	wallVsBound?: number;
	boundMs?: number;
	boundKind?: 'rate-limit' | 'raw-http';
}

export interface CaseResult extends BenchCase {
	metrics?: CaseMetrics;
	ratios?: Ratios;
	/** The bench could not measure the case (setup failure), with why. */
	benchError?: string;
}

export interface RawBound {
	op: string;
	n: number;
	latencyMs: number;
	requests: number;
	/** Best wall time over the connection counts tried, ms. */
	bestMs: number;
	connections: number;
	tries: Array<{ connections: number; ms: number; non2xx: number; errors: number }>;
}

export interface Growth {
	op: string;
	variant: string;
	latencyMs: number;
	points: Array<{ n: number; wallMs: number; rssGrowthMb: number }>;
	wall: { slopeMsPerItem: number; interceptMs: number; r2: number };
	rss: { slopeKbPerItem: number; interceptMb: number; r2: number };
}

export interface TargetResult {
	id: string;
	description: string;
	/** null: not measured in this run. */
	met: boolean | null;
	value: string;
	reason?: string;
}

export interface PackageCost {
	packedBytes: number;
	unpackedBytes: number;
	files: number;
	loadMs: { median: number; runs: number[]; nodes: number; credentials: number };
}
