import { NodeOperationError, type INode } from 'n8n-workflow';
import type { ItemParams } from '../../common/item-params';
import { CERTIFIER_MAX_PAGE_SIZE } from '../constants';
import type { CertifierPage, PageRequest } from '../transport';

export interface PaginateOptions {
	/** Stop after this many items; undefined = all. */
	max?: number;
	/** Items per request; the API's maximum unless a smaller page is wanted. */
	pageSize?: number;
	/** Where to start, e.g. a cursor kept from an earlier run. */
	cursor?: string;
}

/**
 * Walks Certifier's cursor pagination one page at a time. A generator, so the caller turns each
 * page into output items as it arrives and no page outlives the loop iteration that uses it.
 */
export async function* paginate<T>(
	node: INode,
	fetchPage: (page: PageRequest) => Promise<CertifierPage<T>>,
	options: PaginateOptions = {},
): AsyncGenerator<T[], void, undefined> {
	const pageSize = Math.min(
		CERTIFIER_MAX_PAGE_SIZE,
		Math.max(1, options.pageSize ?? CERTIFIER_MAX_PAGE_SIZE),
	);
	const seen = new Set<string>();
	let cursor = options.cursor;
	let remaining = options.max ?? Infinity;
	while (remaining > 0) {
		const page = await fetchPage({ cursor, limit: Math.min(pageSize, remaining) });
		const data = Array.isArray(page?.data) ? page.data.slice(0, remaining) : [];
		remaining -= data.length;
		if (data.length > 0) yield data;
		const next = page?.pagination?.next ?? null;
		if (!next || data.length === 0) return;
		// A server that hands back a cursor it gave before would keep us looping forever.
		if (seen.has(next)) {
			throw new NodeOperationError(
				node,
				'Certifier returned the same page cursor twice; stopped paging',
				{
					description:
						'The results so far are incomplete. Try again; if it persists, report it to Certifier.',
				},
			);
		}
		seen.add(next);
		cursor = next;
	}
}

/** Return All / Limit as the number of items wanted; undefined means all. */
export function wantedCount(params: ItemParams): number | undefined {
	if (params.raw<boolean>('returnAll', false)) return undefined;
	return Math.max(1, Math.floor(Number(params.raw('limit', 50))));
}

/** Every page's entries, in order, as output items (the list operations' answer). */
export async function collectPages<T>(pages: AsyncGenerator<T[], void, undefined>): Promise<T[]> {
	const out: T[] = [];
	for await (const page of pages) out.push(...page);
	return out;
}
