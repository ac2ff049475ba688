// Small builders for test workflows, and the one-call "run it and give me node
// X's items" that e2e assertions are written against.
import type { ExecutionResult, Json } from './execution.cjs';
import type { N8nInstance } from './n8n-instance.cjs';

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	position?: [number, number];
	id?: string;
}

export interface WorkflowJson {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export const MANUAL_TRIGGER: WorkflowNode = {
	name: 'Manual Trigger',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
};

/** A linear workflow: Manual Trigger → nodes[0] → nodes[1] → … (positions laid out for the editor). */
export function manualWorkflow(name: string, nodes: WorkflowNode[]): WorkflowJson {
	const all = [MANUAL_TRIGGER, ...nodes].map((n, i) => ({
		position: [i * 220, 0] as [number, number],
		...n,
	}));
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

export interface NodeItemsResult {
	items: Json[];
	execution: ExecutionResult;
	workflowId: string;
}

/**
 * Imports `workflow`, runs it from its Manual Trigger and returns the items node
 * `nodeName` emitted on `output` (0 = first). Throws — with the node's error and n8n's
 * log tail — if the node did not run or failed, so a test can assert on items directly.
 */
export async function runWorkflowForNodeItems(
	n8n: N8nInstance,
	workflow: WorkflowJson,
	nodeName: string,
	output = 0,
): Promise<NodeItemsResult> {
	const workflowId = await n8n.importWorkflow(workflow);
	const execution = await n8n.runWorkflow(workflowId);
	const node = execution.nodes[nodeName];
	if (!node || node.error) {
		const why = node?.error ??
			execution.error ?? { status: execution.status, ran: Object.keys(execution.nodes) };
		throw n8n.failure(
			`node "${nodeName}" of workflow ${workflowId} produced no items: ${JSON.stringify(why).slice(0, 2000)}`,
		);
	}
	return { items: node.items[output] ?? [], execution, workflowId };
}
