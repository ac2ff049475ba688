import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { RequestSettings } from './items/request-options';

/** What an operation works with for one execution: n8n's context, its typed client, the request settings. */
export interface OperationContext<C> {
	ctx: IExecuteFunctions;
	client: C;
	settings: RequestSettings;
}

/**
 * One resource:operation of a node, in its own file under actions/<resource>/. Its execute comes
 * from eachItem or batched (common/items), which own the item loop, Continue on Fail and pairedItem.
 */
export interface Operation<C> {
	/** The value of the `operation` parameter. */
	value: string;
	/** Shown in the operation dropdown. */
	name: string;
	/** Shown to users and AI agents, e.g. "Create a credential". */
	action: string;
	description: string;
	/** This operation's own parameters; the router scopes them to resource and operation. */
	properties: INodeProperties[];
	execute(op: OperationContext<C>): Promise<INodeExecutionData[]>;
}

/** A resource and its operations, in dropdown order. */
export interface Resource<C> {
	value: string;
	name: string;
	operations: Array<Operation<C>>;
}
