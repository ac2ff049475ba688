// What n8n knows about one webhook of a node before it calls into the node: the
// IWebhookData its WebhookService builds from the type's `webhooks` description (method
// and path resolved as n8n resolves them), and the public URL of the webhook.
import './env.cjs';

import { HookContext } from 'n8n-core';
import { NodeHelpers } from 'n8n-workflow';
import type {
	IHttpRequestMethods,
	INode,
	INodeType,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WebhookType,
	Workflow,
} from 'n8n-workflow';

export interface ResolvedWebhook {
	webhookData: IWebhookData;
	/** The URL the node is told its webhook has (getNodeWebhookUrl). */
	url: string;
}

export function resolveWebhook(
	workflow: Workflow,
	node: INode,
	nodeType: INodeType,
	additionalData: IWorkflowExecuteAdditionalData,
	webhookName: WebhookType,
	webhookUrl: string | undefined,
): ResolvedWebhook {
	const description = nodeType.description.webhooks?.find((w) => w.name === webhookName);
	if (!description) {
		throw new Error(
			`In-process n8n: node type "${node.type}" has no webhook named "${webhookName}"`,
		);
	}
	// Same resolution as n8n's WebhookService.getNodeWebhooks, in 'internal' mode.
	const value = (field: unknown, fallback?: string | boolean) =>
		workflow.expression.getSimpleParameterValue(
			node,
			field as string,
			'internal',
			{},
			undefined,
			fallback,
		);
	const rawPath = String(value(description.path) ?? '').replace(/^\/|\/$/g, '');
	const methods = String(value(description.httpMethod, 'GET'));
	const webhookData: IWebhookData = {
		httpMethod: methods.split(',')[0].trim() as IHttpRequestMethods,
		node: node.name,
		path: NodeHelpers.getNodeWebhookPath(
			workflow.id,
			node,
			rawPath,
			value(description.isFullPath, false) as boolean,
			value(description.restartWebhook, false) as boolean,
		),
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
	// n8n-core's own computation (base URL + webhookId + path), unless the test pins one.
	const url =
		webhookUrl ??
		new HookContext(
			workflow,
			node,
			additionalData,
			'internal',
			'activate',
			webhookData,
		).getNodeWebhookUrl(webhookName);
	if (url === undefined) throw new Error(`In-process n8n: no URL for webhook "${webhookName}"`);
	return { webhookData, url };
}

/**
 * A test-chosen URL stands in for n8n's WEBHOOK_URL setting (the public address of the
 * instance, e.g. behind a tunnel): the context reports it for this webhook and asks
 * n8n-core for any other.
 */
export function pinWebhookUrl(
	context: HookContext | { getNodeWebhookUrl(name: WebhookType): string | undefined },
	webhookName: WebhookType,
	url: string | undefined,
): void {
	if (url === undefined) return;
	const fromN8n = context.getNodeWebhookUrl.bind(context);
	context.getNodeWebhookUrl = (name: WebhookType) => (name === webhookName ? url : fromN8n(name));
}
