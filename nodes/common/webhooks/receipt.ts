import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { acceptDelivery, claimDelivery, deliveryScope, releaseDelivery } from './delivery-ledger';

/** Why a delivery is refused; the sender is told only the status in words. */
export interface Refusal {
	status: 400 | 401 | 415;
	/** For the log, never for the sender. */
	reason: string;
}

/** What a signed trigger made of one call: a refusal, or an authentic event. */
export type Verdict<E> =
	| { refused: Refusal }
	| {
			event: E;
			/** The vendor's id of this event: a redelivery carries the same one. */
			eventId: string;
			/** Undefined when the user wants the event; otherwise why it is acknowledged and skipped. */
			skip?: string;
	  };

/** The static-data key of the remembered event ids (most recent last), for every signed trigger. */
export const RECEIVED_EVENT_IDS = 'receivedEventIds';

/** Names older releases stored the same memory under; read once so an upgrade forgets nothing. */
const LEGACY_KEYS = ['seenEventIds', 'recentEventIds'] as const;

export function receivedEventIds(store: IDataObject): string[] {
	for (const key of [RECEIVED_EVENT_IDS, ...LEGACY_KEYS]) {
		const ids = store[key];
		if (Array.isArray(ids)) return ids.map(String);
	}
	return [];
}

function rememberIds(store: IDataObject, ids: string[]): void {
	store[RECEIVED_EVENT_IDS] = ids;
	for (const key of LEGACY_KEYS) delete store[key];
}

export interface Receipt<E> {
	/** Names the trigger in log lines. */
	label: string;
	verdict: Verdict<E>;
	/** The node's static data: where the remembered ids live. */
	store: IDataObject;
	/** Narrows the memory beyond workflow and node, e.g. to one registration at the vendor. */
	scope?: string;
	/** How many event ids to remember. */
	memory: number;
	/** The item the workflow starts with; may fetch. A failure answers 500 and keeps the event retryable. */
	output(event: E): Promise<IDataObject>;
}

const STATUS_TEXT: Record<Refusal['status'], string> = {
	400: 'bad request',
	401: 'unauthorized',
	415: 'unsupported media type',
};

function answer(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * Accepts each authentic event once: refused calls start nothing; a redelivery (even one that
 * overlaps the first call) is acknowledged without a second run; a failure while building the
 * output gives the claim back so the vendor's retry runs.
 */
export async function receiveOnce<E>(
	ctx: IWebhookFunctions,
	receipt: Receipt<E>,
): Promise<IWebhookResponseData> {
	const { verdict, store } = receipt;
	if ('refused' in verdict) {
		ctx.logger.warn(
			`${receipt.label} refused a call (${verdict.refused.status}): ${verdict.refused.reason}`,
		);
		return answer(ctx, verdict.refused.status, { error: STATUS_TEXT[verdict.refused.status] });
	}
	const scope = deliveryScope(ctx.getWorkflow().id, ctx.getNode().id, receipt.scope);
	const persisted = receivedEventIds(store);
	if (!claimDelivery(scope, verdict.eventId, persisted)) {
		ctx.logger.debug(`${receipt.label} ignored event ${verdict.eventId}: already received`);
		return answer(ctx, 200, { received: true, ignored: 'duplicate' });
	}
	const remember = () =>
		rememberIds(store, acceptDelivery(scope, verdict.eventId, persisted, receipt.memory));
	if (verdict.skip !== undefined) {
		remember();
		return answer(ctx, 200, { received: true, ignored: verdict.skip });
	}
	let item: IDataObject | undefined;
	try {
		item = await receipt.output(verdict.event);
		remember();
	} finally {
		if (item === undefined) releaseDelivery(scope, verdict.eventId);
	}
	// Answered here, not by n8n: n8n 2.41 starts the run before its own answer, and starting the
	// run clears static data's "changed" mark, so the remembered id would never be saved.
	// Answering first makes n8n save it, then start the run.
	ctx.getResponseObject().status(200).json({ received: true });
	return { workflowData: [ctx.helpers.returnJsonArray([item])], noWebhookResponse: true };
}
