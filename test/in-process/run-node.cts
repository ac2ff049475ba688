// One node, one execution, through n8n-core's WorkflowExecute: the node under test is
// put straight on the execution stack with the test's items as its input, so n8n's own
// engine builds the ExecuteContext, resolves parameters, applies onError, assigns
// pairedItem and records the run, exactly as on a server.
import './env.cjs';

import { WorkflowExecute } from 'n8n-core';
import * as n8nWorkflow from 'n8n-workflow';
import type {
	ICredentialsHelper,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	ITaskData,
	OnError,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { thrownErrors, type NodeTypeRegistry, type ThrownErrors } from './node-types.cjs';
import { buildNode, createOneNodeWorkflow, staticDataOf, type NodeOptions } from './workflow.cjs';

export interface RunNodeOptions extends NodeOptions {
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

export async function runNode(
	options: RunNodeOptions,
	nodeTypes: NodeTypeRegistry,
	credentialsHelper: ICredentialsHelper,
): Promise<NodeRun> {
	const mode = options.mode ?? 'manual';
	const onError =
		options.settings?.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined);
	const node = buildNode(options, nodeTypes, {
		...options.settings,
		...(onError ? { onError } : {}),
	});
	const { workflow, additionalData } = createOneNodeWorkflow(
		node,
		nodeTypes,
		credentialsHelper,
		mode,
		options.staticData,
		false,
		options.workflowId,
	);
	const input = options.input ?? [{ json: {} }];
	const nodeExecutionStack = [{ node, data: { main: [structuredClone(input)] }, source: null }];
	// n8n-workflow 1.x (the compat project) has no createRunExecutionData: the same object by hand.
	const runExecutionData =
		'createRunExecutionData' in n8nWorkflow
			? n8nWorkflow.createRunExecutionData({ executionData: { nodeExecutionStack } })
			: ({
					startData: {},
					resultData: { runData: {} },
					executionData: {
						contextData: {},
						nodeExecutionStack,
						metadata: {},
						waitingExecution: {},
						waitingExecutionSource: {},
					},
				} as unknown as IRunExecutionData);

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
		staticData: staticDataOf(workflow),
	};
}
