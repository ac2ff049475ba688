import { z } from 'zod';
import { acceptsJsonBody } from '../../common/webhooks/content-type';
import type { Refusal, Verdict } from '../../common/webhooks/receipt';
import { checkTimestamp, isValidHexSignature } from '../../common/webhooks/signature';
import { SEEK_PASS_EVENT_TYPE_PREFIX } from '../constants';

export interface SignatureSettings {
	signatureHeader: string;
	timestampHeader: string;
	/** `{timestamp}` and `{body}` mark where the timestamp header and the raw body go. */
	signedPayload: string;
	toleranceSeconds: number;
}

export interface Delivery {
	/** The body exactly as received: the signature is over these bytes, not over re-serialised JSON. */
	rawBody: Buffer | string | undefined;
	/** Node's lower-cased request headers. */
	headers: Record<string, string | string[] | undefined>;
	/** The webhook secret stored when the trigger registered itself. */
	secret: string | undefined;
	nowMs: number;
}

const eventSchema = z
	.object({
		event_id: z.string().trim().min(1),
		request_id: z.string().trim().min(1),
		type: z.string().trim().min(1),
		created_at: z.string().optional(),
	})
	.passthrough();

export type VerificationEvent = z.infer<typeof eventSchema>;

/** An authentic event and the verification status it reports (its type without the prefix). */
export interface SeekPassEvent {
	status: string;
	payload: VerificationEvent;
}

const refuse = (status: Refusal['status'], reason: string): Verdict<SeekPassEvent> => ({
	refused: { status, reason },
});

/** True when the layout has exactly one `{body}`: without it the signature would not cover the event. */
export function isValidPayloadLayout(layout: string): boolean {
	return layout.split('{body}').length === 2;
}

/** The exact bytes SEEK Pass signs, built from the configured layout. */
export function signedBytes(layout: string, timestamp: string, rawBody: Buffer): Buffer {
	return Buffer.concat(
		layout
			.split(/(\{timestamp\}|\{body\})/)
			.map((part) =>
				part === '{body}'
					? rawBody
					: Buffer.from(part === '{timestamp}' ? timestamp : part, 'utf8'),
			),
	);
}

function header(headers: Delivery['headers'], name: string): string | undefined {
	const value = headers[name.trim().toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return first === undefined || first.trim() === '' ? undefined : first.trim();
}

/**
 * Decides whether a call is a genuine, fresh SEEK Pass event. Authenticity first (401: the
 * workflow must not run for anything unsigned, mis-signed or stale), then the body (400). With
 * `events`, an authentic event whose status is not among them is marked to be skipped.
 */
export function inspectDelivery(
	delivery: Delivery,
	settings: SignatureSettings & { events?: readonly string[] },
): Verdict<SeekPassEvent> {
	const signature = header(delivery.headers, settings.signatureHeader);
	const timestamp = header(delivery.headers, settings.timestampHeader);
	if (!delivery.secret)
		return refuse(401, 'this trigger has no webhook secret; reactivate the workflow');
	if (signature === undefined) return refuse(401, `missing ${settings.signatureHeader} header`);
	if (timestamp === undefined) return refuse(401, `missing ${settings.timestampHeader} header`);
	if (delivery.rawBody === undefined)
		return refuse(401, 'no raw body to check the signature against');

	const rawBody = Buffer.isBuffer(delivery.rawBody)
		? delivery.rawBody
		: Buffer.from(delivery.rawBody, 'utf8');
	const payload = signedBytes(settings.signedPayload, timestamp, rawBody);
	if (!isValidHexSignature(delivery.secret, payload, signature))
		return refuse(401, 'invalid signature');

	const age = checkTimestamp(timestamp, settings.toleranceSeconds, delivery.nowMs);
	if (age === 'malformed') return refuse(401, `malformed ${settings.timestampHeader} header`);
	if (age !== 'ok') return refuse(401, 'stale timestamp');
	if (!acceptsJsonBody(delivery.headers['content-type']))
		return refuse(415, 'content type is not JSON');

	let parsed: unknown;
	try {
		parsed = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return refuse(400, 'body is not JSON');
	}
	const event = eventSchema.safeParse(parsed);
	if (!event.success)
		return refuse(400, 'body is not a SEEK Pass event (event_id, request_id, type)');
	const status = event.data.type.startsWith(SEEK_PASS_EVENT_TYPE_PREFIX)
		? event.data.type.slice(SEEK_PASS_EVENT_TYPE_PREFIX.length)
		: event.data.type;
	const verdict: Verdict<SeekPassEvent> = {
		event: { status, payload: event.data },
		eventId: event.data.event_id,
	};
	if (settings.events && !settings.events.includes(status)) verdict.skip = 'event not selected';
	return verdict;
}
