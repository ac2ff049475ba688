/**
 * Which webhook deliveries this process has taken on, per trigger node, so a vendor's redelivery
 * never runs a workflow twice.
 *
 * Why not static data alone: n8n reads a workflow's static data when it loads the workflow for a
 * call and writes the whole object back after the trigger answers, with no compare-and-set.
 * Deliveries that overlap (vendors send several at once; a queue-mode webhook processor handles
 * them concurrently) each load the same list, and the last save wins: ids are forgotten and a
 * later replay runs the workflow again. Claims here are synchronous, so within one process a
 * delivery and its replay can never both pass, even while the first is still fetching; and every
 * save writes the union of the stored list and what this process has accepted, which restores the
 * ids an overlapping save dropped. Across several webhook processors the stored list still catches
 * replays that arrive after the first delivery was answered.
 */

/** Trigger nodes remembered per process; the least recently used falls out beyond this. */
const MAX_SCOPES = 500;

type State = 'pending' | 'accepted';

/** scope → (event id → state), both in insertion order so the oldest falls out first. */
const ledger = new Map<string, Map<string, State>>();

function scopeEntries(scope: string): Map<string, State> {
	let entries = ledger.get(scope);
	if (entries) {
		ledger.delete(scope);
	} else {
		entries = new Map();
		if (ledger.size >= MAX_SCOPES) ledger.delete(ledger.keys().next().value as string);
	}
	ledger.set(scope, entries);
	return entries;
}

/**
 * One trigger node of one workflow, optionally narrowed further (e.g. to one registration at the
 * vendor, whose events a new registration will never see again).
 */
export function deliveryScope(...parts: Array<string | undefined>): string {
	return parts.map((part) => part ?? '').join('\u0000');
}

/**
 * Takes on a delivery unless it was already taken on: returns false for an id in `persisted` (the
 * stored memory) or one this process accepted or is still handling.
 */
export function claimDelivery(
	scope: string,
	eventId: string,
	persisted: readonly string[],
): boolean {
	const entries = scopeEntries(scope);
	if (entries.has(eventId) || persisted.includes(eventId)) return false;
	entries.set(eventId, 'pending');
	return true;
}

/** Gives a claim back when handling failed before the workflow started, so a retry can run. */
export function releaseDelivery(scope: string, eventId: string): void {
	if (ledger.get(scope)?.get(eventId) === 'pending') ledger.get(scope)?.delete(eventId);
}

/**
 * Marks a claimed delivery as handled and returns the list to store: `persisted` plus every id this
 * process accepted for the scope (oldest first, most recent last), at most `max` ids. Pending
 * claims of other calls are left out: their call may still fail and must stay retryable.
 */
export function acceptDelivery(
	scope: string,
	eventId: string,
	persisted: readonly string[],
	max: number,
): string[] {
	const entries = scopeEntries(scope);
	entries.delete(eventId);
	entries.set(eventId, 'accepted');
	while (entries.size > max) entries.delete(entries.keys().next().value as string);

	const accepted = [...entries].filter(([, state]) => state === 'accepted').map(([id]) => id);
	const acceptedSet = new Set(accepted);
	const merged = [...persisted.filter((id) => !acceptedSet.has(id)), ...accepted];
	return merged.length > max ? merged.slice(merged.length - max) : merged;
}
