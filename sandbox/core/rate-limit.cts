// Per-service token bucket (burst = limit per second), on real monotonic time: the
// virtual clock is for vendor rules, not for throttling.
import { performance } from 'node:perf_hooks';

export interface RateLimiter {
	/** 0 when the request may pass, else whole seconds (>= 1) until a token is free. */
	take(key: string, perSecond: number): number;
	/** Whole requests the bucket would take now (what a RateLimit header calls remaining). */
	remaining(key: string): number;
	reset(): void;
}

export function createRateLimiter(
	nowSeconds: () => number = () => performance.now() / 1000,
): RateLimiter {
	const buckets = new Map<string, { tokens: number; last: number; rate: number }>();
	return {
		take(key, perSecond) {
			const now = nowSeconds();
			const capacity = Math.max(1, perSecond);
			let bucket = buckets.get(key);
			if (!bucket || bucket.rate !== perSecond) {
				bucket = { tokens: capacity, last: now, rate: perSecond };
				buckets.set(key, bucket);
			}
			bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.last) * perSecond);
			bucket.last = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
		},
		remaining(key) {
			return Math.floor(buckets.get(key)?.tokens ?? 0);
		},
		reset() {
			buckets.clear();
		},
	};
}
