import { createHmac } from 'node:crypto';
import { checkTimestamp, isValidHexSignature } from '../../../nodes/common/webhooks/signature';

const secret = 'a'.repeat(64);
const body = '{"event_id":"e1","type":"vwsp_request.verified"}';
const sign = (payload: string, key = secret) =>
	createHmac('sha256', key).update(payload).digest('hex');

describe('HMAC-SHA256 signature check', () => {
	it('accepts the right signature, with or without sha256= and in upper case', () => {
		expect(isValidHexSignature(secret, body, sign(body))).toBe(true);
		expect(isValidHexSignature(secret, body, `sha256=${sign(body)}`)).toBe(true);
		expect(isValidHexSignature(secret, body, sign(body).toUpperCase())).toBe(true);
	});
	it('refuses a wrong secret, an altered body, a truncated or missing signature', () => {
		expect(isValidHexSignature(secret, body, sign(body, 'b'.repeat(64)))).toBe(false);
		expect(isValidHexSignature(secret, body.replace('verified', 'canceled'), sign(body))).toBe(
			false,
		);
		expect(isValidHexSignature(secret, body, sign(body).slice(0, 63))).toBe(false);
		expect(isValidHexSignature(secret, body, undefined)).toBe(false);
		expect(isValidHexSignature('', body, sign(body, ''))).toBe(false);
	});
});

describe('timestamp window', () => {
	const now = 1_790_000_000_000;
	it('accepts seconds and milliseconds inside the window', () => {
		expect(checkTimestamp(String(now / 1000 - 299), 300, now)).toBe('ok');
		expect(checkTimestamp(String(now + 1000), 300, now)).toBe('ok');
	});
	it('refuses stale, future, missing and malformed stamps', () => {
		expect(checkTimestamp(String(now / 1000 - 301), 300, now)).toBe('stale');
		expect(checkTimestamp(String(now / 1000 + 301), 300, now)).toBe('stale');
		expect(checkTimestamp(undefined, 300, now)).toBe('missing');
		expect(checkTimestamp('yesterday', 300, now)).toBe('malformed');
	});
});
