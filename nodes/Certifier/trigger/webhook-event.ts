import type { Verdict } from '../../common/webhooks/receipt';
import { acceptsJsonBody } from '../../common/webhooks/content-type';
import { isValidHexSignature } from '../../common/webhooks/signature';
import type { CertifierWebhookPayload } from '../transport';

/**
 * How many delivered event ids the webhook trigger remembers to drop redeliveries. Certifier
 * retries a failed delivery a few times within hours [assumed]; a thousand covers that at any
 * sensible event rate while keeping the workflow's static data small (~30 KB).
 */
export const WEBHOOK_MEMORY = 1000;

export interface WebhookInput {
	secret: string;
	/** The body bytes exactly as received: the signature covers them, not a re-serialisation. */
	rawBody: Buffer | string | undefined;
	signature: unknown;
	/** The Content-Type header as received. */
	contentType?: unknown;
	/** Event types the user picked. */
	events: readonly string[];
}

function headerValue(value: unknown): unknown {
	return Array.isArray(value) ? value[0] : value;
}

function isPayload(value: unknown): value is CertifierWebhookPayload {
	if (value === null || typeof value !== 'object') return false;
	const payload = value as Record<string, unknown>;
	return typeof payload.id === 'string' && payload.id !== '' && typeof payload.type === 'string';
}

/**
 * Signature first, in constant time, over the raw body: nothing about an unsigned request (its
 * event id included) is trusted or remembered. Then the payload and the user's event choice; a
 * redelivery is the receipt's to recognise (common/webhooks/receipt.ts).
 */
export function decideWebhook(input: WebhookInput): Verdict<CertifierWebhookPayload> {
	const signature = headerValue(input.signature);
	if (signature === undefined || signature === null || signature === '') {
		return { refused: { status: 401, reason: 'missing X-Webhook-Signature header' } };
	}
	if (input.rawBody === undefined || input.rawBody.length === 0) {
		return { refused: { status: 401, reason: 'empty body: nothing to verify' } };
	}
	if (!isValidHexSignature(input.secret, input.rawBody, signature)) {
		return { refused: { status: 401, reason: 'signature does not match' } };
	}
	if (!acceptsJsonBody(input.contentType)) {
		return { refused: { status: 415, reason: 'content type is not JSON' } };
	}
	let payload: unknown;
	try {
		payload = JSON.parse(
			Buffer.isBuffer(input.rawBody) ? input.rawBody.toString('utf8') : input.rawBody,
		);
	} catch {
		return { refused: { status: 400, reason: 'body is not JSON' } };
	}
	if (!isPayload(payload)) {
		return { refused: { status: 400, reason: 'body is not a Certifier event' } };
	}
	const skip = input.events.includes(payload.type) ? undefined : 'event not selected';
	return { event: payload, eventId: payload.id, ...(skip ? { skip } : {}) };
}
