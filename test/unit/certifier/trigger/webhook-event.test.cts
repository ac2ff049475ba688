// The Certifier Trigger's decision on a delivery: hex HMAC-SHA256 over the raw body, checked
// before anything else; refusals for a wrong secret, an altered body, a missing header; the event
// id a redelivery repeats (the receipt drops it: test/integration/certifier/webhook-trigger and
// common/webhooks/delivery-ledger).
import { createHmac } from 'node:crypto';
import {
	decideWebhook,
	type WebhookInput,
} from '../../../../nodes/Certifier/trigger/webhook-event';

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
	...overrides,
});

test('a correctly signed, selected, new event is accepted as sent', () => {
	const decision = decideWebhook(input());
	expect(decision).toEqual({ event: JSON.parse(BODY), eventId: '01j0000000000000000000evt1' });
});

test('the signature may come as a one-element header array or with a sha256= prefix', () => {
	expect(decideWebhook(input({ signature: [sign(BODY)] }))).toMatchObject({
		eventId: '01j0000000000000000000evt1',
	});
	expect(decideWebhook(input({ signature: `sha256=${sign(BODY)}` }))).toMatchObject({
		eventId: '01j0000000000000000000evt1',
	});
});

test('signed with another secret → 401', () => {
	expect(decideWebhook(input({ signature: sign(BODY, 'another-secret') }))).toEqual({
		refused: { status: 401, reason: 'signature does not match' },
	});
});

test('a body altered after signing → 401 (even when only whitespace changed)', () => {
	const altered = BODY.replace('credential.issued', 'credential.deleted');
	expect(decideWebhook(input({ rawBody: Buffer.from(altered) }))).toMatchObject({
		refused: { status: 401 },
	});
	expect(decideWebhook(input({ rawBody: Buffer.from(` ${BODY}`) }))).toMatchObject({
		refused: { status: 401 },
	});
});

test.each([undefined, '', [], null])('missing signature header (%p) → 401', (signature) => {
	expect(decideWebhook(input({ signature }))).toEqual({
		refused: { status: 401, reason: 'missing X-Webhook-Signature header' },
	});
});

test('a malformed signature or an empty secret never validates', () => {
	expect(decideWebhook(input({ signature: 'abc' }))).toMatchObject({ refused: { status: 401 } });
	expect(
		decideWebhook(
			input({ secret: '', signature: createHmac('sha256', '').update(BODY).digest('hex') }),
		),
	).toMatchObject({
		refused: { status: 401 },
	});
});

test('no raw body to verify → 401', () => {
	expect(decideWebhook(input({ rawBody: undefined }))).toMatchObject({
		refused: { status: 401 },
	});
});

test('a correctly signed delivery whose content type is not JSON → 415', () => {
	expect(decideWebhook(input({ contentType: 'text/plain' }))).toMatchObject({
		refused: { status: 415 },
	});
	expect(decideWebhook(input({ contentType: 'application/json' }))).toMatchObject({
		eventId: '01j0000000000000000000evt1',
	});
});

test('the verdict names the event id a redelivery repeats (the receipt drops it as a duplicate)', () => {
	const first = decideWebhook(input());
	const again = decideWebhook(input());
	expect(first).toMatchObject({ eventId: '01j0000000000000000000evt1' });
	expect(again).toEqual(first);
	expect(first).not.toHaveProperty('skip');
});

test('a replay with a bad signature is refused, its event id never read', () => {
	const verdict = decideWebhook(input({ signature: sign(BODY, 'x') }));
	expect(verdict).toMatchObject({ refused: { status: 401 } });
	expect(verdict).not.toHaveProperty('eventId');
});

test('an event type the user did not pick is acknowledged and ignored', () => {
	expect(decideWebhook(input({ events: ['credential.created'] }))).toEqual({
		event: JSON.parse(BODY),
		eventId: '01j0000000000000000000evt1',
		skip: 'event not selected',
	});
});

test('a signed body that is not a Certifier event → 400', () => {
	const notJson = 'hello';
	expect(decideWebhook(input({ rawBody: notJson, signature: sign(notJson) }))).toMatchObject({
		refused: { status: 400 },
	});
	const noId = JSON.stringify({ type: 'credential.issued' });
	expect(decideWebhook(input({ rawBody: noId, signature: sign(noId) }))).toMatchObject({
		refused: { status: 400 },
	});
});
