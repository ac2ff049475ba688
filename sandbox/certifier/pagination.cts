// Keyset cursor pagination over an in-memory list. A cursor names the boundary item by its
// sort value and id (not an offset), so creating or deleting items while a client pages
// neither repeats nor skips the items it has not seen yet. Cursors are opaque base64url.
import { SandboxHttpError } from '../core/types.cjs';

export type SortOrder = 'asc' | 'desc';
export interface Sort<T> {
	/** Names the sort so that a cursor made under another sort is refused. */
	signature: string;
	order: SortOrder;
	value(item: T): string | null;
	id(item: T): string;
}
export interface Page<T> {
	data: T[];
	pagination: { prev: string | null; next: string | null };
}

interface CursorPayload {
	d: 'n' | 'p';
	s: string;
	v: string | null;
	id: string;
}

function compareKeys(
	a: [string | null, string],
	b: [string | null, string],
	order: SortOrder,
): number {
	const dir = order === 'asc' ? 1 : -1;
	if (a[0] !== b[0]) {
		// Nulls sort last whatever the order, as most SQL engines do with NULLS LAST.
		if (a[0] === null) return 1;
		if (b[0] === null) return -1;
		return (a[0] < b[0] ? -1 : 1) * dir;
	}
	return a[1] === b[1] ? 0 : (a[1] < b[1] ? -1 : 1) * dir;
}

export function sortItems<T>(items: Iterable<T>, sort: Sort<T>): T[] {
	return [...items].sort((a, b) =>
		compareKeys([sort.value(a), sort.id(a)], [sort.value(b), sort.id(b)], sort.order),
	);
}

function encodeCursor(payload: CursorPayload): string {
	return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeCursor(cursor: string, signature: string): CursorPayload {
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
	} catch {
		parsed = undefined;
	}
	const p = parsed as Partial<CursorPayload> | undefined;
	if (!p || (p.d !== 'n' && p.d !== 'p') || typeof p.id !== 'string' || p.s !== signature) {
		throw new SandboxHttpError(
			400,
			'validation_error',
			'cursor: the cursor is invalid or belongs to another query',
		);
	}
	return p as CursorPayload;
}

/** `sorted` must already be ordered by `sort` (see sortItems). */
export function paginate<T>(
	sorted: T[],
	sort: Sort<T>,
	cursor: string | undefined,
	limit: number,
): Page<T> {
	let start = 0;
	let end = Math.min(limit, sorted.length);
	if (cursor) {
		const c = decodeCursor(cursor, sort.signature);
		const key: [string | null, string] = [c.v, c.id];
		const firstNotBefore = (strict: boolean) => {
			const i = sorted.findIndex((item) => {
				const cmp = compareKeys([sort.value(item), sort.id(item)], key, sort.order);
				return strict ? cmp > 0 : cmp >= 0;
			});
			return i === -1 ? sorted.length : i;
		};
		if (c.d === 'n') {
			start = firstNotBefore(true);
			end = Math.min(start + limit, sorted.length);
		} else {
			end = firstNotBefore(false);
			start = Math.max(0, end - limit);
		}
	}
	const data = sorted.slice(start, end);
	const boundary = (d: 'n' | 'p', item: T) =>
		encodeCursor({ d, s: sort.signature, v: sort.value(item), id: sort.id(item) });
	return {
		data,
		pagination: {
			// An empty page (cursor past the end) gets no links: there is no item to anchor them.
			prev: start > 0 && data.length > 0 ? boundary('p', data[0]) : null,
			next: end < sorted.length && data.length > 0 ? boundary('n', data[data.length - 1]) : null,
		},
	};
}
