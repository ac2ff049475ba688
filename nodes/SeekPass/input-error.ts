import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * An input problem found outside a zod schema (e.g. a part given twice), reported in the same
 * words as validateInput so every input error reads alike: item, field, problem.
 */
export function inputError(node: INode, itemIndex: number, what: string, field: string, problem: string): NodeOperationError {
	const error = new NodeOperationError(node, `Invalid ${what} in item ${itemIndex}: ${field}: ${problem}`, {
		itemIndex,
		description: `${field}: ${problem}`,
	});
	error.context.fields = [field];
	return error;
}
