// One of a node's webhookMethods as n8n's WebhookService runs them: n8n-core's real
// HookContext, with the modes n8n 2.41 uses: on activation checkExists then, when it
// answered false, create, both in mode 'trigger'; on deactivation delete in mode
// 'internal' with activation 'update'. n8n saves the workflow's static data after
// registering and after deregistering, so what the node wrote there is returned.
// An error the node throws rejects the promise as thrown: the activation fails with it
// and n8n saves nothing.
import './env.cjs';

import { HookContext } from 'n8n-core';
import type {
	ICredentialsHelper,
	IDataObject,
	WebhookSetupMethodNames,
	WebhookType,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { NodeTypeRegistry } from './node-types.cjs';
import { pinWebhookUrl, resolveWebhook } from './webhook-data.cjs';
import {
	buildNode,
	createOneNodeWorkflow,
	stableWebhookId,
	staticDataOf,
	type NodeOptions,
} from './workflow.cjs';
import { inIsolate } from './isolate.cjs';

export interface RunWebhookMethodOptions extends NodeOptions {
	method: WebhookSetupMethodNames;
	webhookName?: WebhookType;
	/** The public URL n8n reports for the webhook; defaults to n8n-core's own. */
	webhookUrl?: string;
	/** The node's webhookId (part of its URL); defaults to one stable per node type. */
	webhookId?: string;
}

export interface WebhookMethodRun {
	result: boolean;
	webhookUrl: string;
	/** Workflow static data after the call, to pass to the next call. */
	staticData: IDataObject;
}

const MODES: Record<WebhookSetupMethodNames, [WorkflowExecuteMode, WorkflowActivateMode]> = {
	checkExists: ['trigger', 'activate'],
	create: ['trigger', 'activate'],
	delete: ['internal', 'update'],
};

export async function runWebhookMethod(
	options: RunWebhookMethodOptions,
	nodeTypes: NodeTypeRegistry,
	credentialsHelper: ICredentialsHelper,
): Promise<WebhookMethodRun> {
	const webhookName = options.webhookName ?? 'default';
	const [mode, activation] = MODES[options.method];
	const node = buildNode(options, nodeTypes, {
		webhookId: options.webhookId ?? stableWebhookId(options.type),
	});
	const { workflow, additionalData } = createOneNodeWorkflow(
		node,
		nodeTypes,
		credentialsHelper,
		mode,
		options.staticData,
		true,
		options.workflowId,
	);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const method = nodeType.webhookMethods?.[webhookName]?.[options.method];
	if (typeof method !== 'function') {
		// n8n skips a missing method silently; a test calling one expects it to exist.
		throw new Error(
			`In-process n8n: node type "${node.type}" has no webhookMethods.${webhookName}.${options.method}`,
		);
	}
	const { webhookData, url } = resolveWebhook(
		workflow,
		node,
		nodeType,
		additionalData,
		webhookName,
		options.webhookUrl,
	);
	const context = new HookContext(workflow, node, additionalData, mode, activation, webhookData);
	pinWebhookUrl(context, webhookName, options.webhookUrl);

	const result = await inIsolate(workflow, async () => await method.call(context));
	// n8n only tests the answer for truthiness (`if (!webhookExists) create`).
	return { result: Boolean(result), webhookUrl: url, staticData: staticDataOf(workflow) };
}
