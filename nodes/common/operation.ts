import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { RequestSettings } from './items/request-options';
import { runPerItem, type ItemResult } from './items/run-items';
import type { ApiClient } from './transport/client';

/** What an operation gets to work with: n8n's context, the service client and the request settings. */
export interface OperationContext {
	ctx: IExecuteFunctions;
	client: ApiClient;
	settings: RequestSettings;
}

/** One resource:operation of a node; each lives in its own file under actions/<resource>/. */
export interface Operation {
	/** The value of the `operation` parameter. */
	value: string;
	/** Shown in the operation dropdown. */
	name: string;
	/** Shown to users and AI agents, e.g. "Create a credential". */
	action: string;
	description: string;
	/** This operation's own parameters; the router scopes them to resource and operation. */
	properties: INodeProperties[];
	execute(op: OperationContext): Promise<INodeExecutionData[]>;
}

/** A resource and its operations, in dropdown order. */
export interface Resource {
	value: string;
	name: string;
	operations: Operation[];
}

/** Most operations handle items independently: run them with the shared bounded, ordered item loop. */
export function perItem(
	handler: (op: OperationContext, itemIndex: number) => Promise<ItemResult>,
): Operation['execute'] {
	return async (op) => await runPerItem(op.ctx, (itemIndex) => handler(op, itemIndex), op.settings.concurrency);
}
