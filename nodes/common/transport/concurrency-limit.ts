/**
 * How many requests of one execution may be in flight, found while running instead of set by
 * hand. In the spirit of TCP Vegas: the shortest round trip seen is the API's unloaded latency;
 * when answers take longer than that, the surplus is requests queueing somewhere, so the limit
 * shrinks; while they do not, it grows (by GROWTH per answer, up to the ceiling). Errors and 429s
 * cut it by a tenth. The user's Concurrency setting is the ceiling.
 *
 * Round trips up to TOLERANCE × the unloaded one count as "not queueing" (as Netflix's Gradient2
 * limiter does): a busy n8n reads answers late, and that delay is n8n's own CPU, not the API's
 * queue — shrinking for it would only idle the connections.
 */
export class ConcurrencyLimit {
	private current: number;
	private inFlight = 0;
	private noLoadRttMs = Number.POSITIVE_INFINITY;
	private samples = 0;
	private readonly waiting: Array<() => void> = [];

	/** Below this many queued requests the limit grows; above the upper one it shrinks. */
	static readonly QUEUE_LOW = 3;
	static readonly QUEUE_HIGH = 6;
	/** The unloaded latency is re-learned this often, so a slow start is not remembered forever. */
	static readonly RELEARN_EVERY = 1_000;
	/**
	 * Half a request per answer, ×1.5 per round trip rather than TCP's doubling: until the first 429
	 * nothing is known about a rate limit, and every request in flight when it comes back was sent
	 * into an empty bucket. Doubling puts about a burst's worth there (29–34 of 1,000 requests
	 * refused under 20/s at 100 and 300 ms); ×1.5 puts half of that, for 0.1 s (100 ms) and 0.3 s
	 * (300 ms) more to reach 64 in flight without a limit.
	 */
	static readonly GROWTH = 0.5;
	/** Round trips up to this multiple of the unloaded one are taken as no queueing. */
	static readonly TOLERANCE = 1.5;

	constructor(
		private readonly ceiling: number,
		initial = Math.min(ceiling, 8),
	) {
		this.current = Math.max(1, Math.min(ceiling, initial));
	}

	get limit(): number {
		return Math.floor(this.current);
	}

	async acquire(): Promise<void> {
		while (this.inFlight >= this.limit) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		this.inFlight++;
	}

	/** A request ended: its round trip, and whether the API took it (not a 429, 5xx or lost answer). */
	release(rttMs: number, ok: boolean): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (!ok) {
			this.current = Math.max(1, this.current * 0.9);
		} else if (rttMs > 0) {
			if (++this.samples % ConcurrencyLimit.RELEARN_EVERY === 0) this.noLoadRttMs = rttMs;
			this.noLoadRttMs = Math.min(this.noLoadRttMs, rttMs);
			const queued = this.current * (1 - (ConcurrencyLimit.TOLERANCE * this.noLoadRttMs) / rttMs);
			if (queued < ConcurrencyLimit.QUEUE_LOW)
				this.current = Math.min(this.ceiling, this.current + ConcurrencyLimit.GROWTH);
			else if (queued > ConcurrencyLimit.QUEUE_HIGH) this.current = Math.max(1, this.current - 1);
		}
		let free = this.limit - this.inFlight;
		while (free-- > 0 && this.waiting.length > 0) this.waiting.shift()?.();
	}
}
