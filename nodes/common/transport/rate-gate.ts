import { sleep } from 'n8n-workflow';

/** Above this many sends in flight the gate stops limiting (the node's Concurrency caps anyway). */
const UNLIMITED_FROM = 64;

/**
 * One per client (so per node execution and credential), in front of every send.
 *
 * - When the API answers 429 with a Retry-After, every request of this execution holds back until
 *   then, instead of each parallel request discovering the limit on its own.
 * - It also learns how much the API takes: a 429 halves the number of sends allowed in flight,
 *   and each window of answered sends allows one more (additive increase, multiplicative
 *   decrease, as TCP does). Without a rate limit nothing is ever held back; under one, far fewer
 *   requests are wasted on 429s than when every free slot fires the moment the gate reopens.
 */
export class RateGate {
	private notBefore = 0;
	private window = Number.POSITIVE_INFINITY;
	private answeredInWindow = 0;
	private inFlight = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private readonly now: () => number = Date.now) {}

	closeFor(ms: number): void {
		this.notBefore = Math.max(this.notBefore, this.now() + ms);
	}

	/** Sends allowed in flight right now (Infinity until the first 429). */
	get allowedInFlight(): number {
		return this.window;
	}

	/**
	 * Waits until the gate is open and a send may start; returns how long it waited for a
	 * Retry-After (queueing behind other sends is not counted: it is not a retry wait).
	 * Every enter() must be followed by exactly one leave().
	 */
	async enter(): Promise<number> {
		let waited = 0;
		for (;;) {
			const remaining = this.notBefore - this.now();
			if (remaining > 0) {
				await sleep(remaining);
				waited += remaining;
				continue;
			}
			if (this.inFlight < this.window) {
				this.inFlight++;
				return waited;
			}
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
	}

	/** A send ended; `limited`: it was answered 429. */
	leave(limited: boolean): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (limited) {
			// The sends still in flight went out under the same limit; halve what they amount to.
			this.window = Math.max(1, Math.min(this.window, Math.floor((this.inFlight + 1) / 2)));
			this.answeredInWindow = 0;
		} else if (Number.isFinite(this.window) && ++this.answeredInWindow >= this.window) {
			this.answeredInWindow = 0;
			this.window = this.window + 1 >= UNLIMITED_FROM ? Number.POSITIVE_INFINITY : this.window + 1;
		}
		// Wake those that now fit; each checks again, so waking one too many is harmless.
		let free = this.window - this.inFlight;
		while (free-- > 0 && this.waiting.length > 0) this.waiting.shift()?.();
	}
}
