import { acceptsJsonBody } from '../../common/webhooks/content-type';
import { isValidHexSignature } from '../../common/webhooks/signature';
import type { CertifierWebhookPayload } from '../types';

/** What the Certifier Trigger does with one delivery; decided before anything runs. */
export type WebhookDecision =
	| { kind: 'reject'; status: 400 | 401 | 415; reason: string }
	| { kind: 'ignore'; reason: 'duplicate' | 'event not selected' }
	| { kind: 'accept'; event: CertifierWebhookPayload };

export interface WebhookInput {
	secret: string;
	/** The body bytes exactly as received: the signature covers them, not a re-serialisation. */
	rawBody: Buffer | string | undefined;
	signature: unknown;
	/** The Content-Type header as received. */
	contentType?: unknown;
	/** Event types the user picked. */
	events: readonly string[];
	/** Event ids already accepted. */
	seen: readonly string[];
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
 * event id included) is trusted or remembered. Then the payload, the user's event choice, and
 * redelivery of an event id already accepted.
 */
export function decideWebhook(input: WebhookInput): WebhookDecision {
	const signature = headerValue(input.signature);
	if (signature === undefined || signature === null || signature === '') {
		return { kind: 'reject', status: 401, reason: 'missing X-Webhook-Signature header' };
	}
	if (input.rawBody === undefined || input.rawBody.length === 0) {
		return { kind: 'reject', status: 401, reason: 'empty body: nothing to verify' };
	}
	if (!isValidHexSignature(input.secret, input.rawBody, signature)) {
		return { kind: 'reject', status: 401, reason: 'signature does not match' };
	}
	if (!acceptsJsonBody(input.contentType)) {
		return { kind: 'reject', status: 415, reason: 'content type is not JSON' };
	}
	let payload: unknown;
	try {
		payload = JSON.parse(
			Buffer.isBuffer(input.rawBody) ? input.rawBody.toString('utf8') : input.rawBody,
		);
	} catch {
		return { kind: 'reject', status: 400, reason: 'body is not JSON' };
	}
	if (!isPayload(payload))
		return { kind: 'reject', status: 400, reason: 'body is not a Certifier event' };
	if (!input.events.includes(payload.type)) return { kind: 'ignore', reason: 'event not selected' };
	if (input.seen.includes(payload.id)) return { kind: 'ignore', reason: 'duplicate' };
	return { kind: 'accept', event: payload };
}
