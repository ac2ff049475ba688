// Virtual time for transport tests: waits resolve when the clock is advanced, never in real time.
export class VirtualClock {
	now = 0;
	private seq = 0;
	private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];

	wait = async (ms: number): Promise<void> =>
		await new Promise<void>((resolve) => {
			this.timers.push({ at: this.now + Math.max(0, ms), seq: this.seq++, resolve });
		});

	/** Runs until `done` resolves, advancing to the next timer whenever nothing else can run. */
	async run(done: Promise<unknown>): Promise<void> {
		let finished = false;
		void done.then(() => (finished = true));
		for (;;) {
			for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
			if (finished) return;
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const next = this.timers.shift();
			if (!next) throw new Error('stalled: nothing scheduled and not finished');
			this.now = Math.max(this.now, next.at);
			next.resolve();
		}
	}
}
