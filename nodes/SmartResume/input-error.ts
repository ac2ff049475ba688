import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * An input problem found outside a zod schema (bad JSON, a clash between items), worded as
 * validateInput words its errors: item, field, problem.
 */
export function inputError(node: INode, itemIndex: number, what: string, field: string, problem: string): NodeOperationError {
	const error = new NodeOperationError(node, `Invalid ${what} in item ${itemIndex}: ${field}: ${problem}`, {
		itemIndex,
		description: `${field}: ${problem}`,
	});
	error.context.fields = [field];
	return error;
}
