import {
	outcomeUnknown,
	backoffDelay,
	DEFAULT_RETRY_POLICY,
	isRetryable,
	nextDelay,
	parseRetryAfter,
} from '../../../nodes/common/transport/retry-policy';

const policy = {
	...DEFAULT_RETRY_POLICY,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	maxAttempts: 5,
	maxTotalWaitMs: 60_000,
};
const top = () => 0.999999;

describe('retry classification', () => {
	it.each([429, 502, 503, 504])('retries %i', (status) =>
		expect(isRetryable({ status })).toBe(true),
	);
	it.each([400, 401, 403, 404, 409, 422, 500, 501])('does not retry %i', (status) =>
		expect(isRetryable({ status })).toBe(false),
	);
	it.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ECONNREFUSED'])(
		'retries network error %s',
		(networkCode) => expect(isRetryable({ networkCode })).toBe(true),
	);
	it('does not retry an unknown failure', () =>
		expect(isRetryable({ networkCode: 'ERR_INVALID_URL' })).toBe(false));
});

describe('Retry-After', () => {
	const now = Date.parse('2026-11-22T10:00:00Z');
	it('reads delay-seconds', () => expect(parseRetryAfter('3', now)).toBe(3000));
	it('reads fractional seconds', () => expect(parseRetryAfter('0.5', now)).toBe(500));
	it('reads an HTTP date', () =>
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:07 GMT', now)).toBe(7000));
	it('treats a past date as no wait', () =>
		expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', now)).toBe(0));
	it('takes the first of repeated headers', () =>
		expect(parseRetryAfter(['2', '9'], now)).toBe(2000));
	it.each([undefined, '', 'soon', '-1', {}])('ignores %p', (value) =>
		expect(parseRetryAfter(value, now)).toBeUndefined(),
	);
});

describe('backoff schedule', () => {
	it('doubles the ceiling per attempt up to the cap (full jitter: random in [0, ceiling))', () => {
		const ceilings = [1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(attempt, policy, top) + 1);
		expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 16000, 20000]);
		expect(backoffDelay(3, policy, () => 0)).toBe(0);
	});

	it('honours Retry-After as a floor with bounded jitter', () => {
		const delay = nextDelay(1, 3000, 0, policy, top)!;
		expect(delay).toBeGreaterThanOrEqual(3000);
		expect(delay).toBeLessThan(3000 + 351);
		expect(nextDelay(1, 3000, 0, policy, () => 0)).toBe(3000);
	});

	it('stops after maxAttempts', () => {
		expect(nextDelay(4, undefined, 0, policy, top)).toBeDefined();
		expect(nextDelay(5, undefined, 0, policy, top)).toBeUndefined();
	});

	it('stops when the next wait would pass the total cap', () => {
		expect(nextDelay(1, 50_000, 5_000, policy, () => 0)).toBe(50_000);
		expect(nextDelay(1, 50_000, 10_001, policy, () => 0)).toBeUndefined();
	});

	it('never retries when disabled', () => {
		expect(nextDelay(1, undefined, 0, { ...policy, enabled: false }, top)).toBeUndefined();
	});
});

describe('writes that cannot be repeated', () => {
	it('are retried only when the answer proves nothing was done (429, 503, never connected)', () => {
		for (const status of [429, 503]) expect(isRetryable({ status }, false)).toBe(true);
		for (const networkCode of ['ECONNREFUSED', 'EAI_AGAIN'])
			expect(isRetryable({ networkCode }, false)).toBe(true);
	});

	it('are not retried after 502, 504 or a dropped connection, and those leave the outcome unknown', () => {
		for (const failure of [
			{ status: 502 },
			{ status: 504 },
			{ networkCode: 'ECONNRESET' },
			{ networkCode: 'ETIMEDOUT' },
			{ networkCode: 'ECONNABORTED' },
		]) {
			expect(isRetryable(failure, false)).toBe(false);
			expect(isRetryable(failure, true)).toBe(true);
			expect(outcomeUnknown(failure)).toBe(true);
		}
	});

	it('a plain refusal or a vendor error is not an unknown outcome', () => {
		for (const failure of [
			{ status: 429 },
			{ status: 503 },
			{ status: 500 },
			{ status: 409 },
			{ networkCode: 'ECONNREFUSED' },
		]) {
			expect(outcomeUnknown(failure)).toBe(false);
		}
	});
});
