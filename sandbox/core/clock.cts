// Virtual clock: wall time plus an offset tests can advance, so 48 h rules and
// token expiry can be exercised without waiting.
export interface VirtualClock {
	now(): Date;
	advance(ms: number): Date;
	offsetMs(): number;
	reset(): void;
}

export function createClock(): VirtualClock {
	let offset = 0;
	return {
		now: () => new Date(Date.now() + offset),
		advance(ms: number) {
			if (!Number.isFinite(ms) || ms < 0)
				throw new RangeError('clock can only move forward by a finite number of ms');
			offset += ms;
			return new Date(Date.now() + offset);
		},
		offsetMs: () => offset,
		reset() {
			offset = 0;
		},
	};
}
