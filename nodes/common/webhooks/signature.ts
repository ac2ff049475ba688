import { createHmac, timingSafeEqual } from 'crypto';

/** Hex HMAC-SHA256 of a payload. */
export function hmacSha256Hex(secret: string, payload: string | Buffer): string {
	return createHmac('sha256', secret).update(payload).digest('hex');
}

/**
 * Constant-time check of a hex HMAC-SHA256 signature. Accepts an optional "sha256=" prefix and
 * upper-case hex; anything malformed is simply "not valid" — never an exception a caller could leak.
 */
export function isValidHexSignature(
	secret: string,
	payload: string | Buffer,
	signature: unknown,
): boolean {
	if (typeof signature !== 'string' || secret === '') return false;
	const provided = signature
		.trim()
		.replace(/^sha256=/i, '')
		.toLowerCase();
	if (!/^[0-9a-f]{64}$/.test(provided)) return false;
	const expected = Buffer.from(hmacSha256Hex(secret, payload), 'hex');
	return timingSafeEqual(expected, Buffer.from(provided, 'hex'));
}

export type TimestampCheck = 'ok' | 'missing' | 'malformed' | 'stale';

/** Checks a unix-seconds (or milliseconds) timestamp against a tolerance window around now. */
export function checkTimestamp(
	value: unknown,
	toleranceSeconds: number,
	nowMs: number,
): TimestampCheck {
	if (value === undefined || value === null || value === '') return 'missing';
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (!/^\d{9,13}$/.test(text)) return 'malformed';
	const numeric = Number(text);
	const ms = text.length >= 13 ? numeric : numeric * 1000;
	return Math.abs(nowMs - ms) <= toleranceSeconds * 1000 ? 'ok' : 'stale';
}
