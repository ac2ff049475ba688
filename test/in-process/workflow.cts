// The one-node workflow every harness entry point runs the node in: the node as the
// editor would save it, the Workflow n8n-core reads it from (which fills in parameter
// defaults) and the execution-scoped services n8n hands a node (lifecycle hooks and
// additionalData). Shared so a webhook registered by runWebhookMethod, the webhook call
// and the poll all see the same node name, and so the same static data key.
import './env.cjs';

import { createHash, randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks } from 'n8n-core';
import { Workflow, deepCopy } from 'n8n-workflow';
import type {
	ICredentialsHelper,
	IDataObject,
	INode,
	INodeCredentials,
	INodeParameters,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data.cjs';
import type { NodeTypeRegistry } from './node-types.cjs';

export interface NodeOptions {
	/** Registered node type name (the prefix given to createInProcessN8n included). */
	type: string;
	/** Defaults to the type's defaultVersion, else its highest version. */
	typeVersion?: number;
	/** Node name as it would appear on the canvas; defaults to the type's display name. */
	name?: string;
	parameters?: INodeParameters;
	/** Credential slot → stored credential id. */
	credentials?: Record<string, string>;
	/** Workflow static data before the call (triggers and pollers keep state there). */
	staticData?: IDataObject;
	/**
	 * Ids n8n keeps for a saved workflow and its node; random per call unless given. Give both to
	 * model several calls of one workflow (a node may keep per-process memory keyed by them).
	 */
	workflowId?: string;
	nodeId?: string;
}

export interface OneNodeWorkflow {
	node: INode;
	workflow: Workflow;
	additionalData: IWorkflowExecuteAdditionalData;
}

// The version the editor gives a newly added node.
function defaultVersion(description: {
	defaultVersion?: number;
	version?: number | number[];
}): number {
	if (description.defaultVersion !== undefined) return description.defaultVersion;
	const { version } = description;
	if (Array.isArray(version)) return Math.max(...version);
	return version ?? 1;
}

/**
 * The editor gives a webhook node a random webhookId once, when it is added, and keeps
 * it; a uuid derived from the type name is just as stable across the calls of one test
 * and makes the default webhook URL predictable.
 */
export function stableWebhookId(type: string): string {
	const hex = createHash('sha1').update(`in-process-webhook:${type}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function buildNode(
	options: NodeOptions,
	nodeTypes: NodeTypeRegistry,
	extra: Partial<INode> = {},
): INode {
	const nodeType = nodeTypes.getByName(options.type);
	const credentials: INodeCredentials = {};
	for (const [slot, id] of Object.entries(options.credentials ?? {})) {
		credentials[slot] = { id, name: id };
	}
	return {
		id: options.nodeId ?? randomUUID(),
		name: options.name ?? nodeType.description.displayName,
		type: options.type,
		typeVersion: options.typeVersion ?? defaultVersion(nodeType.description),
		position: [0, 0],
		parameters: structuredClone(options.parameters ?? {}),
		credentials,
		...extra,
	};
}

export function createOneNodeWorkflow(
	node: INode,
	nodeTypes: NodeTypeRegistry,
	credentialsHelper: ICredentialsHelper,
	mode: WorkflowExecuteMode,
	staticData: IDataObject | undefined,
	active = false,
	workflowId: string = randomUUID(),
): OneNodeWorkflow {
	// The Workflow constructor fills in parameter defaults on `node` itself, and wraps the
	// static data in n8n's change-tracking proxy, as the server does when it loads a workflow.
	const workflow = new Workflow({
		id: workflowId,
		name: 'In-process harness',
		nodes: [node],
		connections: {},
		active,
		nodeTypes,
		staticData: structuredClone(staticData ?? {}),
		settings: { executionOrder: 'v1' },
	});
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: workflow.name ?? '',
		active,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [node],
		connections: {},
	};
	const hooks = new ExecutionLifecycleHooks(mode, randomUUID(), workflowData);
	return { node, workflow, additionalData: createAdditionalData(credentialsHelper, hooks) };
}

/** Plain copy: n8n's static data is a change-tracking proxy that structuredClone rejects. */
export function staticDataOf(workflow: Workflow): IDataObject {
	return deepCopy(workflow.staticData) as IDataObject;
}
