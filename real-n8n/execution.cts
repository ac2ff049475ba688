// Turns n8n's stored execution (run data serialised with `flatted`) into the
// shape tests assert on. `flatted` is resolved from the n8n runtime, which
// depends on it, so this package does not need it.
import * as path from 'node:path';

export type Json = Record<string, unknown>;

export interface NodeRun {
	/** Output items of the node's last run: one array per output (branch), each item's `json`. */
	items: Json[][];
	/** The node's error (message, description, …) if it failed. */
	error?: Json;
	/** How many times the node ran in this execution (loops run it more than once). */
	runs: number;
}

export interface ExecutionResult {
	id: string;
	status: string;
	finished: boolean;
	mode: string;
	/** The execution-level error (e.g. the failing node's error), if any. */
	error?: Json;
	lastNodeExecuted?: string;
	nodes: Record<string, NodeRun>;
	/** The full parsed run data, for assertions the summary does not cover. */
	raw: unknown;
}

/** What GET /rest/executions/:id answers (inside its `data` envelope). */
export interface StoredExecution {
	id: string;
	status: string;
	finished: boolean;
	mode: string;
	data: string;
}

interface TaskData {
	data?: { main?: Array<Array<{ json: Json }> | null> };
	error?: Json;
}

interface RunExecutionData {
	resultData?: { runData?: Record<string, TaskData[]>; error?: Json; lastNodeExecuted?: string };
}

type Parse = (text: string) => unknown;
const parsers = new Map<string, Parse>();

function flattedParse(runtimeDir: string): Parse {
	let parse = parsers.get(runtimeDir);
	if (!parse) {
		const n8nDir = path.join(runtimeDir, 'node_modules', 'n8n');
		const resolved = require.resolve('flatted', { paths: [n8nDir] });
		parse = (require(resolved) as { parse: Parse }).parse;
		parsers.set(runtimeDir, parse);
	}
	return parse;
}

export function parseExecution(stored: StoredExecution, runtimeDir: string): ExecutionResult {
	const run = (
		typeof stored.data === 'string' ? flattedParse(runtimeDir)(stored.data) : stored.data
	) as RunExecutionData;
	const nodes: Record<string, NodeRun> = {};
	for (const [name, tasks] of Object.entries(run?.resultData?.runData ?? {})) {
		const last = tasks[tasks.length - 1];
		nodes[name] = {
			items: (last?.data?.main ?? []).map((output) => (output ?? []).map((item) => item.json)),
			...(last?.error ? { error: last.error } : {}),
			runs: tasks.length,
		};
	}
	return {
		id: String(stored.id),
		status: stored.status,
		finished: stored.finished,
		mode: stored.mode,
		...(run?.resultData?.error ? { error: run.resultData.error } : {}),
		lastNodeExecuted: run?.resultData?.lastNodeExecuted,
		nodes,
		raw: run,
	};
}
