// Verification events to registered webhooks, signed as constants.cts WEBHOOK says.
import { createHmac, randomUUID } from 'node:crypto';
import type { SandboxContext } from '../core/types.cjs';
import { WEBHOOK } from './constants.cjs';
import type { SeekPassState, Webhook, WebhookEvent } from './state.cjs';

export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
	return createHmac('sha256', secret)
		.update(WEBHOOK.signedString(timestamp, rawBody))
		.digest('hex');
}

export interface SendOptions {
	/** Unix seconds for X-Timestamp; default: real wall-clock now. */
	timestamp?: string;
	/** Sent instead of the correct signature (tampering tests). */
	signature?: string;
	/** Sign with this instead of the webhook's secret. */
	secret?: string;
}

export async function sendToWebhook(
	ctx: SandboxContext,
	hook: Webhook,
	rawBody: string,
	options: SendOptions = {},
) {
	const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
	const signature =
		options.signature ?? signWebhook(options.secret ?? hook.secret, timestamp, rawBody);
	const result = await ctx.deliverWebhook({
		url: hook.url,
		body: rawBody,
		headers: { [WEBHOOK.timestampHeader]: timestamp, [WEBHOOK.signatureHeader]: signature },
	});
	return { webhook_id: hook.id, url: hook.url, ...result };
}

/** Records a new event for `requestId` and delivers it to every registered webhook. */
export async function fireEvent(
	ctx: SandboxContext,
	state: SeekPassState,
	requestId: string,
	status: string,
) {
	const event: WebhookEvent = {
		event_id: randomUUID(),
		request_id: requestId,
		type: `vwsp_request.${status}`,
		created_at: ctx.now().toISOString(),
	};
	state.events.set(event.event_id, event);
	const body = JSON.stringify(event);
	const deliveries = await Promise.all(
		[...state.webhooks.values()].map((hook) => sendToWebhook(ctx, hook, body)),
	);
	return { event, deliveries };
}
