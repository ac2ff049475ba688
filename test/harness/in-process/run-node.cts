// One node, one execution, through n8n-core's WorkflowExecute: the node under test is
// put straight on the execution stack with the test's items as its input, so n8n's own
// engine builds the ExecuteContext, resolves parameters, applies onError, assigns
// pairedItem and records the run, exactly as on a server.
import './env.cjs';

import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { Workflow, createRunExecutionData, deepCopy } from 'n8n-workflow';
import type {
	ICredentialsHelper,
	IDataObject,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	IRun,
	ITaskData,
	IWorkflowBase,
	OnError,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data.cjs';
import { thrownErrors, type NodeTypeRegistry, type ThrownErrors } from './node-types.cjs';

export interface RunNodeOptions {
	/** Registered node type name (the prefix given to createInProcessN8n included). */
	type: string;
	/** Defaults to the type's defaultVersion, else its highest version. */
	typeVersion?: number;
	/** Node name as it would appear on the canvas; defaults to the type's display name. */
	name?: string;
	parameters?: INodeParameters;
	/** Credential slot → stored credential id. */
	credentials?: Record<string, string>;
	/** Items fed to the node's single main input; defaults to one empty item. */
	input?: INodeExecutionData[];
	/** The node setting "On Error: Continue" (onError 'continueRegularOutput'). */
	continueOnFail?: boolean;
	/** Any other node setting, e.g. onError 'continueErrorOutput', retryOnFail, alwaysOutputData. */
	settings?: Partial<
		Pick<
			INode,
			'retryOnFail' | 'maxTries' | 'waitBetweenTries' | 'alwaysOutputData' | 'executeOnce'
		>
	> & {
		onError?: OnError;
	};
	/** Workflow static data before the run (triggers and pollers keep state there). */
	staticData?: IDataObject;
	/** Defaults to 'manual', as when a user clicks "Execute step". */
	mode?: WorkflowExecuteMode;
}

export interface NodeRun {
	/** All outputs of the node; empty when it failed without continuing. */
	output: INodeExecutionData[][];
	/** The error the node threw, as thrown (instanceof NodeApiError etc.), or the engine's error. */
	error?: unknown;
	/** The node as it was run, after n8n applied its parameter defaults. */
	node: INode;
	/** n8n's record of the node's run (status, hints, the flattened error). */
	taskData: ITaskData;
	/** The whole execution, as n8n would store it. */
	run: IRun;
	/** Workflow static data after the run. */
	staticData: IDataObject;
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

function buildNode(options: RunNodeOptions, nodeTypes: NodeTypeRegistry): INode {
	const nodeType = nodeTypes.getByName(options.type);
	const credentials: INodeCredentials = {};
	for (const [slot, id] of Object.entries(options.credentials ?? {})) {
		credentials[slot] = { id, name: id };
	}
	const onError =
		options.settings?.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined);
	return {
		id: randomUUID(),
		name: options.name ?? nodeType.description.displayName,
		type: options.type,
		typeVersion: options.typeVersion ?? defaultVersion(nodeType.description),
		position: [0, 0],
		parameters: structuredClone(options.parameters ?? {}),
		credentials,
		...options.settings,
		...(onError ? { onError } : {}),
	};
}

export async function runNode(
	options: RunNodeOptions,
	nodeTypes: NodeTypeRegistry,
	credentialsHelper: ICredentialsHelper,
): Promise<NodeRun> {
	const mode = options.mode ?? 'manual';
	const node = buildNode(options, nodeTypes);
	// The Workflow constructor fills in parameter defaults on `node` itself.
	const workflow = new Workflow({
		id: randomUUID(),
		name: 'In-process harness',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData: structuredClone(options.staticData ?? {}),
		settings: { executionOrder: 'v1' },
	});
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [node],
		connections: {},
	};
	const hooks = new ExecutionLifecycleHooks(mode, randomUUID(), workflowData);
	const additionalData = createAdditionalData(credentialsHelper, hooks);
	const input = options.input ?? [{ json: {} }];
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [structuredClone(input)] }, source: null }],
		},
	});

	const thrown: ThrownErrors = {};
	const run = await thrownErrors.run(thrown, async () =>
		new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow),
	);

	const taskData = run.data.resultData.runData[node.name]?.at(-1);
	if (!taskData) {
		throw new Error(
			`In-process n8n: node "${node.name}" did not run (${run.data.resultData.error?.message ?? run.status})`,
		);
	}
	return {
		output: taskData.data?.main?.map((items) => items ?? []) ?? [],
		error: thrown.last ?? taskData.error ?? run.data.resultData.error,
		node,
		taskData,
		run,
		// Plain copy: n8n's static data is a change-tracking proxy that structuredClone rejects.
		staticData: deepCopy(workflow.staticData) as IDataObject,
	};
}
