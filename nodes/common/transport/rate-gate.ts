import { sleep } from 'n8n-workflow';

/**
 * One per client (so per node execution and credential): when the API answers 429 with a
 * Retry-After, every request of this execution holds back until then, instead of each parallel
 * request discovering the limit on its own and adding to the burst.
 */
export class RateGate {
	private notBefore = 0;

	constructor(private readonly now: () => number = Date.now) {}

	closeFor(ms: number): void {
		this.notBefore = Math.max(this.notBefore, this.now() + ms);
	}

	/** Waits until the gate is open; returns how long it waited, in ms. */
	async pass(): Promise<number> {
		let waited = 0;
		// A loop, not one wait: another request may push the gate further while this one sleeps.
		for (let guard = 0; guard < 100; guard++) {
			const remaining = this.notBefore - this.now();
			if (remaining <= 0) return waited;
			await sleep(remaining);
			waited += remaining;
		}
		return waited;
	}
}
