// In-memory SEEK Pass state: Add requests (single and batch) with the 48 h rules,
// verification requests, webhooks and the events sent to them, batch-asset uploads.
import { randomBytes, randomUUID } from 'node:crypto';
import { IDEMPOTENCY_WINDOW_MS, WEBHOOK } from './constants.cjs';

export type SubmissionStatus = 'incomplete' | 'verified' | 'canceled';

export interface Asset {
	key: string;
	contentType: string;
	token: string;
	expiresAt: Date;
	size: number | null;
	uploadedAt: Date | null;
	receivedContentType: string | null;
	/** The uploaded bytes (kept for tests; never listed in summaries). */
	bytes?: Buffer;
}

export interface AddRequest {
	/** SEEK Pass's own request id, the `content` of the redirect URI. */
	content: string;
	kind: 'single' | 'batch';
	apiVersion: 'v1' | 'v2';
	credentialType: string;
	documentType?: string;
	/** Partner submission ids: the Add `id`, or every batch item's credential_id. */
	ids: string[];
	clientId: string;
	body: unknown;
	redirectUri: string;
	createdAt: Date;
	status: SubmissionStatus;
	finalizedAt: Date | null;
	assets: Asset[];
}

export interface Verification {
	requestId: string;
	clientId: string;
	body: unknown;
	redirectUri: string;
	createdAt: Date;
	status: SubmissionStatus;
	credential: { full_name: string; date_of_birth: string } | null;
	verifiedAt: Date | null;
}

export interface Webhook {
	id: string;
	name: string | null;
	description: string | null;
	url: string;
	secret: string;
	createdAt: Date;
}

export interface WebhookEvent {
	event_id: string;
	request_id: string;
	type: string;
	created_at: string;
}

export const newSecret = (): string => randomBytes(WEBHOOK.secretBytes).toString('hex');

export function createSeekPassState() {
	const requests = new Map<string, AddRequest>();
	const byId = new Map<string, string>();
	const history = new Map<string, { creations: number; repeats: number }>();
	const verifications = new Map<string, Verification>();
	const webhooks = new Map<string, Webhook>();
	const events = new Map<string, WebhookEvent>();
	const uploads = new Map<string, { content: string; key: string }>();

	const live = (req: AddRequest, now: Date) =>
		now.getTime() - req.createdAt.getTime() < IDEMPOTENCY_WINDOW_MS;
	const requestForId = (id: string): AddRequest | undefined => {
		const content = byId.get(id);
		return content ? requests.get(content) : undefined;
	};
	const bump = (id: string, field: 'creations' | 'repeats') => {
		const h = history.get(id) ?? { creations: 0, repeats: 0 };
		h[field] += 1;
		history.set(id, h);
	};

	return {
		requests,
		verifications,
		webhooks,
		events,

		/** Status as the Status API reports it: pending past 48 h reads as canceled. */
		effective(req: AddRequest, now: Date): { status: SubmissionStatus; finalizedAt: Date | null } {
			if (req.status === 'incomplete' && !live(req, now)) {
				return {
					status: 'canceled',
					finalizedAt: new Date(req.createdAt.getTime() + IDEMPOTENCY_WINDOW_MS),
				};
			}
			return { status: req.status, finalizedAt: req.finalizedAt };
		},

		requestForId,

		requestForIdOrContent(idOrContent: string): AddRequest | undefined {
			return requests.get(idOrContent) ?? requestForId(idOrContent);
		},

		/** The live request any of `ids` belongs to, if any. */
		liveRequestFor(ids: string[], now: Date): AddRequest | undefined {
			for (const id of ids) {
				const req = requestForId(id);
				if (req && live(req, now)) return req;
			}
			return undefined;
		},

		/** Records a repeat of a live request for each id. */
		repeat(req: AddRequest): AddRequest {
			for (const id of req.ids) bump(id, 'repeats');
			return req;
		},

		/** Stores a new request; older requests of the same ids (past 48 h) are deleted, as SEEK Pass does. */
		create(req: Omit<AddRequest, 'status' | 'finalizedAt'>): AddRequest {
			for (const id of req.ids) {
				const old = requestForId(id);
				if (old) {
					requests.delete(old.content);
					for (const oldId of old.ids) if (byId.get(oldId) === old.content) byId.delete(oldId);
					for (const a of old.assets) uploads.delete(a.token);
				}
			}
			const stored: AddRequest = { ...req, status: 'incomplete', finalizedAt: null };
			requests.set(stored.content, stored);
			for (const id of stored.ids) {
				byId.set(id, stored.content);
				bump(id, 'creations');
			}
			for (const a of stored.assets) uploads.set(a.token, { content: stored.content, key: a.key });
			return stored;
		},

		asset(token: string): { req: AddRequest; asset: Asset } | undefined {
			const ref = uploads.get(token);
			const req = ref && requests.get(ref.content);
			const asset = req?.assets.find((a) => a.key === ref?.key);
			return req && asset ? { req, asset } : undefined;
		},

		history: () => new Map(history),

		newContentId: () => randomUUID(),

		reset(): void {
			requests.clear();
			byId.clear();
			history.clear();
			verifications.clear();
			webhooks.clear();
			events.clear();
			uploads.clear();
		},
	};
}
export type SeekPassState = ReturnType<typeof createSeekPassState>;

export function submissionView(
	id: string,
	effective: { status: SubmissionStatus; finalizedAt: Date | null },
) {
	return {
		id,
		status: effective.status,
		finalized_at: effective.finalizedAt ? effective.finalizedAt.toISOString() : null,
	};
}

export function verificationView(v: Verification) {
	return {
		request_id: v.requestId,
		status: v.status,
		credential: v.credential,
		verified_at: v.verifiedAt ? v.verifiedAt.toISOString() : null,
	};
}

export function webhookView(w: Webhook, withSecret: boolean) {
	return {
		id: w.id,
		name: w.name,
		description: w.description,
		url: w.url,
		...(withSecret ? { secret: w.secret } : {}),
	};
}
