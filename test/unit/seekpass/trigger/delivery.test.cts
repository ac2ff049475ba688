import { createHmac } from 'node:crypto';
import { SEEK_PASS_WEBHOOK_DEFAULTS } from '../../../../nodes/SeekPass/constants';
import {
	inspectDelivery,
	isValidPayloadLayout,
	signedBytes,
	type SignatureSettings,
} from '../../../../nodes/SeekPass/trigger/delivery';
import { triggerProperties } from '../../../../nodes/SeekPass/trigger/properties';

const secret = 'f'.repeat(64);
const now = 1_790_000_000_000;
const ts = String(now / 1000);
const body = JSON.stringify({
	event_id: 'e-1',
	request_id: 'r-1',
	type: 'vwsp_request.verified',
	created_at: '2026-09-21T00:00:00Z',
});
const settings: SignatureSettings = { ...SEEK_PASS_WEBHOOK_DEFAULTS };
const sign = (payload: string, key = secret) =>
	createHmac('sha256', key).update(payload).digest('hex');

function deliver(
	overrides: {
		body?: string;
		headers?: Record<string, string | undefined>;
		secret?: string;
		nowMs?: number;
	} = {},
) {
	const raw = overrides.body ?? body;
	const headers = { 'x-timestamp': ts, 'x-signature': sign(`${ts}.${raw}`), ...overrides.headers };
	return inspectDelivery(
		{
			rawBody: Buffer.from(raw),
			headers,
			secret: 'secret' in overrides ? overrides.secret : secret,
			nowMs: overrides.nowMs ?? now,
		},
		settings,
	);
}

describe('signed webhook calls', () => {
	it('accepts a correctly signed, fresh event and reads its status', () => {
		expect(deliver()).toEqual({
			event: {
				status: 'verified',
				payload: {
					event_id: 'e-1',
					request_id: 'r-1',
					type: 'vwsp_request.verified',
					created_at: '2026-09-21T00:00:00Z',
				},
			},
			eventId: 'e-1',
		});
	});

	it('marks an authentic event the user did not pick as one to skip', () => {
		const sent = {
			rawBody: Buffer.from(body),
			headers: { 'x-timestamp': ts, 'x-signature': sign(`${ts}.${body}`) },
			secret,
			nowMs: now,
		};
		expect(inspectDelivery(sent, { ...settings, events: ['canceled'] })).toMatchObject({
			eventId: 'e-1',
			skip: 'event not selected',
		});
		expect(inspectDelivery(sent, { ...settings, events: ['verified'] })).not.toHaveProperty('skip');
	});

	it('refuses a signature made with another secret (401)', () => {
		const headers = { 'x-signature': sign(`${ts}.${body}`, 'e'.repeat(64)) };
		expect(deliver({ headers })).toEqual({ refused: { status: 401, reason: 'invalid signature' } });
	});

	it('refuses a body changed after signing (401)', () => {
		const headers = { 'x-signature': sign(`${ts}.${body}`) };
		expect(deliver({ body: body.replace('verified', 'canceled'), headers })).toMatchObject({
			refused: { status: 401 },
		});
	});

	it('refuses a timestamp changed after signing (401), since the timestamp is signed too', () => {
		const headers = { 'x-timestamp': String(Number(ts) + 1), 'x-signature': sign(`${ts}.${body}`) };
		expect(deliver({ headers })).toEqual({ refused: { status: 401, reason: 'invalid signature' } });
	});

	it('refuses a correctly signed but stale or future timestamp (401)', () => {
		const old = String(Number(ts) - 301);
		expect(
			deliver({ headers: { 'x-timestamp': old, 'x-signature': sign(`${old}.${body}`) } }),
		).toEqual({ refused: { status: 401, reason: 'stale timestamp' } });
		const future = String(Number(ts) + 301);
		expect(
			deliver({ headers: { 'x-timestamp': future, 'x-signature': sign(`${future}.${body}`) } }),
		).toMatchObject({
			refused: { status: 401 },
		});
		const edge = String(Number(ts) - 300);
		expect(
			deliver({ headers: { 'x-timestamp': edge, 'x-signature': sign(`${edge}.${body}`) } }),
		).toHaveProperty('event');
	});

	it('refuses missing signature or timestamp headers, and a trigger without a secret (401)', () => {
		expect(deliver({ headers: { 'x-signature': undefined } })).toEqual({
			refused: { status: 401, reason: 'missing X-Signature header' },
		});
		expect(deliver({ headers: { 'x-timestamp': undefined } })).toEqual({
			refused: { status: 401, reason: 'missing X-Timestamp header' },
		});
		expect(deliver({ secret: undefined })).toMatchObject({ refused: { status: 401 } });
	});

	it('answers 400 to a correctly signed body that is not a SEEK Pass event', () => {
		expect(deliver({ body: 'not json' })).toEqual({
			refused: { status: 400, reason: 'body is not JSON' },
		});
		expect(deliver({ body: '{"hello":"world"}' })).toMatchObject({ refused: { status: 400 } });
	});

	it('answers 415 to a correctly signed delivery whose content type is not JSON', () => {
		expect(deliver({ headers: { 'content-type': 'application/x-www-form-urlencoded' } })).toEqual({
			refused: { status: 415, reason: 'content type is not JSON' },
		});
		expect(
			deliver({ headers: { 'content-type': 'application/json; charset=utf-8' } }),
		).toHaveProperty('event');
	});

	it('follows configured header names and payload layout', () => {
		const custom: SignatureSettings = {
			...settings,
			signatureHeader: 'Seek-Sig',
			timestampHeader: 'Seek-Time',
			signedPayload: '{timestamp}:{body}',
		};
		const headers = { 'seek-time': ts, 'seek-sig': sign(`${ts}:${body}`) };
		expect(inspectDelivery({ rawBody: body, headers, secret, nowMs: now }, custom)).toHaveProperty(
			'event',
		);
		const defaultLayout = { 'seek-time': ts, 'seek-sig': sign(`${ts}.${body}`) };
		expect(
			inspectDelivery({ rawBody: body, headers: defaultLayout, secret, nowMs: now }, custom),
		).toHaveProperty('refused');
	});

	it('signs the raw bytes, not a re-serialisation', () => {
		const spaced = '{ "event_id": "e-2", "request_id": "r", "type": "vwsp_request.canceled" }';
		expect(signedBytes('{timestamp}.{body}', ts, Buffer.from(spaced)).toString()).toBe(
			`${ts}.${spaced}`,
		);
		expect(deliver({ body: spaced })).toMatchObject({ event: { status: 'canceled' } });
		expect(isValidPayloadLayout('{timestamp}')).toBe(false);
		expect(isValidPayloadLayout('{body}{body}')).toBe(false);
	});
});

describe('editor defaults', () => {
	it('are the constants the trigger falls back to', () => {
		const options = triggerProperties.find((p) => p.name === 'options')?.options as Array<{
			name: string;
			default: unknown;
		}>;
		const defaults = Object.fromEntries(options.map((o) => [o.name, o.default]));
		expect(defaults).toMatchObject({ ...SEEK_PASS_WEBHOOK_DEFAULTS });
	});
});
