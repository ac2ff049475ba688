import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { connect } from '../../common/transport/connect';
import { CERTIFIER_MAX_PAGE_SIZE } from '../constants';
import { credentialItem } from '../helpers/mapping';
import { paginate } from '../helpers/pagination';
import type { SearchBody } from '../schemas';
import { CERTIFIER_SERVICE, type CertifierClient, type CertifierCredential } from '../transport';
import {
	anchorState,
	cursorField,
	isPollState,
	latestFilter,
	pollFilter,
	PollStep,
	type PollState,
	type PollWatch,
} from './poll-state';
import { SAMPLE_CREDENTIAL } from './sample';

/**
 * How many credential ids the polling trigger remembers in "issued" mode, where a credential can
 * match again whenever it is updated later. Bounded so the workflow's static data stays small.
 */
export const POLL_MEMORY_SIZE = 2000;

const DEFAULT_BUDGET_MS = 5 * 60_000;
/** Stop fetching with this share of n8n's poll budget used, leaving time to emit. */
const BUDGET_SHARE = 0.7;

/** One poll's working set: n8n's functions, the client (and its group cache), what is watched. */
interface Poll {
	ctx: IPollFunctions;
	client: CertifierClient;
	watch: PollWatch;
}

function sortBy(watch: PollWatch, order: 'asc' | 'desc'): SearchBody['sort'] {
	return { property: cursorField(watch), order };
}

async function newest(
	poll: Poll,
	filter: SearchBody['filter'],
	limit: number,
): Promise<CertifierCredential[]> {
	const page = await poll.client.searchCredentials({
		...(filter ? { filter } : {}),
		sort: sortBy(poll.watch, 'desc'),
		limit,
	});
	return Array.isArray(page?.data) ? page.data : [];
}

async function currentDrafts(poll: Poll): Promise<string[]> {
	const ids: string[] = [];
	const pages = paginate(
		poll.ctx.getNode(),
		(page) =>
			poll.client.searchCredentials({
				filter: { status: { equals: 'draft' } },
				sort: { property: 'createdAt', order: 'desc' },
				limit: page.limit,
				...(page.cursor ? { cursor: page.cursor } : {}),
			}),
		{ max: POLL_MEMORY_SIZE },
	);
	for await (const page of pages) for (const credential of page) ids.push(credential.id);
	return ids;
}

function budgetMs(ctx: IPollFunctions): number {
	const budget =
		typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	return Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_BUDGET_MS;
}

/** The credentials that are new since the last poll, oldest first, and the state to keep. */
async function collectNew(
	poll: Poll,
	previous: PollState,
): Promise<{ found: CertifierCredential[]; state: PollState }> {
	const step = new PollStep(previous, POLL_MEMORY_SIZE);
	const found: CertifierCredential[] = [];
	const filter = pollFilter(previous);
	const deadline = Date.now() + budgetMs(poll.ctx) * BUDGET_SHARE;
	const pages = paginate(poll.ctx.getNode(), (page) =>
		poll.client.searchCredentials({
			...(filter ? { filter } : {}),
			sort: sortBy(poll.watch, 'asc'),
			limit: page.limit,
			...(page.cursor ? { cursor: page.cursor } : {}),
		}),
	);
	for await (const page of pages) {
		for (const credential of page) if (step.consider(credential)) found.push(credential);
		// The cursor has moved past every credential considered, so the rest waits for the next poll.
		if (Date.now() > deadline) break;
	}
	return { found, state: step.state() };
}

async function toItems(poll: Poll, credentials: CertifierCredential[]): Promise<IDataObject[]> {
	if (!(poll.ctx.getNodeParameter('includeGroup', true) as boolean))
		return credentials.map((credential) => credentialItem(credential));
	// The client is built per poll, so its group cache fetches each group once per poll.
	const items: IDataObject[] = [];
	for (const [index, credential] of credentials.entries()) {
		items.push(credentialItem(credential, await poll.client.groups.get(credential.groupId, index)));
	}
	return items;
}

/** One poll: a sample in manual runs, nothing on the first activation (anchoring), then what is new. */
export async function pollCertifier(ctx: IPollFunctions): Promise<IDataObject[] | null> {
	const watch =
		(ctx.getNodeParameter('watch', 'created') as string) === 'issued' ? 'issued' : 'created';
	const poll: Poll = { ctx, client: await connect(ctx, CERTIFIER_SERVICE), watch };

	if (ctx.getMode() === 'manual') {
		const latest = await newest(poll, latestFilter(watch), 1);
		return latest.length > 0 ? await toItems(poll, latest) : [{ ...SAMPLE_CREDENTIAL }];
	}

	const data = ctx.getWorkflowStaticData('node');
	const stored = data.certifierPoll;
	if (!isPollState(stored, watch)) {
		const drafts = watch === 'issued' ? await currentDrafts(poll) : [];
		data.certifierPoll = anchorState(
			watch,
			await newest(poll, undefined, CERTIFIER_MAX_PAGE_SIZE),
			drafts,
			POLL_MEMORY_SIZE,
		) as unknown as IDataObject;
		return null;
	}
	const { found, state } = await collectNew(poll, stored);
	const items = found.length > 0 ? await toItems(poll, found) : [];
	// Written after the items are built: if building fails, the same credentials come again next poll.
	data.certifierPoll = state as unknown as IDataObject;
	return items.length > 0 ? items : null;
}
