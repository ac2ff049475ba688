/**
 * What a response says about the API's rate limit, when it says anything. Vendors publish no
 * limit, but many APIs announce theirs in headers: the IETF draft's `RateLimit-Policy` /
 * `RateLimit` (structured fields, `q`/`w` and `r`/`t`), its earlier `RateLimit-Limit` /
 * `-Remaining` / `-Reset`, and the common `X-RateLimit-Limit` / `-Remaining` / `-Reset`.
 */
export interface RateLimitInfo {
	/** Requests allowed per window. */
	limit?: number;
	windowSeconds?: number;
	/** Requests left in the current window. */
	remaining?: number;
	/** Seconds until the window resets. */
	resetSeconds?: number;
}

/** A reset above this is a Unix time, not a number of seconds (X-RateLimit-Reset does both). */
const EPOCH_FROM = 1_000_000_000;

function first(value: unknown): string | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' || typeof text === 'number' ? String(text).trim() : undefined;
}

function count(value: string | undefined): number | undefined {
	if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return undefined;
	return Number(value);
}

/**
 * The numeric parameters of a field: `"default";q=20;w=1` or `20;w=1` (the first policy of a list),
 * or the older `limit=20, remaining=5, reset=1`, whose commas separate parameters, not policies.
 */
function parameters(field: string): Record<string, number> {
	const out: Record<string, number> = {};
	const older = /(^|[\s,;])(limit|remaining|reset)=/i.test(field);
	const parts = older ? field.split(/[,;]/) : field.split(',')[0].split(';');
	parts.forEach((part, index) => {
		const [key, value] = part.split('=').map((s) => s.trim());
		if (value === undefined && index === 0 && count(key) !== undefined) out.q = Number(key);
		else if (value !== undefined && count(value) !== undefined)
			out[key.toLowerCase()] = Number(value);
	});
	return out;
}

function resetIn(value: number | undefined, nowMs: number): number | undefined {
	if (value === undefined) return undefined;
	return value > EPOCH_FROM ? Math.max(0, value - nowMs / 1000) : value;
}

export function readRateLimit(
	rawHeaders: Record<string, unknown>,
	nowMs: number,
): RateLimitInfo | undefined {
	const headers: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(rawHeaders)) headers[name.toLowerCase()] = value;

	const info: RateLimitInfo = {};
	const policy = first(headers['ratelimit-policy']);
	if (policy !== undefined) {
		const p = parameters(policy);
		info.limit = p.q;
		info.windowSeconds = p.w;
	}
	const combined = first(headers.ratelimit);
	if (combined !== undefined) {
		const p = parameters(combined);
		info.limit ??= p.q ?? p.limit;
		info.remaining = p.r ?? p.remaining;
		info.resetSeconds = p.t ?? p.reset;
	}
	for (const prefix of ['ratelimit-', 'x-ratelimit-']) {
		info.limit ??= count(first(headers[`${prefix}limit`]));
		info.remaining ??= count(first(headers[`${prefix}remaining`]));
		info.resetSeconds ??= resetIn(count(first(headers[`${prefix}reset`])), nowMs);
	}
	if (Object.values(info).every((v) => v === undefined)) return undefined;
	return info;
}
