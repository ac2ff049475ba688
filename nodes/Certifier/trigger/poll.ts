import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { ApiClient } from '../../common/transport/client';
import { CertifierClient } from '../client';
import {
	CERTIFIER_MAX_PAGE_SIZE,
	CERTIFIER_POLL_MEMORY_SIZE,
	CERTIFIER_SERVICE,
} from '../constants';
import { GroupCache } from '../group-cache';
import { credentialItem } from '../mapping';
import { paginate } from '../pagination';
import type { SearchBody } from '../schemas';
import type { CertifierCredential } from '../types';
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

const DEFAULT_BUDGET_MS = 5 * 60_000;
/** Stop fetching with this share of n8n's poll budget used, leaving time to emit. */
const BUDGET_SHARE = 0.7;

interface PollContext {
	fn: IPollFunctions;
	client: CertifierClient;
	watch: PollWatch;
}

function sortBy(watch: PollWatch, order: 'asc' | 'desc'): SearchBody['sort'] {
	return { property: cursorField(watch), order };
}

async function newest(
	c: PollContext,
	filter: SearchBody['filter'],
	limit: number,
): Promise<CertifierCredential[]> {
	const page = await c.client.searchCredentials({
		...(filter ? { filter } : {}),
		sort: sortBy(c.watch, 'desc'),
		limit,
	});
	return Array.isArray(page?.data) ? page.data : [];
}

async function currentDrafts(c: PollContext): Promise<string[]> {
	const ids: string[] = [];
	const pages = paginate(
		c.fn.getNode(),
		(page) =>
			c.client.searchCredentials({
				filter: { status: { equals: 'draft' } },
				sort: { property: 'createdAt', order: 'desc' },
				limit: page.limit,
				...(page.cursor ? { cursor: page.cursor } : {}),
			}),
		{ max: CERTIFIER_POLL_MEMORY_SIZE },
	);
	for await (const page of pages) for (const c of page) ids.push(c.id);
	return ids;
}

function budgetMs(fn: IPollFunctions): number {
	const budget =
		typeof fn.getPollBudgetMs === 'function' ? fn.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	return Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_BUDGET_MS;
}

/** The credentials that are new since the last poll, oldest first, and the state to keep. */
async function collectNew(
	c: PollContext,
	previous: PollState,
): Promise<{ found: CertifierCredential[]; state: PollState }> {
	const step = new PollStep(previous, CERTIFIER_POLL_MEMORY_SIZE);
	const found: CertifierCredential[] = [];
	const filter = pollFilter(previous);
	const deadline = Date.now() + budgetMs(c.fn) * BUDGET_SHARE;
	const pages = paginate(c.fn.getNode(), (page) =>
		c.client.searchCredentials({
			...(filter ? { filter } : {}),
			sort: sortBy(c.watch, 'asc'),
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

async function toItems(c: PollContext, credentials: CertifierCredential[]): Promise<IDataObject[]> {
	if (!(c.fn.getNodeParameter('includeGroup', true) as boolean))
		return credentials.map((x) => credentialItem(x));
	const groups = new GroupCache(c.client);
	const items: IDataObject[] = [];
	for (const [index, credential] of credentials.entries()) {
		items.push(credentialItem(credential, await groups.get(credential.groupId, index)));
	}
	return items;
}

/** One poll: a sample in manual runs, nothing on the first activation (anchoring), then what is new. */
export async function pollCertifier(fn: IPollFunctions): Promise<IDataObject[] | null> {
	const watch =
		(fn.getNodeParameter('watch', 'created') as string) === 'issued' ? 'issued' : 'created';
	const client = new CertifierClient(await ApiClient.create(fn, CERTIFIER_SERVICE));
	const c: PollContext = { fn, client, watch };

	if (fn.getMode() === 'manual') {
		const latest = await newest(c, latestFilter(watch), 1);
		return latest.length > 0 ? await toItems(c, latest) : [{ ...SAMPLE_CREDENTIAL }];
	}

	const data = fn.getWorkflowStaticData('node');
	const stored = data.certifierPoll;
	if (!isPollState(stored, watch)) {
		const drafts = watch === 'issued' ? await currentDrafts(c) : [];
		data.certifierPoll = anchorState(
			watch,
			await newest(c, undefined, CERTIFIER_MAX_PAGE_SIZE),
			drafts,
			CERTIFIER_POLL_MEMORY_SIZE,
		) as unknown as IDataObject;
		return null;
	}
	const { found, state } = await collectNew(c, stored);
	const items = found.length > 0 ? await toItems(c, found) : [];
	// Written after the items are built: if building fails, the same credentials come again next poll.
	data.certifierPoll = state as unknown as IDataObject;
	return items.length > 0 ? items : null;
}
