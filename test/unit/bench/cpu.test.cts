// The bench's CPU accounting: /proc stat parsing, cumulating samples of a process tree whose
// children come and go, cutting the work node's window out of them, and per-item arithmetic.
import {
	cpuInWindows,
	cumulate,
	parseProcStat,
	perItem,
	type CpuSample,
} from '../../../bench/cpu.cjs';

// A real line's shape: pid (comm) state ppid … utime(14) stime(15) … starttime(22) …
const statLine = (pid: number, comm: string, ppid: number, utime: number, stime: number) =>
	`${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 5000 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 854172 1000000 20000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0`;

const sample = (
	atMs: number,
	mainTicks: number,
	children: Record<string, number>,
	selfMs = 0,
): CpuSample => ({ atMs, mainTicks, children: new Map(Object.entries(children)), selfMs });

describe('parseProcStat', () => {
	test('reads pid, ppid, utime + stime and the start time', () => {
		expect(parseProcStat(statLine(4242, 'node', 17, 1234, 56))).toEqual({
			pid: 4242,
			ppid: 17,
			ticks: 1290,
			startTicks: 854172,
		});
	});
	test('a command name with spaces and parentheses does not shift the fields', () => {
		const s = parseProcStat(statLine(7, 'n8n (task) runner', 3, 10, 5));
		expect(s).toMatchObject({ pid: 7, ppid: 3, ticks: 15 });
	});
	test('garbage is refused, not read as zero', () => {
		expect(() => parseProcStat('no stat here')).toThrow(/not a \/proc stat line/);
		expect(() => parseProcStat('1 (x) S')).toThrow(/unreadable/);
	});
});

describe('cumulate', () => {
	test('ticks become ms since the first sample; a new runner counts from 0; a gone one stops counting', () => {
		const points = cumulate(
			[
				sample(0, 1000, { 'a:1': 50 }, 10),
				sample(100, 1005, { 'a:1': 52 }, 12),
				// a exits, b (a new runner process) starts with 3 ticks already spent
				sample(200, 1010, { 'b:9': 3 }, 15),
				sample(300, 1020, { 'b:9': 7 }, 19),
			],
			100,
		);
		expect(points.map((p) => p.mainMs)).toEqual([0, 50, 100, 200]);
		expect(points.map((p) => p.runnerMs)).toEqual([0, 20, 50, 90]);
		expect(points.map((p) => p.selfMs)).toEqual([0, 2, 5, 9]);
	});
	test('a reused pid with another start time is another process', () => {
		const points = cumulate([sample(0, 0, { '5:1': 100 }), sample(100, 0, { '5:2': 4 })], 100);
		expect(points[1].runnerMs).toBe(40);
	});
});

describe('cpuInWindows', () => {
	const points = cumulate(
		[
			sample(1000, 0, { 'r:1': 0 }, 0),
			sample(2000, 100, { 'r:1': 10 }, 400),
			sample(3000, 300, { 'r:1': 10 }, 500),
		],
		100,
	);
	test('interpolates linearly between samples and sums the windows (tries)', () => {
		const w = cpuInWindows(points, [
			{ startMs: 1500, endMs: 2500 },
			{ startMs: 2500, endMs: 3000 },
		]);
		// main: 0→1000 ms over 1000–2000, 1000→3000 over 2000–3000: 500 at 1500, 3000 at 3000
		expect(w.mainMs).toBeCloseTo(2500, 6);
		expect(w.runnerMs).toBeCloseTo(50, 6);
		expect(w.sandboxMs).toBeCloseTo(300, 6);
	});
	test('a window outside the samples is clamped, and nothing sampled gives zeros', () => {
		expect(cpuInWindows(points, [{ startMs: 0, endMs: 99_999 }]).mainMs).toBe(3000);
		expect(cpuInWindows([], [{ startMs: 0, endMs: 1 }])).toEqual({
			mainMs: 0,
			runnerMs: 0,
			sandboxMs: 0,
		});
	});
});

test('perItem divides by the input items and has no value for none', () => {
	expect(perItem(4500, 1000)).toBe(4.5);
	expect(perItem(10, 0)).toBeUndefined();
});
