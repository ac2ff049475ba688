// Certifier's webhooks: endpoints are set up in the vendor's dashboard (no API), so here
// through the control API. Every event is kept so a test can replay it; the body is
// serialised once and signed with hex HMAC-SHA256(secret, body) in X-Webhook-Signature.
import { createHmac, randomBytes } from 'node:crypto';
import type { SandboxContext } from '../core/types.cjs';
import { SIGNATURE_HEADER, WEBHOOK_EVENTS, type WebhookEvent } from './constants.cjs';

export interface WebhookEndpoint {
	id: string;
	url: string;
	secret: string;
	events: WebhookEvent[];
	createdAt: string;
}
export interface DeliveryResult {
	endpointId: string;
	url: string;
	status: number | null;
	error?: string;
}
export interface StoredEvent {
	id: string;
	type: WebhookEvent;
	createdAt: string;
	/** The exact bytes sent, so a redelivery carries the same body and signature. */
	body: string;
	deliveries: DeliveryResult[];
}

export function sign(secret: string, body: string): string {
	return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

export class WebhookHub {
	endpoints: WebhookEndpoint[] = [];
	events: StoredEvent[] = [];
	private pending = new Set<Promise<unknown>>();

	constructor(
		private readonly ctx: () => SandboxContext | undefined,
		private readonly newId: (now: Date) => string,
	) {}

	reset(): void {
		this.endpoints = [];
		this.events = [];
	}

	addEndpoint(
		config: { url: string; secret?: string; events?: WebhookEvent[] },
		now: Date,
	): WebhookEndpoint {
		const endpoint: WebhookEndpoint = {
			id: this.newId(now),
			url: config.url,
			secret: config.secret ?? `whsec_${randomBytes(24).toString('hex')}`,
			events: config.events ?? [...WEBHOOK_EVENTS],
			createdAt: now.toISOString(),
		};
		this.endpoints.push(endpoint);
		return endpoint;
	}

	removeEndpoint(id?: string): number {
		const before = this.endpoints.length;
		this.endpoints = id === undefined ? [] : this.endpoints.filter((e) => e.id !== id);
		return before - this.endpoints.length;
	}

	/** Records the event and starts its deliveries without waiting (the API answers first, as the vendor's does). */
	emit(type: WebhookEvent, credentialId: string, extra: Record<string, unknown> = {}): void {
		const ctx = this.ctx();
		if (!ctx) return;
		const now = ctx.now();
		const id = this.newId(now);
		const createdAt = now.toISOString();
		const body = JSON.stringify({
			id,
			type,
			createdAt,
			data: { resource: { id: credentialId, type: 'credential' }, ...extra },
		});
		const event: StoredEvent = { id, type, createdAt, body, deliveries: [] };
		this.events.push(event);
		this.track(this.deliver(event));
	}

	/** Sends a stored event again, unchanged, to the endpoints subscribed to its type now. */
	redeliver(eventId: string): Promise<DeliveryResult[]> | undefined {
		const event = this.events.find((e) => e.id === eventId);
		if (!event) return undefined;
		const run = this.deliver(event);
		this.track(run);
		return run;
	}

	/** Resolves when every delivery started so far has finished: lets tests wait without sleeping. */
	async flush(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	private track(p: Promise<unknown>): void {
		this.pending.add(p);
		void p.finally(() => this.pending.delete(p));
	}

	private async deliver(event: StoredEvent): Promise<DeliveryResult[]> {
		const ctx = this.ctx();
		if (!ctx) return [];
		const targets = this.endpoints.filter((e) => e.events.includes(event.type));
		const results = await Promise.all(
			targets.map(async (endpoint): Promise<DeliveryResult> => {
				const r = await ctx.deliverWebhook({
					url: endpoint.url,
					body: event.body,
					headers: {
						'content-type': 'application/json',
						[SIGNATURE_HEADER]: sign(endpoint.secret, event.body),
					},
				});
				return {
					endpointId: endpoint.id,
					url: endpoint.url,
					status: r.status,
					...(r.error ? { error: r.error } : {}),
				};
			}),
		);
		event.deliveries.push(...results);
		return results;
	}
}
