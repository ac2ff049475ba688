// Memory of the n8n process from /proc: VmRSS now, and its peak over a case (VmHWM, reset
// through clear_refs where the kernel allows, else the highest of samples taken every 100 ms).
import * as fs from 'node:fs';

export function readRssKb(pid: number): { rssKb: number; hwmKb: number } {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const field = (name: string) =>
		Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
	return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** Resets the kernel's peak RSS of the process (echo 5 > clear_refs); false where not permitted. */
export function resetPeakRss(pid: number): boolean {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

export class RssSampler {
	private timer?: NodeJS.Timeout;
	private maxKb = 0;
	private readonly hwmReset: boolean;
	readonly beforeKb: number;

	constructor(
		private readonly pid: number,
		intervalMs = 100,
	) {
		this.hwmReset = resetPeakRss(pid);
		this.beforeKb = readRssKb(pid).rssKb;
		this.maxKb = this.beforeKb;
		this.timer = setInterval(() => this.sample(), intervalMs);
		this.timer.unref();
	}

	/** Stops sampling; the peak in kB. */
	stop(): number {
		clearInterval(this.timer);
		this.sample();
		const { hwmKb } = readRssKb(this.pid);
		return Math.max(this.maxKb, this.hwmReset ? hwmKb : 0);
	}

	private sample(): void {
		try {
			this.maxKb = Math.max(this.maxKb, readRssKb(this.pid).rssKb);
		} catch {
			// process gone; stop() reports what was seen
		}
	}
}
