// One call of a node's poll() with n8n-core's real PollContext, in either of the two
// ways n8n 2.41 makes it:
// - 'trigger': one scheduled tick of an active workflow, through n8n-core's own
//   PollTriggerExecutor: items are emitted (a workflow starts), null starts nothing, and
//   a thrown error goes to the error workflow instead of out of the tick. The workflow's
//   static data as the node left it is returned: n8n keeps the same Workflow object in
//   memory between ticks (it writes it to the database only when items were emitted).
// - 'manual': "Fetch Test Event" / "Execute step", as WorkflowExecute.executePollNode
//   runs it. n8n does not save static data of manual executions, so the static data
//   passed in comes back unchanged whatever the node wrote.
import './env.cjs';

import * as path from 'node:path';

import * as n8nCore from 'n8n-core';
import { PollContext } from 'n8n-core';
import type { Container as ContainerType } from '@n8n/di';
import type { ICredentialsHelper, IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { NodeTypeRegistry } from './node-types.cjs';
import { buildNode, createOneNodeWorkflow, staticDataOf, type NodeOptions } from './workflow.cjs';
import { inIsolate } from './isolate.cjs';

export interface RunPollOptions extends NodeOptions {
	/** Defaults to 'trigger': a scheduled poll of an active workflow. */
	mode?: 'trigger' | 'manual';
}

export interface PollRun {
	/** What poll() returned (emitted, in trigger mode); null when it found nothing or failed. */
	output: INodeExecutionData[][] | null;
	/** The error poll() threw, as thrown. */
	error?: unknown;
	/** Workflow static data to pass to the next poll (see the modes above). */
	staticData: IDataObject;
}

// PollTriggerExecutor is a DI service of n8n-core: it has to come from the container of
// the @n8n/di copy n8n-core itself loads (npm may nest it under n8n-core), not from
// whatever `@n8n/di` this package would resolve.
function n8nCoreContainer(): typeof ContainerType {
	const fromCore = require.resolve('@n8n/di', {
		paths: [path.dirname(require.resolve('n8n-core'))],
	});
	return (require(fromCore) as { Container: typeof ContainerType }).Container;
}

export async function runPoll(
	options: RunPollOptions,
	nodeTypes: NodeTypeRegistry,
	credentialsHelper: ICredentialsHelper,
): Promise<PollRun> {
	const mode = options.mode ?? 'trigger';
	const node = buildNode(options, nodeTypes);
	const { workflow, additionalData } = createOneNodeWorkflow(
		node,
		nodeTypes,
		credentialsHelper,
		mode,
		options.staticData,
		mode === 'trigger',
		options.workflowId,
	);
	const { poll } = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (typeof poll !== 'function') {
		throw new Error(`In-process n8n: node type "${node.type}" has no poll() method`);
	}

	if (mode === 'manual') {
		const context = new PollContext(workflow, node, additionalData, 'manual', 'manual');
		const unchanged = structuredClone(options.staticData ?? {});
		try {
			const output = await inIsolate(workflow, async () => await poll.call(context));
			return { output, staticData: unchanged };
		} catch (error) {
			return { output: null, error, staticData: unchanged };
		}
	}

	const run: { output: INodeExecutionData[][] | null; error?: unknown } = { output: null };
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		'trigger',
		'activate',
		(data) => {
			run.output = data;
		},
		(error) => {
			run.error = error;
		},
	);
	if ('PollTriggerExecutor' in n8nCore) {
		const tick = n8nCoreContainer()
			.get(n8nCore.PollTriggerExecutor)
			.create(workflow, node, context, () => true);
		await tick();
	} else {
		// n8n-core 1.x (the compat project) has no PollTriggerExecutor: one tick as its
		// ActiveWorkflows ran it — emit what poll() returned unless null, report what it threw.
		try {
			const output = await poll.call(context);
			if (output !== null) context.__emit(output);
		} catch (error) {
			context.__emitError(error as Error);
		}
	}
	return { ...run, staticData: staticDataOf(workflow) };
}
