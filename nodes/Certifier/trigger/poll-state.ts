import type { FilterNode } from '../helpers/filter';
import type { CertifierCredential } from '../transport';

/**
 * The polling trigger's memory, kept in the workflow's static data between polls.
 *
 * "created": credentials whose createdAt is past the cursor. createdAt never changes, so the
 * cursor plus the ids already seen AT the cursor's timestamp (ties) is exact.
 *
 * "issued": credentials that left draft since the last poll. Certifier has no issuedAt, so the poll
 * reads everything changed since the cursor (updatedAt) and decides: a credential is newly issued
 * when it is not a draft and either it was a draft the last time we saw it, or we have never seen
 * it (it was created after the cursor). Drafts are remembered for that (bounded); an issued
 * credential updated later is neither, so it is not emitted again.
 */
export type PollWatch = 'created' | 'issued';

export interface PollState {
	watch: PollWatch;
	/** Timestamp (createdAt or updatedAt, as Certifier wrote it) of the newest credential seen. */
	since: string | null;
	/** Ids seen whose timestamp equals `since`. */
	boundaryIds: string[];
	/** "issued" only: ids of credentials last seen as drafts, oldest first. */
	drafts?: string[];
}

export function cursorField(watch: PollWatch): 'createdAt' | 'updatedAt' {
	return watch === 'created' ? 'createdAt' : 'updatedAt';
}

export function isPollState(value: unknown, watch: PollWatch): value is PollState {
	if (value === null || typeof value !== 'object') return false;
	const state = value as Partial<PollState>;
	return (
		state.watch === watch &&
		Array.isArray(state.boundaryIds) &&
		(state.since === null || typeof state.since === 'string')
	);
}

/** What the poll asks Certifier for: everything from the cursor on (ties included), oldest first. */
export function pollFilter(state: PollState): FilterNode | undefined {
	return state.since === null ? undefined : { [cursorField(state.watch)]: { gte: state.since } };
}

/** What manual runs and the first activation look at: the matching credentials, newest first. */
export function latestFilter(watch: PollWatch): FilterNode | undefined {
	return watch === 'issued' ? { NOT: [{ status: { equals: 'draft' } }] } : undefined;
}

function timestamp(credential: CertifierCredential, watch: PollWatch): string {
	return String(credential[cursorField(watch)] ?? '');
}

/**
 * The state right after activation: anchored at the newest credential, so history is not replayed.
 * `draftsNewestFirst`: ids of the current drafts ("issued" only); the newest are kept.
 */
export function anchorState(
	watch: PollWatch,
	newestFirst: readonly CertifierCredential[],
	draftsNewestFirst: readonly string[],
	memorySize: number,
): PollState {
	const newest = newestFirst[0];
	const since = newest ? timestamp(newest, watch) : null;
	const boundaryIds = newest
		? newestFirst.filter((c) => timestamp(c, watch) === since).map((c) => c.id)
		: [];
	const state: PollState = { watch, since, boundaryIds };
	if (watch === 'issued') state.drafts = draftsNewestFirst.slice(0, memorySize).reverse();
	return state;
}

/** Folds the credentials of one poll, oldest first, into the next state and the ones to emit. */
export class PollStep {
	private since: string | null;
	private boundary: string[];
	private readonly previousBoundary: Set<string>;
	private readonly drafts: Set<string>;

	constructor(
		private readonly previous: PollState,
		private readonly memorySize: number,
	) {
		this.since = previous.since;
		this.boundary = [...previous.boundaryIds];
		this.previousBoundary = new Set(previous.boundaryIds);
		this.drafts = new Set(previous.drafts ?? []);
	}

	/** True when the credential is to be emitted. Call in ascending timestamp order. */
	consider(credential: CertifierCredential): boolean {
		const { watch } = this.previous;
		const at = timestamp(credential, watch);
		if (at === this.previous.since && this.previousBoundary.has(credential.id)) return false;
		this.advance(credential.id, at);
		if (watch === 'created') return true;
		if (credential.status === 'draft') {
			this.drafts.delete(credential.id);
			this.drafts.add(credential.id);
			return false;
		}
		if (this.drafts.delete(credential.id)) return true;
		return this.createdAfterCursor(credential);
	}

	private advance(id: string, at: string): void {
		if (this.since === null || at > this.since) {
			this.since = at;
			this.boundary = [id];
		} else if (at === this.since && !this.boundary.includes(id)) {
			this.boundary.push(id);
		}
	}

	/** Never seen before: created after the previous cursor (a tie counts unless already seen). */
	private createdAfterCursor(credential: CertifierCredential): boolean {
		const since = this.previous.since;
		if (since === null) return true;
		const created = String(credential.createdAt ?? '');
		return created > since || (created === since && !this.previousBoundary.has(credential.id));
	}

	state(): PollState {
		const state: PollState = {
			watch: this.previous.watch,
			since: this.since,
			boundaryIds: this.boundary,
		};
		if (this.previous.watch === 'issued') {
			const drafts = [...this.drafts];
			state.drafts =
				drafts.length > this.memorySize ? drafts.slice(drafts.length - this.memorySize) : drafts;
		}
		return state;
	}
}
