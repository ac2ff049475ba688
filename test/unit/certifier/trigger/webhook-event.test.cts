// The Certifier Trigger's decision on a delivery: hex HMAC-SHA256 over the raw body, checked
// before anything else; refusals for a wrong secret, an altered body, a missing header; a
// redelivered event id ignored (the memory's bounds are tested with common/webhooks/delivery-ledger).
import { createHmac } from 'node:crypto';
import {
	decideWebhook,
	type WebhookInput,
} from '../../../nodes/Certifier/trigger/webhook-event';

const SECRET = 'whsec_0123456789abcdef';
const BODY = JSON.stringify({
	id: '01j0000000000000000000evt1',
	type: 'credential.issued',
	createdAt: '2024-05-01T10:00:00.000Z',
	data: { resource: { id: '01hz2f0c9ryvzajg20jqh9taab', type: 'credential' } },
});
const sign = (body: string, secret = SECRET) =>
	createHmac('sha256', secret).update(body).digest('hex');

const input = (overrides: Partial<WebhookInput> = {}): WebhookInput => ({
	secret: SECRET,
	rawBody: Buffer.from(BODY),
	signature: sign(BODY),
	events: ['credential.issued'],
	seen: [],
	...overrides,
});

test('a correctly signed, selected, new event is accepted as sent', () => {
	const decision = decideWebhook(input());
	expect(decision).toEqual({ kind: 'accept', event: JSON.parse(BODY) });
});

test('the signature may come as a one-element header array or with a sha256= prefix', () => {
	expect(decideWebhook(input({ signature: [sign(BODY)] })).kind).toBe('accept');
	expect(decideWebhook(input({ signature: `sha256=${sign(BODY)}` })).kind).toBe('accept');
});

test('signed with another secret → 401', () => {
	expect(decideWebhook(input({ signature: sign(BODY, 'another-secret') }))).toEqual({
		kind: 'reject',
		status: 401,
		reason: 'signature does not match',
	});
});

test('a body altered after signing → 401 (even when only whitespace changed)', () => {
	const altered = BODY.replace('credential.issued', 'credential.deleted');
	expect(decideWebhook(input({ rawBody: Buffer.from(altered) }))).toMatchObject({
		kind: 'reject',
		status: 401,
	});
	expect(decideWebhook(input({ rawBody: Buffer.from(` ${BODY}`) }))).toMatchObject({
		kind: 'reject',
		status: 401,
	});
});

test.each([undefined, '', [], null])('missing signature header (%p) → 401', (signature) => {
	expect(decideWebhook(input({ signature }))).toEqual({
		kind: 'reject',
		status: 401,
		reason: 'missing X-Webhook-Signature header',
	});
});

test('a malformed signature or an empty secret never validates', () => {
	expect(decideWebhook(input({ signature: 'abc' }))).toMatchObject({ kind: 'reject', status: 401 });
	expect(
		decideWebhook(
			input({ secret: '', signature: createHmac('sha256', '').update(BODY).digest('hex') }),
		),
	).toMatchObject({
		kind: 'reject',
		status: 401,
	});
});

test('no raw body to verify → 401', () => {
	expect(decideWebhook(input({ rawBody: undefined }))).toMatchObject({
		kind: 'reject',
		status: 401,
	});
});

test('a correctly signed delivery whose content type is not JSON → 415', () => {
	expect(decideWebhook(input({ contentType: 'text/plain' }))).toMatchObject({ kind: 'reject', status: 415 });
	expect(decideWebhook(input({ contentType: 'application/json' }))).toMatchObject({ kind: 'accept' });
});

test('a replayed (redelivered) event id is ignored, not run again', () => {
	const seen = ['01j0000000000000000000evt1'];
	expect(decideWebhook(input({ seen }))).toEqual({ kind: 'ignore', reason: 'duplicate' });
});

test('a replay with a bad signature is refused, not reported as a duplicate', () => {
	const seen = ['01j0000000000000000000evt1'];
	expect(decideWebhook(input({ seen, signature: sign(BODY, 'x') }))).toMatchObject({
		kind: 'reject',
		status: 401,
	});
});

test('an event type the user did not pick is acknowledged and ignored', () => {
	expect(decideWebhook(input({ events: ['credential.created'] }))).toEqual({
		kind: 'ignore',
		reason: 'event not selected',
	});
});

test('a signed body that is not a Certifier event → 400', () => {
	const notJson = 'hello';
	expect(decideWebhook(input({ rawBody: notJson, signature: sign(notJson) }))).toMatchObject({
		kind: 'reject',
		status: 400,
	});
	const noId = JSON.stringify({ type: 'credential.issued' });
	expect(decideWebhook(input({ rawBody: noId, signature: sign(noId) }))).toMatchObject({
		kind: 'reject',
		status: 400,
	});
});
