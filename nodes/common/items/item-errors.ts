import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

type NodeError = NodeApiError | NodeOperationError;

/** Makes any error a node error that names the item it belongs to. */
export function asItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** The item that stands in for a failed input under "Continue on Fail", linked to that input. */
export function errorItem(error: NodeError, itemIndex: number): INodeExecutionData {
	const json: INodeExecutionData['json'] = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	if (typeof error.context.vendorCode === 'string') json.code = error.context.vendorCode;
	// A write that may have taken effect: a workflow can route these items to a check first.
	if (error.context.outcomeUnknown === true) json.outcomeUnknown = true;
	return { json, pairedItem: { item: itemIndex } };
}
