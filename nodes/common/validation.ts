import { NodeOperationError, type INode } from 'n8n-workflow';
import type { z } from 'zod';
import { fieldLabel } from './items/field-labels';

function fieldPath(path: ReadonlyArray<string | number>): string {
	return path.reduce<string>(
		(text, part) =>
			typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part,
		'',
	);
}

/** "path: problem", with the editor label of the field the path came from when one is known. */
function problemText(
	node: INode,
	path: ReadonlyArray<string | number>,
	problem: string,
	text = fieldPath(path),
): string {
	if (!text) return problem;
	const label = fieldLabel(node, path);
	return label ? `${text}: ${problem} (field “${label}”)` : `${text}: ${problem}`;
}

/**
 * The path of the first value JSON cannot carry faithfully — NaN or ±Infinity (sent as null), a
 * hole or undefined inside an array (sent as null), a bigint, function or symbol — or undefined.
 * Schemas that pass unknown keys through (vendor JSON given by the user) would otherwise send a
 * silently altered body; expressions and Code nodes can put such values in an item.
 */
function firstNonJson(
	value: unknown,
	path: Array<string | number>,
	depth = 0,
): Array<string | number> | undefined {
	if (depth > 64) return path;
	if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
	if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol')
		return path;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			if (value[i] === undefined) return [...path, i];
			const found = firstNonJson(value[i], [...path, i], depth + 1);
			if (found) return found;
		}
		return undefined;
	}
	if (value !== null && typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) {
			const found = firstNonJson(inner, [...path, key], depth + 1);
			if (found) return found;
		}
	}
	return undefined;
}

/**
 * Validates an operation's input before anything is sent. The error names the item and every
 * field at fault, in the vendor's field names and, where known, by the label the editor shows.
 */
export function validateInput<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	value: unknown,
	itemIndex: number,
	what: string,
): z.infer<S> {
	const result = schema.safeParse(value);
	if (result.success) {
		const bad = firstNonJson(result.data, []);
		if (!bad) return result.data;
		const path = fieldPath(bad);
		const cause = 'is not a value JSON can carry (NaN, Infinity or similar)';
		const problem = bad.length > 0 ? problemText(node, bad, cause) : `value: ${cause}`;
		const error = new NodeOperationError(node, `Invalid ${what} in item ${itemIndex}: ${problem}`, {
			itemIndex,
			description: problem,
		});
		error.context.fields = path ? [path] : [];
		throw error;
	}
	const problems = result.error.issues.map((issue) => problemText(node, issue.path, issue.message));
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

/**
 * An input problem found outside a zod schema (e.g. a part given twice), reported in the same
 * words as validateInput so every input error reads alike: item, field, problem.
 */
export function inputError(
	node: INode,
	itemIndex: number,
	what: string,
	field: string,
	problem: string,
): NodeOperationError {
	const text = problemText(node, field.split(/[.[\]]/).filter(Boolean), problem, field);
	const error = new NodeOperationError(node, `Invalid ${what} in item ${itemIndex}: ${text}`, {
		itemIndex,
		description: text,
	});
	error.context.fields = [field];
	return error;
}
