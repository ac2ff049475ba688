import { NodeApiError, sleep } from 'n8n-workflow';
import type { CreateCredentialBody } from '../schemas';
import type { CertifierClient, CertifierCredential } from '../transport';
import { paginate } from './pagination';

/**
 * A write that cannot be repeated (create, create-issue-send, issue, send) whose answer was lost
 * (502, 504, dropped connection, timeout) is settled by looking at Certifier: the write happened
 * (its result is returned as if the answer had come), it did not (it is sent again), or that
 * cannot be told (the error stays, marked outcomeUnknown). Nothing is ever done twice on a guess.
 */
export type Finding<T> = { done: T } | { notDone: true } | { unclear: string };

/** Sends of one write at most, the first included, while each answer is lost and nothing is found. */
const MAX_SENDS = 5;
/** Lookups are reads: a 500 on one says nothing about the write, so it is tried this often. */
const LOOKUP_TRIES = 3;
const LOOKUP_PAUSE_MS = 250;
/**
 * Certifier stamps createdAt with its own clock: a credential counts as "created since the request
 * began" from this long before our own start, so a Certifier clock slightly behind ours never hides
 * the write (which would send it twice). An older twin in that window makes two candidates: unclear.
 */
const CLOCK_SKEW_MS = 60_000;
/** Search results per page: the write's credential, if any, is among the newest. */
const LOOKUP_PAGE_SIZE = 10;

function outcomeUnknown(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && error.context.outcomeUnknown === true;
}

function note(error: NodeApiError, what: string): NodeApiError {
	error.description = `${error.description ?? ''} Looked up afterwards: ${what}.`.trim();
	return error;
}

async function lookUp<T>(look: () => Promise<Finding<T>>): Promise<Finding<T>> {
	for (let tries = 1; ; tries++) {
		try {
			return await look();
		} catch (error) {
			const serverError = error instanceof NodeApiError && Number(error.httpCode) >= 500;
			if (!serverError || tries >= LOOKUP_TRIES) {
				return { unclear: `the lookup failed too (${(error as Error).message})` };
			}
			await sleep(LOOKUP_PAUSE_MS * tries);
		}
	}
}

/** Sends `write`; after a lost answer, `look` decides between its result, a resend and the error. */
export async function writeOnce<T>(
	write: () => Promise<T>,
	look: () => Promise<Finding<T>>,
): Promise<T> {
	for (let sent = 1; ; sent++) {
		let error: unknown;
		try {
			return await write();
		} catch (caught) {
			error = caught;
		}
		if (!outcomeUnknown(error)) throw error;
		const finding = await lookUp(look);
		if ('done' in finding) return finding.done;
		if ('unclear' in finding) throw note(error, finding.unclear);
		if (sent >= MAX_SENDS) throw note(error, `not found after each of ${sent} sends`);
	}
}

/**
 * Create and create-issue-send: the credentials of this recipient and group created since the
 * request began. Searched by the recipient's email (its name when there is none) newest first —
 * the fields, operators and sort the reference publishes — and group and creation time checked
 * here, since the reference does not publish them as searchable.
 * `issued`: create-issue-send's credential must have left draft, or it was not carried out whole.
 */
export function createdSince(
	client: CertifierClient,
	body: CreateCredentialBody,
	startedAt: number,
	itemIndex: number,
	issued: boolean,
): () => Promise<Finding<CertifierCredential>> {
	const given = body.recipient.email;
	const email = given?.toLowerCase();
	// Both spellings: Certifier may keep the address as given or lower-cased (not published).
	const filter = given
		? { recipient: { email: { in: [...new Set([given, given.toLowerCase()])] } } }
		: { recipient: { name: { equals: body.recipient.name } } };
	const since = startedAt - CLOCK_SKEW_MS;
	const isOurs = (c: CertifierCredential) =>
		c.groupId === body.groupId &&
		(email === undefined
			? c.recipient?.name === body.recipient.name
			: c.recipient?.email?.toLowerCase() === email);
	return async () => {
		const candidates: CertifierCredential[] = [];
		const pages = paginate(
			client.api.node,
			async (page) =>
				await client.searchCredentials(
					{ filter, sort: { property: 'createdAt', order: 'desc' }, ...page },
					itemIndex,
				),
			{ pageSize: LOOKUP_PAGE_SIZE },
		);
		for await (const page of pages) {
			const recent = page.filter((c) => Date.parse(c.createdAt) >= since);
			candidates.push(...recent.filter(isOurs));
			if (recent.length < page.length) break;
		}
		if (candidates.length === 0) return { notDone: true };
		if (candidates.length > 1) {
			return {
				unclear: `${candidates.length} credentials for this recipient and group were created since the request began (${candidates.map((c) => c.id).join(', ')}), so which one is this item's cannot be told`,
			};
		}
		const [found] = candidates;
		if (issued && found.status === 'draft') {
			return {
				unclear: `credential ${found.id} exists but is still a draft (not issued, not sent)`,
			};
		}
		return { done: found };
	};
}

/** Issue: a credential that has left draft was issued (Certifier issues drafts only). */
export function issuedAlready(
	client: CertifierClient,
	id: string,
	itemIndex: number,
): () => Promise<Finding<CertifierCredential>> {
	return async () => {
		const credential = await client.getCredential(id, itemIndex);
		return credential.status === 'draft' ? { notDone: true } : { done: credential };
	};
}

/**
 * Send: Certifier publishes no record of a send (no field, event or list says an email went out),
 * so an issued credential stays unclear. One that is not issued cannot have been sent (Certifier
 * sends issued credentials only): sending again brings Certifier's own answer.
 */
export function sendable(
	client: CertifierClient,
	id: string,
	itemIndex: number,
): () => Promise<Finding<CertifierCredential>> {
	return async () => {
		const credential = await client.getCredential(id, itemIndex);
		if (credential.status !== 'issued') return { notDone: true };
		return {
			unclear:
				'the credential is issued, but Certifier publishes no record of whether its email went out',
		};
	};
}
