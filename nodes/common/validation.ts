import { NodeOperationError, type INode } from 'n8n-workflow';
import type { z } from 'zod';

function fieldPath(path: ReadonlyArray<string | number>): string {
	return path.reduce<string>(
		(text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
		'',
	);
}

/**
 * Validates an operation's input before anything is sent. The error names the item and every
 * field at fault, in the vendor's field names, so the user can find it in the editor.
 */
export function validateInput<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	value: unknown,
	itemIndex: number,
	what: string,
): z.infer<S> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		const path = fieldPath(issue.path);
		return path ? `${path}: ${issue.message}` : issue.message;
	});
	const fields = result.error.issues.map((issue) => fieldPath(issue.path)).filter(Boolean);
	const error = new NodeOperationError(
		node,
		`Invalid ${what} in item ${itemIndex}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
		{
			itemIndex,
			description: problems.join('\n'),
		},
	);
	error.context.fields = fields;
	throw error;
}
