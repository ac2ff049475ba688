// `node --require tsx/cjs bench/node-cpu.cts [--items 1000] [--runs 5] [--prof <dir>]`: what our
// node code costs per item, in-process (test/in-process: n8n-core's real engine, no server)
// against the sandbox at 0 ms latency. Runs the bench's SmartResume push and Certifier
// create-issue-send node setups under V8's sampling profiler and splits the CPU by where each
// sample was: ours (nodes/, credentials/), zod (called from our code), n8n (n8n-core,
// n8n-workflow and what they use), sandbox (sandbox/, its server, zod it calls), node (Node
// internals), gc; idle left out. "process" is process.cpuUsage() around the run (all threads,
// the sandbox and the profiler included).
// A measurement to compare before/after changes on one machine, not a test.
import { Session, type Profiler } from 'node:inspector';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Expression } from 'n8n-workflow';
import { startSandbox } from '../sandbox/index.cjs';
import { createInProcessN8n } from '../test/in-process/index.cjs';
import { itemsCodeItems, opDefinition } from './ops.cjs';
import type { Op } from './matrix.cjs';
import { median } from './stats.cjs';

const ROOT = path.resolve(__dirname, '..');

// The TypeScript sources by their full name: tsx would resolve `X.node` to the codex X.node.json.
const source = <T,>(rel: string): T => require(path.join(ROOT, rel)) as T;
const { CertifierApi } = source<typeof import('../credentials/CertifierApi.credentials')>(
	'credentials/CertifierApi.credentials.ts',
);
const { SmartResumeOAuth2Api } = source<
	typeof import('../credentials/SmartResumeOAuth2Api.credentials')
>('credentials/SmartResumeOAuth2Api.credentials.ts');
const { Certifier } = source<typeof import('../nodes/Certifier/Certifier.node')>(
	'nodes/Certifier/Certifier.node.ts',
);
const { SmartResume } = source<typeof import('../nodes/SmartResume/SmartResume.node')>(
	'nodes/SmartResume/SmartResume.node.ts',
);
const CATEGORIES = ['ours', 'zod', 'n8n', 'sandbox', 'node', 'gc'] as const;
type Category = (typeof CATEGORIES)[number];

/** Where a sampled frame's code lives. */
export function categoryOf(url: string, functionName: string): Category {
	if (functionName === '(garbage collector)') return 'gc';
	const file = url.replace(/^file:\/\//, '');
	if (file.includes('/node_modules/zod/')) return 'zod';
	if (file.startsWith(ROOT) && !file.includes('/node_modules/')) {
		const rel = path.relative(ROOT, file);
		if (/^(nodes|credentials|dist\/nodes|dist\/credentials)\//.test(rel)) return 'ours';
		if (rel.startsWith('sandbox/')) return 'sandbox';
		return 'n8n'; // the in-process harness stands in for n8n's server
	}
	if (/\/node_modules\/(fastify|@fastify|avvio|light-my-request|find-my-way|pino)/.test(file))
		return 'sandbox';
	if (file.includes('/node_modules/')) return 'n8n';
	return 'node';
}

/**
 * Self time (ms) per category from a V8 CPU profile; idle and program frames left out. zod runs
 * for our schemas and for the sandbox's: a zod sample goes to the nearest caller that is either.
 */
export function selfTimeByCategory(profile: Profiler.Profile): Record<Category, number> {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parentOf = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
	const categoryAt = (id: number): Category => {
		const { url, functionName } = byId.get(id)!.callFrame;
		const category = categoryOf(url, functionName);
		if (category !== 'zod') return category;
		for (let up = parentOf.get(id); up !== undefined; up = parentOf.get(up)) {
			const caller = byId.get(up)!.callFrame;
			const c = categoryOf(caller.url, caller.functionName);
			if (c === 'ours') return 'zod';
			if (c === 'sandbox') return 'sandbox';
		}
		return 'zod';
	};
	const out = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	for (let i = 0; i < samples.length; i++) {
		const node = byId.get(samples[i]);
		if (!node) continue;
		const { functionName } = node.callFrame;
		if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)')
			continue;
		out[categoryAt(samples[i])] += (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
	}
	return out;
}

/**
 * Counts what n8n does for the node, whatever the machine's load: expressions evaluated (node
 * parameters and credential fields alike) and getNodeParameter calls. Wraps two n8n methods.
 */
function countN8nWork(): { expressions: number; parameterReads: number } {
	const counts = { expressions: 0, parameterReads: 0 };
	const proto = Expression.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
	const resolve = proto.resolveSimpleParameterValue;
	proto.resolveSimpleParameterValue = function (this: unknown, value: unknown, ...rest: unknown[]) {
		if (typeof value === 'string' && value.startsWith('=')) counts.expressions += 1;
		return resolve.call(this, value, ...rest);
	};
	const coreDir = require.resolve('n8n-core').split(`${path.sep}dist${path.sep}`)[0];
	const { NodeExecutionContext } = require(
		path.join(coreDir, 'dist/execution-engine/node-execution-context/node-execution-context.js'),
	) as { NodeExecutionContext: { prototype: Record<string, (...a: unknown[]) => unknown> } };
	const read = NodeExecutionContext.prototype._getNodeParameter;
	NodeExecutionContext.prototype._getNodeParameter = function (this: unknown, ...a: unknown[]) {
		counts.parameterReads += 1;
		return read.apply(this, a);
	};
	return counts;
}

const post = <T,>(session: Session, method: string, params?: object) =>
	new Promise<T>((resolve, reject) =>
		session.post(method, params ?? {}, (error, result) =>
			error ? reject(error) : resolve(result as T),
		),
	);

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			items: { type: 'string', default: '1000' },
			runs: { type: 'string', default: '5' },
			prof: { type: 'string' },
			op: { type: 'string' },
			// CPU time without the profiler's own overhead; no split by category then.
			'no-profile': { type: 'boolean' },
		},
	});
	const items = Number(values.items);
	const runs = Number(values.runs);
	const sb = await startSandbox({ port: 0 });
	const n8n = await createInProcessN8n({
		nodeTypes: [new SmartResume(), new Certifier()],
		credentialTypes: [new SmartResumeOAuth2Api(), new CertifierApi()],
	});
	const counts = countN8nWork();
	const session = new Session();
	session.connect();
	await post(session, 'Profiler.enable');
	await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
	const ops: Op[] = values.op
		? [values.op as Op]
		: ['smartResume.push', 'certifier.createIssueSend'];
	try {
		for (const op of ops) {
			const def = opDefinition(op, sb);
			const credentialId = n8n.setCredential(def.ours.credential.type, {
				id: `bench-${op}`,
				data: def.ours.credential.data as never,
			});
			const perRun: Array<{ totalMs: number } & Record<Category, number>> = [];
			let work = { expressions: 0, parameterReads: 0 };
			for (let run = 0; run <= runs; run++) {
				sb.reset();
				const input = itemsCodeItems(items, `c${run}`).map((json) => ({ json }));
				const profiling = !values['no-profile'];
				if (profiling) await post(session, 'Profiler.start');
				const countedBefore = { ...counts };
				const before = process.cpuUsage();
				const result = await n8n.runNode({
					type: def.ours.type,
					parameters: def.ours.parameters as never,
					credentials: { [def.ours.credential.type]: credentialId },
					input,
				});
				const used = process.cpuUsage(before);
				work = {
					expressions: counts.expressions - countedBefore.expressions,
					parameterReads: counts.parameterReads - countedBefore.parameterReads,
				};
				const profile = profiling
					? (await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop')).profile
					: { nodes: [], startTime: 0, endTime: 0 };
				if (result.error) throw result.error as Error;
				const ok = result.output[0]?.filter((i) => i.json.error === undefined).length ?? 0;
				if (ok !== items) throw new Error(`${op}: ${ok} of ${items} items succeeded`);
				if (run === 0) continue; // warm-up: JIT, token fetch, group lookup
				if (values.prof && run === runs) {
					fs.mkdirSync(values.prof, { recursive: true });
					fs.writeFileSync(path.join(values.prof, `${op}.cpuprofile`), JSON.stringify(profile));
				}
				perRun.push({
					totalMs: (used.user + used.system) / 1000,
					...selfTimeByCategory(profile),
				});
			}
			const med = (key: 'totalMs' | Category) => median(perRun.map((r) => r[key])) / items;
			process.stdout.write(
				`${op}, ${items} items, median of ${runs} runs, CPU ms per item: process ${med('totalMs').toFixed(3)} (sampled: ${CATEGORIES.map((c) => `${c} ${med(c).toFixed(3)}`).join(', ')}); per item in the last run: ${(work.expressions / items).toFixed(2)} expressions evaluated, ${(work.parameterReads / items).toFixed(2)} getNodeParameter calls\n`,
			);
		}
	} finally {
		session.disconnect();
		await sb.close();
	}
}

if (require.main === module)
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	});
