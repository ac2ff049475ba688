/** How persistent the transport is with a failing request; exposed to users as node options. */
export interface RetryPolicy {
	enabled: boolean;
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** Upper bound on the time one request may spend waiting between attempts, in ms. */
	maxTotalWaitMs: number;
	/** First backoff step, in ms; doubles per attempt. */
	baseDelayMs: number;
	/** Largest single backoff step, in ms (a Retry-After may ask for more, up to maxTotalWaitMs). */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	enabled: true,
	maxAttempts: 5,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
};

/** Statuses that mean "not now" rather than "no": the request may be repeated unchanged. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Socket-level failures where the request can be repeated: the server never answered. */
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

/**
 * The subset that proves the server did not act: it refused (429 Too Many Requests, 503 Service
 * Unavailable) or was never reached. A 502/504 or a dropped connection can come after the server
 * acted, so a write that would act twice is not repeated on those.
 */
const NOT_PROCESSED_STATUSES = new Set([429, 503]);
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

/**
 * Whether to send the request again. `repeatable`: sending it twice has the effect of sending it
 * once (reads, PUT/PATCH/DELETE, writes the API deduplicates by an id we send).
 */
export function isRetryable(
	failure: { status?: number; networkCode?: string },
	repeatable = true,
): boolean {
	if (failure.status !== undefined) {
		return (repeatable ? RETRYABLE_STATUSES : NOT_PROCESSED_STATUSES).has(failure.status);
	}
	if (failure.networkCode === undefined) return false;
	return (repeatable ? RETRYABLE_NETWORK_CODES : NOT_SENT_NETWORK_CODES).has(failure.networkCode);
}

/**
 * A 429 that says when to come back (Retry-After > 0) is flow control, not a failed attempt: it is
 * waited out within Max Total Wait but not counted against Max Attempts. Otherwise a long run under
 * a rate limit fails items by chance (an item that meets five 429s in a row), however long the user
 * allowed it to wait.
 */
export function isFlowControl(
	failure: { status?: number },
	retryAfterMs: number | undefined,
): boolean {
	return failure.status === 429 && retryAfterMs !== undefined && retryAfterMs > 0;
}

/** Hard bound on sends of one request, whatever the answers say. */
export const MAX_SENDS_PER_REQUEST = 100;

/** A failure after which a write that cannot be repeated may or may not have taken effect. */
export function outcomeUnknown(failure: { status?: number; networkCode?: string }): boolean {
	return isRetryable(failure, true) && !isRetryable(failure, false);
}

/**
 * Reads a Retry-After header (RFC 9110: delay-seconds or an HTTP date) into milliseconds.
 * Returns undefined when absent or unreadable, 0 for a date already past.
 */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
	if (Array.isArray(value)) value = value[0];
	if (typeof value === 'number') return value >= 0 ? value * 1000 : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// An HTTP date always names a month; anything else (e.g. "-1") is not one, whatever Date.parse thinks.
	if (!/[a-z]{3}/i.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/**
 * Exponential backoff with full jitter: a random wait in [0, min(maxDelay, base * 2^(n-1))].
 * Full jitter spreads many clients that failed together, so they do not retry together.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.floor(random() * ceiling);
}

/**
 * The wait before the next attempt, or undefined when the request must give up.
 * A Retry-After is a floor (plus a little jitter so parallel requests do not return in one burst);
 * without it the backoff applies. The total wait per request never exceeds maxTotalWaitMs.
 */
export function nextDelay(
	attempt: number,
	retryAfterMs: number | undefined,
	waitedMs: number,
	policy: RetryPolicy,
	random: () => number,
): number | undefined {
	if (!policy.enabled || attempt >= policy.maxAttempts) return undefined;
	const delay =
		retryAfterMs !== undefined
			? retryAfterMs + Math.floor(random() * Math.min(1000, retryAfterMs * 0.1 + 50))
			: backoffDelay(attempt, policy, random);
	if (waitedMs + delay > policy.maxTotalWaitMs) return undefined;
	return delay;
}
