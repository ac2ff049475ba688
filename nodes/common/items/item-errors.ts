import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

type NodeError = NodeApiError | NodeOperationError;

/** Makes any error a node error that names the item it belongs to. */
export function asItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * The item that stands in for a failed input under "Continue on Fail", linked to that input: the
 * message, then what the user can act on (the vendor's status and code, and outcomeUnknown for a
 * write that may have taken effect, so a workflow can route those to a check first).
 */
export function errorItem(
	ctx: IExecuteFunctions,
	error: NodeError,
	itemIndex: number,
): INodeExecutionData {
	const facts: IDataObject = {};
	if (error.description) facts.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) facts.httpCode = error.httpCode;
	if (typeof error.context.vendorCode === 'string') facts.code = error.context.vendorCode;
	if (error.context.outcomeUnknown === true) facts.outcomeUnknown = true;
	// n8n sends an item down the error output ("On Error: Continue (using error output)") only when
	// its json holds nothing but error/message/details; there the facts go under details.
	const json: IDataObject =
		ctx.getNode().onError === 'continueErrorOutput'
			? { error: error.message, details: facts }
			: { error: error.message, ...facts };
	return { json, pairedItem: { item: itemIndex } };
}
