// Counts what the sandbox saw during a torture run, from onRequestLogged (the sandbox's own
// log keeps only the last 10,000 entries, fewer than a faulted 1,000-item run can make), and
// checks that no secret leaked into what a user or a log reader could see.
import type { INodeExecutionData } from 'n8n-workflow';
import type { LoggedRequest } from '../../../sandbox/index.cjs';

export class Tally {
	readonly entries: LoggedRequest[] = [];

	add(entry: LoggedRequest): void {
		this.entries.push(entry);
	}

	clear(): void {
		this.entries.length = 0;
	}

	/** Injected faults and rate-limit answers by kind, e.g. { 'fault:503': 41, 'rate-limited': 12 }. */
	injected(matches: (e: LoggedRequest) => boolean): Record<string, number> {
		const byKind: Record<string, number> = {};
		for (const e of this.entries)
			if (matches(e) && e.injected) byKind[e.injected] = (byKind[e.injected] ?? 0) + 1;
		return byKind;
	}

	count(matches: (e: LoggedRequest) => boolean): number {
		return this.entries.filter(matches).length;
	}
}

export interface Figures {
	service: string;
	items: number;
	succeeded: number;
	errorItems: number;
	/** Error items of writes that may have taken effect (not repeated, marked outcomeUnknown). */
	outcomeUnknown: number;
	writeRequests: number;
	injected: Record<string, number>;
	retries: number;
	tokenRenewals: number;
	lost: number;
	duplicated: number;
}

export function printFigures(f: Figures): void {
	const faults = Object.entries(f.injected)
		.sort()
		.map(([k, v]) => `${k}=${v}`)
		.join(' ');
	console.log(
		`[torture:faults] ${f.service}: items=${f.items} succeeded=${f.succeeded} errorItems=${f.errorItems} (outcomeUnknown=${f.outcomeUnknown}) ` +
			`writeRequests=${f.writeRequests} injected{${faults}} retries=${f.retries} ` +
			`tokenRenewals=${f.tokenRenewals} lost=${f.lost} duplicated=${f.duplicated}`,
	);
}

/** Every place a secret must not show: items (errors included), error texts, log lines. */
export function visibleText(
	output: INodeExecutionData[],
	errors: unknown[],
	logLines: string[],
): string {
	const parts = [JSON.stringify(output)];
	for (const e of errors) {
		if (e instanceof Error)
			parts.push(e.message, e.stack ?? '', JSON.stringify({ ...e, cause: undefined }));
		else parts.push(String(e));
	}
	parts.push(...logLines);
	return parts.join('\n');
}

/**
 * A request to a non-auth endpoint as it travelled, minus the Authorization header (which must
 * carry the bearer token: that is how the API authenticates it).
 */
export function requestTextWithoutAuthHeader(e: LoggedRequest): string {
	const { authorization: _auth, ...headers } = e.headers as Record<string, unknown>;
	return JSON.stringify({ path: e.path, query: e.query, headers, body: e.body });
}

/** Captures what n8n-core and the nodes print while fn runs (their log lines). */
export async function captureLogs<T>(fn: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
	const lines: string[] = [];
	const out = process.stdout.write.bind(process.stdout);
	const err = process.stderr.write.bind(process.stderr);
	const grab = (chunk: unknown): boolean => {
		lines.push(String(chunk));
		return true;
	};
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const saved = methods.map((m) => console[m]);
	process.stdout.write = grab as typeof process.stdout.write;
	process.stderr.write = grab as typeof process.stderr.write;
	for (const m of methods)
		console[m] = (...args: unknown[]) =>
			lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
	try {
		return { value: await fn(), lines };
	} finally {
		process.stdout.write = out;
		process.stderr.write = err;
		methods.forEach((m, i) => (console[m] = saved[i]));
	}
}
