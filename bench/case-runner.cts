// Runs one bench case in the real n8n: fresh sandbox state and credential, Manual Trigger →
// Code (N tagged items) → the work node; measures it from n8n's run data, the sandbox and /proc.
import { randomBytes } from 'node:crypto';
import type { Sandbox } from '../sandbox/index.cjs';
import { manualWorkflow, type N8nInstance, type WorkflowNode } from '../real-n8n/index.cjs';
import { parseExecution, type StoredExecution } from '../real-n8n/execution.cjs';
import { estimateSeconds, type BenchCase } from './matrix.cjs';
import { CpuSampler, cpuInWindows, perItem, type CpuPoint } from './cpu.cjs';
import { RssSampler } from './metrics.cjs';
import {
	duplicateWrites,
	httpRequestNode,
	itemsCode,
	opDefinition,
	ourNode,
	seedSubmissions,
} from './ops.cjs';
import type { RequestTally } from './tally.cjs';
import type { CaseMetrics } from './types.cjs';

export interface BenchContext {
	sb: Sandbox;
	n8n: N8nInstance;
	tally: RequestTally;
}

const TERMINAL = new Set(['success', 'error', 'canceled', 'crashed']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface TaskData {
	startTime?: number;
	executionTime?: number;
	error?: { message?: string; description?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

export async function runCase(ctx: BenchContext, c: BenchCase): Promise<CaseMetrics> {
	const { sb, n8n, tally } = ctx;
	const def = opDefinition(c.op, sb);
	const tag = `b${randomBytes(4).toString('hex')}`;

	// A clean window: no state, no idle keep-alive sockets left from the previous case.
	sb.reset();
	sb.app.server.closeIdleConnections();
	for (let i = 0; i < 50 && sb.connections().open > 0; i++) await sleep(20);
	if (c.op === 'seekPass.getStatuses') await seedSubmissions(sb, tag, c.n);
	sb.setSwitches({
		latencyMs: c.latencyMs,
		rateLimitPerSecond: c.rateLimit,
		rateLimitHeaders: c.headers === true,
	});

	// A new credential per case: no token carried over, so token requests count this run only.
	const spec = c.variant === 'ours' ? def.ours.credential : def.http.credential;
	const name = `bench ${tag}`;
	const credential = { id: await n8n.createCredential(spec.type, name, spec.data), name };
	const work: WorkflowNode =
		c.variant === 'ours'
			? ourNode(def, credential)
			: httpRequestNode(def, c.variant, c.rateLimit, credential);
	const items: WorkflowNode = {
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: itemsCode(c.n, tag) },
	};
	const workflowId = await n8n.importWorkflow(manualWorkflow(`bench ${c.id}`, [items, work]));

	const pid = n8n.n8nPid();
	if (!pid) throw new Error('n8n process not found');
	tally.start(def.service, def.isWrite);
	sb.resetConnections();
	const rss = new RssSampler(pid);
	const cpu = new CpuSampler(pid);
	let stored: StoredExecution;
	let peakKb = 0;
	let cpuPoints: CpuPoint[] = [];
	let counts: ReturnType<RequestTally['stop']>;
	let conns: ReturnType<Sandbox['connections']>;
	try {
		const started = await n8n.rest<{ executionId?: string }>(
			'POST',
			`/workflows/${workflowId}/run`,
			{ triggerToStartFrom: { name: 'Manual Trigger' } },
		);
		if (!started.executionId) throw new Error(`the run did not start: ${JSON.stringify(started)}`);
		stored = await waitFinished(n8n, started.executionId, (estimateSeconds(c) * 5 + 300) * 1000);
	} finally {
		peakKb = rss.stop();
		cpuPoints = cpu.stop();
		counts = tally.stop();
		conns = sb.connections();
	}
	const execution = parseExecution(stored, n8n.runtime.dir);
	const tasks = ((execution.raw as { resultData?: { runData?: Record<string, TaskData[]> } })
		?.resultData?.runData?.Work ?? []) as TaskData[];
	if (tasks.length === 0)
		throw new Error(
			`the work node did not run (execution ${execution.id} ${execution.status}: ${JSON.stringify(execution.error ?? {}).slice(0, 300)})`,
		);
	const wallMs = tasks.reduce((s, t) => s + (t.executionTime ?? 0), 0);
	const last = tasks[tasks.length - 1];
	const output = last.error ? [] : (last.data?.main?.[0] ?? []);
	const ok = output.filter((i) => i.json.error === undefined).length;
	// CPU within the work node's own run (each try), not the trigger's or the Code node's.
	const used = cpuInWindows(
		cpuPoints,
		tasks
			.filter((t) => t.startTime !== undefined)
			.map((t) => ({ startMs: t.startTime!, endMs: t.startTime! + (t.executionTime ?? 0) })),
	);
	const n8nCpuMs = used.mainMs + used.runnerMs;
	const expectedOutputs = c.n;
	const duplicates = await duplicateWrites(c.op, sb, tag);
	await cleanUp(n8n, workflowId, execution.id, credential.id);
	return {
		wallMs,
		itemsPerSecond: wallMs > 0 ? ok / (wallMs / 1000) : 0,
		status: execution.status,
		...(last.error
			? { error: String(last.error.message ?? last.error.description ?? 'failed').slice(0, 300) }
			: {}),
		requests: counts.requests,
		rateLimited: counts.rateLimited,
		tokenRequests: counts.tokenRequests,
		failedItems: Math.max(0, expectedOutputs - ok),
		duplicateWrites: duplicates,
		peakConnections: conns.peak,
		connectionsOpened: conns.opened,
		rssBeforeMb: rss.beforeKb / 1024,
		peakRssMb: peakKb / 1024,
		cpu: {
			n8nMs: n8nCpuMs,
			mainMs: used.mainMs,
			runnerMs: used.runnerMs,
			runnerProcesses: cpu.runnerPids.size,
			sandboxMs: used.sandboxMs,
			n8nMsPerItem: perItem(n8nCpuMs, c.n) ?? 0,
			sandboxMsPerItem: perItem(used.sandboxMs, c.n) ?? 0,
		},
	};
}

/** Polls the execution every 500 ms (the harness polls every 50 ms, which would load n8n while it is measured). */
async function waitFinished(
	n8n: N8nInstance,
	executionId: string,
	timeoutMs: number,
): Promise<StoredExecution> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		await sleep(500);
		const res = await n8n.request('GET', `/rest/executions/${executionId}`);
		if (res.ok) {
			const stored = ((await res.json()) as { data: StoredExecution & { finished?: boolean } })
				.data;
			if (stored.finished || TERMINAL.has(stored.status)) return stored;
		} else if (res.status !== 404) {
			throw new Error(
				`GET /rest/executions/${executionId} → ${res.status}: ${(await res.text()).slice(0, 300)}`,
			);
		}
		if (Date.now() > deadline)
			throw n8n.failure(`execution ${executionId} did not finish within ${timeoutMs} ms`);
	}
}

/** Keeps n8n's database small between cases; failures here do not matter. */
async function cleanUp(
	n8n: N8nInstance,
	workflowId: string,
	executionId: string,
	credentialId: string,
): Promise<void> {
	await n8n.rest('POST', '/executions/delete', { ids: [executionId] }).catch(() => undefined);
	await n8n.rest('POST', `/workflows/${workflowId}/archive`).catch(() => undefined);
	await n8n.rest('DELETE', `/workflows/${workflowId}`).catch(() => undefined);
	await n8n.rest('DELETE', `/credentials/${credentialId}`).catch(() => undefined);
}
