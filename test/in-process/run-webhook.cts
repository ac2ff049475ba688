// One call of a node's webhook() as n8n's production webhook server makes it: mode
// 'webhook', n8n-core's real WebhookContext over a request/response pair, then n8n's
// rules for what the caller receives (webhook-helpers' executeWebhook):
// - `noWebhookResponse: true`: the node answered through the response object;
// - no `workflowData`: n8n answers `webhookResponse`, else {message:'Webhook call received'},
//   and no workflow starts;
// - `workflowData`: the workflow starts; with responseMode 'onReceived' (the default) n8n
//   answers at once with `webhookResponse`, else {message:'Workflow was started'}; with
//   'lastNode'/'responseNode' the answer depends on the rest of the workflow (status undefined).
// Not reproduced: description `responseHeaders`, binary/multipart bodies, test webhooks.
import './env.cjs';

import { WebhookContext } from 'n8n-core';
import type {
	ICredentialsHelper,
	IDataObject,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookResponseData,
	WebhookType,
	Workflow,
	INode,
} from 'n8n-workflow';

import type { NodeTypeRegistry } from './node-types.cjs';
import { pinWebhookUrl, resolveWebhook } from './webhook-data.cjs';
import { createWebhookRequest, type WebhookRequestInput } from './webhook-request.cjs';
import { WebhookResponseRecorder } from './webhook-response.cjs';
import {
	buildNode,
	createOneNodeWorkflow,
	stableWebhookId,
	staticDataOf,
	type NodeOptions,
} from './workflow.cjs';
import { inIsolate } from './isolate.cjs';

export interface RunWebhookOptions extends NodeOptions {
	/** Which of the type's webhooks was called; 'default' unless it has a 'setup' one. */
	webhookName?: WebhookType;
	request: WebhookRequestInput;
	/** The public URL n8n reports for the webhook; defaults to n8n-core's own. */
	webhookUrl?: string;
	/** The node's webhookId (part of its URL); defaults to one stable per node type. */
	webhookId?: string;
}

export interface WebhookRun {
	/** What the caller receives; undefined when it depends on the rest of the workflow. */
	status: number | undefined;
	/** Headers set on the response (lower-case names). */
	headers: Record<string, string>;
	body: unknown;
	/** The items the workflow starts with; null when no workflow starts. */
	workflowData: INodeExecutionData[][] | null;
	/** True when the node answered the caller itself through the response object. */
	noWebhookResponse: boolean;
	/** What webhook() returned as `webhookResponse`, if anything. */
	webhookResponse?: unknown;
	/** The description's responseMode as n8n resolves it ('onReceived' by default). */
	responseMode: string;
	/** The error webhook() threw (n8n answers 500), or a harness-detected misuse. */
	error?: unknown;
	webhookUrl: string;
	/** Workflow static data after the call, to pass to the next call. */
	staticData: IDataObject;
}

function descriptionValue<T extends string | number | boolean | undefined>(
	workflow: Workflow,
	node: INode,
	description: IWebhookDescription,
	field: string,
	fallback: T,
): T {
	const raw = description[field];
	if (raw === undefined) return fallback;
	return workflow.expression.getSimpleParameterValue(
		node,
		raw as string,
		'webhook',
		{},
		undefined,
		fallback,
	) as T;
}

// n8n's responseCallback answers with res.json for objects and res.send for the rest.
function answer(res: WebhookResponseRecorder, status: number, body: unknown): void {
	res.status(status);
	if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) res.json(body);
	else res.send(body);
}

export async function runWebhook(
	options: RunWebhookOptions,
	nodeTypes: NodeTypeRegistry,
	credentialsHelper: ICredentialsHelper,
): Promise<WebhookRun> {
	const webhookName = options.webhookName ?? 'default';
	const node = buildNode(options, nodeTypes, {
		webhookId: options.webhookId ?? stableWebhookId(options.type),
	});
	const mode = 'webhook';
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
	if (typeof nodeType.webhook !== 'function') {
		throw new Error(`In-process n8n: node type "${node.type}" has no webhook() method`);
	}
	const { webhookData, url } = resolveWebhook(
		workflow,
		node,
		nodeType,
		additionalData,
		webhookName,
		options.webhookUrl,
	);

	const res = new WebhookResponseRecorder();
	// The context reads the request when it is built (it is the input of parameter expressions).
	additionalData.httpRequest = createWebhookRequest(options.request, url) as never;
	additionalData.httpResponse = res as never;
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
	pinWebhookUrl(context, webhookName, options.webhookUrl);

	const description = webhookData.webhookDescription;
	const responseCode = descriptionValue(workflow, node, description, 'responseCode', 200);
	const responseMode = descriptionValue(workflow, node, description, 'responseMode', 'onReceived');
	const result = (status: number | undefined, extra: Partial<WebhookRun> = {}): WebhookRun => {
		const recorded = res.recorded();
		return {
			status,
			headers: recorded.headers,
			body: recorded.body,
			workflowData: null,
			noWebhookResponse: false,
			responseMode,
			webhookUrl: url,
			staticData: staticDataOf(workflow),
			...extra,
		};
	};

	let returned: IWebhookResponseData;
	try {
		const webhook = nodeType.webhook;
		returned = (await inIsolate(workflow, async () => await webhook.call(context))) ?? {};
	} catch (error) {
		// n8n answers 500 with the error's message and records the failed execution.
		return result(500, { error });
	}
	const { workflowData, webhookResponse } = returned;
	const outcome: Partial<WebhookRun> = {
		workflowData: workflowData ?? null,
		noWebhookResponse: returned.noWebhookResponse === true,
		...(webhookResponse !== undefined ? { webhookResponse } : {}),
	};

	if (returned.noWebhookResponse === true) {
		const { ended, statusCode } = res.recorded();
		if (!ended) {
			const error = new Error(
				'In-process n8n: webhook() returned noWebhookResponse but never sent a response; the caller would hang',
			);
			return result(undefined, { ...outcome, error });
		}
		return result(statusCode, outcome);
	}
	if (res.recorded().ended) {
		// n8n would answer a second time and Express would throw ERR_HTTP_HEADERS_SENT.
		const error = new Error(
			'In-process n8n: webhook() sent a response without returning noWebhookResponse: true',
		);
		return result(res.recorded().statusCode, { ...outcome, error });
	}
	if (workflowData === undefined) {
		answer(res, responseCode, webhookResponse ?? { message: 'Webhook call received' });
		return result(responseCode, outcome);
	}
	if (responseMode !== 'onReceived') return result(undefined, outcome);
	const responseData = descriptionValue<string | undefined>(
		workflow,
		node,
		description,
		'responseData',
		undefined,
	);
	if (responseData === 'noData') res.status(responseCode).end();
	else
		answer(
			res,
			responseCode,
			responseData || (webhookResponse ?? { message: 'Workflow was started' }),
		);
	return result(responseCode, outcome);
}
