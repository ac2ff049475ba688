// In-memory record of every request the sandbox answered (or dropped), so tests can
// count calls and inspect what a client sent. Bounded so a long CLI session stays small.
import type { LoggedRequest, RequestFilter } from './types.cjs';

export const REQUEST_LOG_LIMIT = 10_000;

/** `Name`: the hosted services' names. */
export interface RequestLog<Name extends string = string> {
	add(entry: Omit<LoggedRequest<Name>, 'seq' | 'at'> & { at?: string }): LoggedRequest<Name>;
	list(filter?: RequestFilter<Name>): LoggedRequest<Name>[];
	clear(): void;
	size(): number;
}

export function createRequestLog<Name extends string = string>(
	onAdd?: (entry: LoggedRequest<Name>) => void,
): RequestLog<Name> {
	let entries: LoggedRequest<Name>[] = [];
	let seq = 0;
	return {
		add(entry) {
			const logged: LoggedRequest<Name> = {
				...entry,
				seq: ++seq,
				at: entry.at ?? new Date().toISOString(),
			};
			entries.push(logged);
			if (entries.length > REQUEST_LOG_LIMIT) entries = entries.slice(-REQUEST_LOG_LIMIT);
			onAdd?.(logged);
			return logged;
		},
		list(filter = {}) {
			const method = filter.method?.toUpperCase();
			return entries.filter(
				(e) =>
					(!filter.service || e.service === filter.service) &&
					(!method || e.method === method) &&
					(!filter.pathIncludes || e.path.includes(filter.pathIncludes)),
			);
		},
		clear() {
			entries = [];
		},
		size: () => entries.length,
	};
}

/** What the log keeps of a body: parsed JSON/form as is, binary uploads as their size only. */
export function loggableBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) return { bytes: body.length };
	return body;
}
