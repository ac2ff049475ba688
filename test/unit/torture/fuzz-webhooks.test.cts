// Issue 8, fuzz: the two signed-webhook gates (SEEK Pass inspectDelivery, Certifier
// decideWebhook) under random bodies, headers, signatures and timestamps. They never throw
// (an exception would become a 500 and might leak), refuse unless the signature is the real
// one over these exact bytes, and with a real signature refuse only with 400 (the body).
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { decideWebhook } from '../../../nodes/Certifier/trigger/webhook-event';
import { SEEK_PASS_WEBHOOK_DEFAULTS } from '../../../nodes/SeekPass/constants';
import { inspectDelivery } from '../../../nodes/SeekPass/trigger/delivery';
import { fieldValue, NUM_RUNS } from './fuzz-kit.cjs';

const SECRET = 'whsec_fuzz_1b2c3d';
const NOW = Date.parse('2026-11-22T00:00:00Z');
const hex = (payload: string | Buffer, secret = SECRET) =>
	createHmac('sha256', secret).update(payload).digest('hex');

const body = fc.oneof(
	fc.json(),
	fc.string({ unit: 'binary' }),
	fc
		.record({
			event_id: fc.string(),
			request_id: fc.string(),
			type: fc.constantFrom('vwsp_request.verified', 'credential.issued', ''),
		})
		.map((e) => JSON.stringify(e)),
	fc
		.record({ id: fc.string(), type: fc.string(), createdAt: fc.string() })
		.map((e) => JSON.stringify(e)),
);
// What Node's HTTP server can hand over for a header: text, a list of texts, or nothing.
const headerValue = fc.oneof(
	fieldValue.filter((v) => typeof v === 'string'),
	fc.string(),
	fc.array(fc.string(), { maxLength: 2 }),
	fc.constant(undefined),
);
const timestamp = fc.oneof(
	fc.integer({ min: 0, max: 2 ** 33 }).map(String),
	fc.constant(String(Math.floor(NOW / 1000))),
	fc.string(),
	fc.constant(undefined),
);

test('SEEK Pass: never throws; accepts only a fresh, genuine signature over the exact bytes', () => {
	fc.assert(
		fc.property(
			body,
			timestamp,
			fc.boolean(),
			headerValue,
			fc.constantFrom('string', 'buffer', 'none'),
			(raw, ts, signIt, junk, form) => {
				const signature = signIt && ts !== undefined ? hex(`${ts}.${raw}`) : junk;
				const rawBody = form === 'none' ? undefined : form === 'buffer' ? Buffer.from(raw) : raw;
				const verdict = inspectDelivery(
					{
						rawBody,
						headers: { 'x-signature': signature as string, 'x-timestamp': ts },
						secret: SECRET,
						nowMs: NOW,
					},
					SEEK_PASS_WEBHOOK_DEFAULTS,
				);
				const genuine =
					signIt &&
					ts !== undefined &&
					rawBody !== undefined &&
					/^\d{9,13}$/.test(ts.trim()) &&
					ts.trim() === ts;
				if ('event' in verdict) {
					expect(genuine).toBe(true);
					expect(Math.abs(NOW - Number(ts) * 1000)).toBeLessThanOrEqual(300_000);
				} else if (!genuine) {
					expect(verdict.refused.status).toBe(401);
				}
			},
		),
		{ numRuns: NUM_RUNS * 5 },
	);
});

test('Certifier: never throws; accepts only the genuine signature over the exact bytes', () => {
	fc.assert(
		fc.property(
			body,
			fc.boolean(),
			headerValue,
			fc.constantFrom('string', 'buffer', 'none'),
			(raw, signIt, junk, form) => {
				const rawBody = form === 'none' ? undefined : form === 'buffer' ? Buffer.from(raw) : raw;
				const decision = decideWebhook({
					secret: SECRET,
					rawBody,
					signature: signIt ? hex(raw) : junk,
					events: ['credential.issued'],
				});
				const genuine = signIt && rawBody !== undefined && raw !== '';
				if (!genuine) expect(decision).toMatchObject({ refused: { status: 401 } });
				else if ('refused' in decision) expect(decision.refused.status).toBe(400);
			},
		),
		{ numRuns: NUM_RUNS * 5 },
	);
});
