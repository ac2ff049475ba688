// CPU time of n8n (main process + its task runner children) and of the bench process (which hosts
// the sandbox), sampled from /proc during a case so that the work node's own window can be cut out
// of it afterwards. The parsing and the window arithmetic are pure and unit-tested.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

export interface ProcStat {
	pid: number;
	ppid: number;
	/** user + system time in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
	ticks: number;
	/** Start time in ticks after boot (field 22): with pid, tells a reused pid apart. */
	startTicks: number;
}

/** Parses /proc/<pid>/stat; the command name may hold spaces and parentheses, so fields count from its last ')'. */
export function parseProcStat(text: string): ProcStat {
	const close = text.lastIndexOf(')');
	if (close < 0) throw new Error(`not a /proc stat line: ${text.slice(0, 80)}`);
	const pid = Number(text.slice(0, text.indexOf('(')).trim());
	// After ')': field 3 (state) is index 0, so field k is index k − 3.
	const f = text
		.slice(close + 1)
		.trim()
		.split(/\s+/);
	const num = (field: number) => Number(f[field - 3]);
	const stat = { pid, ppid: num(4), ticks: num(14) + num(15), startTicks: num(22) };
	if (![stat.pid, stat.ppid, stat.ticks, stat.startTicks].every(Number.isFinite))
		throw new Error(`unreadable /proc stat line: ${text.slice(0, 80)}`);
	return stat;
}

/** One reading: when, n8n main's ticks, each descendant's ticks (by pid:start), the bench process's CPU ms. */
export interface CpuSample {
	atMs: number;
	mainTicks: number;
	children: ReadonlyMap<string, number>;
	selfMs: number;
}

/** Cumulative CPU ms since the first sample, per sample; a child that appears counts from 0, one that is gone stops counting. */
export interface CpuPoint {
	atMs: number;
	mainMs: number;
	runnerMs: number;
	selfMs: number;
}

export function cumulate(samples: readonly CpuSample[], ticksPerSecond: number): CpuPoint[] {
	const ms = (ticks: number) => (ticks * 1000) / ticksPerSecond;
	const out: CpuPoint[] = [];
	let runnerTicks = 0;
	for (const [i, s] of samples.entries()) {
		if (i > 0) {
			const prev = samples[i - 1];
			for (const [key, ticks] of s.children) runnerTicks += ticks - (prev.children.get(key) ?? 0);
		}
		out.push({
			atMs: s.atMs,
			mainMs: ms(s.mainTicks - samples[0].mainTicks),
			runnerMs: ms(runnerTicks),
			selfMs: s.selfMs - samples[0].selfMs,
		});
	}
	return out;
}

/** A cumulative value at time t, linear between the samples around it (clamped to the ends). */
function at(points: readonly CpuPoint[], t: number, key: 'mainMs' | 'runnerMs' | 'selfMs'): number {
	if (t <= points[0].atMs) return points[0][key];
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1];
		const b = points[i];
		if (t <= b.atMs) {
			const span = b.atMs - a.atMs;
			return span > 0 ? a[key] + ((b[key] - a[key]) * (t - a.atMs)) / span : b[key];
		}
	}
	return points[points.length - 1][key];
}

export interface CpuWindow {
	/** n8n main process, user + system, ms. */
	mainMs: number;
	/** n8n's task runner processes (children of main), user + system, ms. */
	runnerMs: number;
	/** The bench process: the sandbox, plus the bench's own polling, ms. */
	sandboxMs: number;
}

/** CPU spent within the given [start, end) windows (e.g. the work node's tries), summed. */
export function cpuInWindows(
	points: readonly CpuPoint[],
	windows: ReadonlyArray<{ startMs: number; endMs: number }>,
): CpuWindow {
	const total: CpuWindow = { mainMs: 0, runnerMs: 0, sandboxMs: 0 };
	if (points.length === 0) return total;
	const d = (w: { startMs: number; endMs: number }, key: 'mainMs' | 'runnerMs' | 'selfMs') =>
		Math.max(0, at(points, w.endMs, key) - at(points, w.startMs, key));
	for (const w of windows) {
		total.mainMs += d(w, 'mainMs');
		total.runnerMs += d(w, 'runnerMs');
		total.sandboxMs += d(w, 'selfMs');
	}
	return total;
}

/** Per-item CPU: ms ÷ items (undefined for no items). */
export function perItem(ms: number, items: number): number | undefined {
	return items > 0 ? ms / items : undefined;
}

let cachedTicks: number | undefined;

/** The kernel's clock ticks per second (getconf CLK_TCK), 100 where getconf is missing. */
export function clockTicksPerSecond(): number {
	if (cachedTicks === undefined) {
		try {
			const v = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
			cachedTicks = Number.isFinite(v) && v > 0 ? v : 100;
		} catch {
			cachedTicks = 100;
		}
	}
	return cachedTicks;
}

function readStat(pid: number): ProcStat | undefined {
	try {
		return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return undefined; // gone between listing and reading
	}
}

/** Every descendant of pid (task runners, and whatever they start), through /proc/<pid>/task/<tid>/children. */
function descendants(pid: number): number[] {
	const out: number[] = [];
	const queue = [pid];
	while (queue.length) {
		const p = queue.shift()!;
		let tids: string[] = [];
		try {
			tids = fs.readdirSync(`/proc/${p}/task`);
		} catch {
			continue;
		}
		for (const tid of tids) {
			let text = '';
			try {
				text = fs.readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8');
			} catch {
				continue;
			}
			for (const c of text.trim().split(/\s+/).filter(Boolean)) {
				out.push(Number(c));
				queue.push(Number(c));
			}
		}
	}
	return out;
}

/** Samples n8n's process tree and this process every intervalMs until stop(). */
export class CpuSampler {
	private readonly samples: CpuSample[] = [];
	private readonly timer: NodeJS.Timeout;
	readonly runnerPids = new Set<number>();

	constructor(
		private readonly n8nPid: number,
		intervalMs = 50,
	) {
		this.sample();
		this.timer = setInterval(() => this.sample(), intervalMs);
		this.timer.unref();
	}

	stop(): CpuPoint[] {
		clearInterval(this.timer);
		this.sample();
		return cumulate(this.samples, clockTicksPerSecond());
	}

	private sample(): void {
		const main = readStat(this.n8nPid);
		if (!main) return;
		const children = new Map<string, number>();
		for (const pid of descendants(this.n8nPid)) {
			const s = readStat(pid);
			if (!s) continue;
			children.set(`${pid}:${s.startTicks}`, s.ticks);
			this.runnerPids.add(pid);
		}
		const self = process.cpuUsage();
		this.samples.push({
			atMs: Date.now(),
			mainTicks: main.ticks,
			children,
			selfMs: (self.user + self.system) / 1000,
		});
	}
}
