// `npm run bench`: this package's nodes against n8n's HTTP Request node, in a real n8n against
// the local sandbox. Prints a table and writes bench/results/<date>-n8n-<version>.json.
//   --quick          smoke run, tiny N (< 3 min)
//   --only <terms>   comma-separated terms every case id must contain (`!term`: must not), e.g.
//                    --only "seekPass.add,limit=20,n=1000"
//   --out <file>     result file (default bench/results/<yyyy-mm-dd>-n8n-<version>[-quick].json)
//   --list           print the planned cases and their estimated duration, run nothing
//   --no-raw         skip the autocannon bound;  --no-package  skip package size and load time
//   --redo-failed <file>  run again only the cases of an earlier result file that could not be
//                    measured (bench error), keep the rest, and rewrite that file
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox, type Sandbox } from '../sandbox/index.cjs';
import { ensureRuntime, N8N_VERSION, startN8n, type N8nInstance } from '../real-n8n/index.cjs';
import { runCase } from './case-runner.cjs';
import { describeMachine } from './machine.cjs';
import {
	defaultMatrix,
	estimateSeconds,
	filterCases,
	quickMatrix,
	type BenchCase,
} from './matrix.cjs';
import { loadTime, packedSize } from './package-cost.cjs';
import { rawBound } from './raw-bound.cjs';
import { formatGrowth, formatTable, formatTargets, growthFits, withRatios } from './report.cjs';
import { RequestTally } from './tally.cjs';
import { evaluateTargets } from './targets.cjs';
import type { CaseResult, PackageCost, RawBound } from './types.cjs';

const MATRIX_NOTE = `Default matrix (about 40 minutes on 2 cores): without a rate limit every op at 100, 1,000, 5,000 and 10,000 items and 20 and 100 ms latency, ours against the HTTP Request node as dropped on the canvas (Batching only adds sleeps and Retry On Fail never fires when nothing fails, so the tuned variants equal the default there). Under 20 requests/s every op and every variant at 100 and 1,000 items and 20 ms; ours twice more at 1,000 (20 ms and 100 ms) so that "every run" means three runs per op; the HTTP Request node at 100 ms without the tuned variant (50 to 250 s each); 10,000 items under the limit for getStatuses only (334 requests), because 10,000 writes take 500 s at 20/s whoever sends them. --quick runs every op and variant at 30 to 150 items.`;

const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			quick: { type: 'boolean' },
			only: { type: 'string' },
			out: { type: 'string' },
			list: { type: 'boolean' },
			'no-raw': { type: 'boolean' },
			'no-package': { type: 'boolean' },
			'redo-failed': { type: 'string' },
		},
	});
	const previous = values['redo-failed'] ? loadPrevious(values['redo-failed']) : undefined;
	const cases = previous
		? previous.cases.filter((c) => c.benchError !== undefined).map(benchCaseOf)
		: filterCases(values.quick ? quickMatrix() : defaultMatrix(), values.only);
	const estimate = cases.reduce((s, c) => s + estimateSeconds(c), 0);
	say(
		`${cases.length} cases, about ${Math.round(estimate / 60)} min of measuring (plus n8n start, raw bounds and load time)`,
	);
	if (values.list) {
		for (const c of cases) say(`  ${c.id}  ~${Math.round(estimateSeconds(c))} s`);
		return;
	}
	const date = new Date().toISOString().slice(0, 10);
	const out = path.resolve(
		values.out ??
			values['redo-failed'] ??
			path.join(
				__dirname,
				'results',
				`${date}-n8n-${N8N_VERSION}${values.quick ? '-quick' : ''}.json`,
			),
	);

	let sb: Sandbox | undefined;
	let n8n: N8nInstance | undefined;
	const tally = new RequestTally();
	// Redoing: the measured cases, bounds and package cost of the earlier run are kept as they were.
	const results: CaseResult[] = previous
		? previous.cases.filter((c) => c.benchError === undefined).map(({ ratios: _, ...c }) => c)
		: [];
	const raw: RawBound[] = previous?.rawBounds ?? [];
	let pkg: PackageCost | undefined = previous?.packageCost;
	try {
		const runtime = await ensureRuntime({ onProgress: (l) => say(`  … ${l}`) });
		const machine = previous?.machine ?? describeMachine(runtime.version, runtime.nodeVersion);
		sb = await startSandbox({ port: 0, onRequestLogged: tally.add });
		n8n = await startN8n({
			runtime,
			onProgress: (l) => say(`  … ${l}`),
			env: { N8N_LOG_LEVEL: 'warn' },
		});

		if (!values['no-package'] && !previous) {
			const size = packedSize();
			pkg = { ...size, loadMs: loadTime(runtime, n8n.packageDir!) };
			say(
				`package: ${(size.packedBytes / 1000).toFixed(1)} kB packed; loadAll() median ${pkg.loadMs.median.toFixed(1)} ms`,
			);
		}

		if (!values['no-raw'] && !previous) {
			const configs = new Map<string, BenchCase>();
			for (const c of cases) if (c.rateLimit === 0) configs.set(`${c.op}|${c.n}|${c.latencyMs}`, c);
			for (const c of configs.values()) {
				const b = await rawBound(sb, c.op, c.n, c.latencyMs, runtime.nodeBin);
				raw.push(b);
				say(
					`raw bound ${c.op} n=${c.n} lat=${c.latencyMs}: ${b.requests} requests in ${(b.bestMs / 1000).toFixed(2)} s (${b.connections} connections)`,
				);
			}
		}

		const write = () => {
			const order = previous ? previous.cases.map((c) => c.id) : cases.map((c) => c.id);
			const measured = withRatios(
				[...results].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)),
				raw,
			);
			const growth = growthFits(measured);
			const targets = evaluateTargets(measured, growth, pkg);
			const file = {
				benchmark: 'n8n-nodes-career-credentials vs n8n HTTP Request node',
				createdAt: new Date().toISOString(),
				machine,
				matrix: previous
					? `${previous.matrix}; ${cases.length} cases that could not be measured re-run ${date}`
					: values.quick
						? 'quick'
						: values.only
							? `default, filtered by "${values.only}"`
							: 'default',
				matrixNote: MATRIX_NOTE,
				method:
					"Each case: sandbox reset, latency and limit set, a new credential, Manual Trigger → Code (N tagged items) → the work node in a real n8n. Wall time = the work node's execution time in n8n's run data (all tries). Requests, 429s and token requests counted at the sandbox; duplicate writes from its state (same recipient / assertion / submission id more than once); peak connections counted at the sandbox's TCP server; peak RSS of the n8n main process (VmHWM reset per case, /proc). CPU: user + system time of n8n's main process and its task runner children, and of the bench process that hosts the sandbox, sampled every 50 ms from /proc (utime + stime at CLK_TCK) and cut to the work node's own run (its start and execution time in the run data, linear between samples), divided by the input items. Physical bound: requests / limit under a limit (⌈N/30⌉ requests for getStatuses), else the best autocannon wall time for the same requests.",
				packageCost: pkg,
				rawBounds: raw,
				cases: measured,
				growth,
				targets,
			};
			fs.mkdirSync(path.dirname(out), { recursive: true });
			fs.writeFileSync(out, JSON.stringify(file, null, '\t') + '\n');
			return { measured, growth, targets };
		};

		for (const [i, c] of cases.entries()) {
			const result: CaseResult = { ...c };
			try {
				result.metrics = await runCase({ sb, n8n, tally }, c);
			} catch (error) {
				// fetch() hides the reason (socket closed, timeout, …) in `cause`.
				const cause =
					error instanceof Error && error.cause
						? ` (${String((error.cause as Error).message ?? error.cause)})`
						: '';
				const where =
					error instanceof Error
						? (error.stack ?? '')
								.split('\n')
								.find((l) => l.includes('/bench/') || l.includes('/harness/'))
								?.trim()
						: undefined;
				result.benchError =
					(error instanceof Error ? error.message : String(error)).slice(0, 900) +
					cause +
					(where ? ` at ${where}` : '');
			}
			results.push(result);
			const m = result.metrics;
			say(
				`[${i + 1}/${cases.length}] ${c.id}: ` +
					(m
						? `${(m.wallMs / 1000).toFixed(2)} s, ${m.itemsPerSecond.toFixed(0)} items/s, ${m.requests} req (${m.rateLimited} × 429), ${m.tokenRequests} token, ${m.failedItems} failed, ${m.duplicateWrites} dup, ${m.peakConnections} conns, ${m.peakRssMb.toFixed(0)} MB${m.cpu ? `, n8n CPU ${m.cpu.n8nMsPerItem.toFixed(2)} ms/item (sandbox ${m.cpu.sandboxMsPerItem.toFixed(2)})` : ''}${m.error ? ` — ${m.error.slice(0, 120)}` : ''}`
						: `BENCH ERROR ${result.benchError?.slice(0, 300)}`),
			);
			write();
		}
		const { measured, growth, targets } = write();
		say('');
		say(formatTable(measured));
		if (growth.length) say(`\nCost growth (no limit):\n${formatGrowth(growth)}`);
		say(`\nTargets:\n${formatTargets(targets)}`);
		say(`\nResult: ${path.relative(process.cwd(), out)}`);
	} finally {
		await n8n?.stop().catch(() => undefined);
		await sb?.close().catch(() => undefined);
	}
}

interface PreviousResult {
	matrix: string;
	machine: ReturnType<typeof describeMachine>;
	packageCost?: PackageCost;
	rawBounds: RawBound[];
	cases: CaseResult[];
}

function loadPrevious(file: string): PreviousResult {
	return JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')) as PreviousResult;
}

function benchCaseOf(c: CaseResult): BenchCase {
	return {
		id: c.id,
		op: c.op,
		n: c.n,
		latencyMs: c.latencyMs,
		rateLimit: c.rateLimit,
		variant: c.variant,
		repeat: c.repeat,
	};
}

main().catch((error: unknown) => {
	say(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
	process.exit(1);
});
