// In-memory SEEK Pass state: Add requests (single and batch) with the 48 h rules,
// verification requests, webhooks and the events sent to them, v2 asset upload links.
import { randomBytes, randomUUID } from 'node:crypto';
import { IDEMPOTENCY_WINDOW_MS, WEBHOOK } from './constants.cjs';

export type SubmissionStatus = 'incomplete' | 'verified' | 'canceled';

/** A presigned upload link handed out for one v2 asset sent without asset_data. */
export interface UploadLink {
	/** Opaque, the last segment of the link's path. */
	key: string;
	/** The credential_id of the item the asset belongs to. */
	credentialId: string;
	assetId: string;
	assetType: string;
	/** The Content-Type the link is made for (a PUT must send exactly this). */
	contentType: string;
	/** When the link handed out last stops working. */
	expiresAt: Date;
	/** The file last PUT to the link (a second PUT replaces it). */
	received: { bytes: Buffer; sha256: string; at: Date } | null;
}

export interface AddRequest {
	/** SEEK Pass's own request id, the `content` of the redirect URI. */
	content: string;
	kind: 'single' | 'batch';
	apiVersion: 'v1' | 'v2';
	credentialType: string;
	documentType?: string;
	/** The id the partner sent at the top of the body (v1 `id`, v2 `credential_id`): the idempotency key. */
	requestId: string;
	/** Ids the Status API answers for: requestId, then a batch's item ids (all share one status). */
	ids: string[];
	clientId: string;
	body: unknown;
	redirectUri: string;
	createdAt: Date;
	status: SubmissionStatus;
	finalizedAt: Date | null;
	uploads: UploadLink[];
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
	/** Upload link key → the request holding it. */
	const uploads = new Map<string, string>();

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
					for (const u of old.uploads) uploads.delete(u.key);
				}
			}
			const stored: AddRequest = { ...req, status: 'incomplete', finalizedAt: null };
			requests.set(stored.content, stored);
			for (const id of stored.ids) {
				byId.set(id, stored.content);
				bump(id, 'creations');
			}
			for (const u of stored.uploads) uploads.set(u.key, stored.content);
			return stored;
		},

		upload(key: string): { req: AddRequest; link: UploadLink } | undefined {
			const content = uploads.get(key);
			const req = content === undefined ? undefined : requests.get(content);
			const link = req?.uploads.find((u) => u.key === key);
			return req && link ? { req, link } : undefined;
		},

		/** Every file received so far, in the order the requests were made. */
		receivedUploads(): UploadLink[] {
			return [...requests.values()].flatMap((r) => r.uploads.filter((u) => u.received));
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
