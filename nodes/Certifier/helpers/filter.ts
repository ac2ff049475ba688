import { z } from 'zod';
import {
	CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX,
	CERTIFIER_DATE_OPERATORS,
	CERTIFIER_ENUM_OPERATORS,
	CERTIFIER_SEARCH_CUSTOM_FIELD,
	CERTIFIER_STATUSES,
	CERTIFIER_STRING_OPERATORS,
	type CertifierOperator,
} from '../constants';

/**
 * Builds Certifier's search filter from the editor's list of conditions:
 * {"AND"|"OR": [leaf, …]}, a negated condition as {"NOT": [leaf]}, and a leaf as the field path
 * in nested objects ending in {operator: value}, e.g. {"recipient": {"email": {"endsWith": "@x.org"}}}.
 */

/** How each searchable field is compared; the provenance of each field is marked beside it. */
export type CertifierFieldKind = 'string' | 'enum' | 'date';
export const CERTIFIER_OPERATORS_BY_KIND: Record<CertifierFieldKind, readonly CertifierOperator[]> =
	{
		string: CERTIFIER_STRING_OPERATORS,
		enum: CERTIFIER_ENUM_OPERATORS,
		date: CERTIFIER_DATE_OPERATORS,
	};
/**
 * [published: https://developers.certifier.io/docs/api-reference/credentials/search-credentials] status (equals, in), recipient.name and recipient.email (string operators) and
 * createdAt (the sort example); the rest [assumed] (the page's searchable-field table is not
 * legible).
 */
export const CERTIFIER_SEARCH_FIELDS: Record<string, CertifierFieldKind> = {
	id: 'string', // [assumed]
	publicId: 'string', // [assumed]
	groupId: 'string', // [assumed]
	status: 'enum', // [published]
	'recipient.id': 'string', // [assumed]
	'recipient.name': 'string', // [published]
	'recipient.email': 'string', // [published]
	issueDate: 'date', // [assumed]
	expiryDate: 'date', // [assumed]
	createdAt: 'date', // [published] (sort example; date operators [assumed])
	updatedAt: 'date', // [assumed]
};

/** The field value the editor uses for "a custom attribute" (its tag is picked separately). */
export const CUSTOM_ATTRIBUTE_FIELD = 'customAttribute';

export type FilterNode = { [key: string]: FilterNode | FilterNode[] | string | string[] };

export interface FilterConditionInput {
	field: string;
	customAttribute?: string;
	operator: string;
	value?: unknown;
	negate?: boolean;
}

function kindOf(field: string): CertifierFieldKind | undefined {
	if (field === CUSTOM_ATTRIBUTE_FIELD) return 'string';
	// Own keys only: a field named "constructor" or "toString" (from an expression) must be an
	// unknown field, not Object.prototype's member.
	return Object.prototype.hasOwnProperty.call(CERTIFIER_SEARCH_FIELDS, field)
		? CERTIFIER_SEARCH_FIELDS[field]
		: undefined;
}

function splitList(value: string): string[] {
	return value
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

function isDate(value: string): boolean {
	const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
	return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(text));
}

/** One condition row, checked against the operators Certifier accepts for that field. */
export const filterConditionSchema = z
	.object({
		field: z.string().min(1, 'pick a field'),
		customAttribute: z.string().optional(),
		operator: z.string().min(1, 'pick an operator'),
		value: z.union([z.string(), z.number().finite(), z.array(z.string())]).optional(),
		negate: z.boolean().optional(),
	})
	.superRefine((condition, ctx) => {
		const kind = kindOf(condition.field);
		if (!kind) {
			ctx.addIssue({
				code: 'custom',
				path: ['field'],
				message: `${condition.field} is not a searchable field`,
			});
			return;
		}
		if (condition.field === CUSTOM_ATTRIBUTE_FIELD && !condition.customAttribute?.trim()) {
			ctx.addIssue({
				code: 'custom',
				path: ['customAttribute'],
				message: 'pick the custom attribute to filter on',
			});
		}
		const operators = CERTIFIER_OPERATORS_BY_KIND[kind];
		if (!operators.includes(condition.operator as never)) {
			ctx.addIssue({
				code: 'custom',
				path: ['operator'],
				message: `${condition.operator} cannot be used on ${condition.field}; use one of ${operators.join(', ')}`,
			});
			return;
		}
		const values = valuesOf(condition);
		if (values.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['value'], message: 'is required' });
			return;
		}
		if (condition.operator !== 'in' && values.length > 1 && Array.isArray(condition.value)) {
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				message: `${condition.operator} takes one value`,
			});
		}
		for (const value of values) {
			if (kind === 'enum' && !(CERTIFIER_STATUSES as readonly string[]).includes(value)) {
				ctx.addIssue({
					code: 'custom',
					path: ['value'],
					message: `${value} is not a status; use ${CERTIFIER_STATUSES.join(', ')}`,
				});
			}
			if (kind === 'date' && !isDate(value)) {
				ctx.addIssue({
					code: 'custom',
					path: ['value'],
					message: `${value} is not a date (YYYY-MM-DD) or an ISO 8601 date-time`,
				});
			}
		}
	});

export type FilterCondition = z.infer<typeof filterConditionSchema>;

function valuesOf(condition: FilterConditionInput): string[] {
	const { value, operator } = condition;
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	const text = value === undefined || value === null ? '' : String(value);
	if (operator === 'in') return splitList(text);
	return text === '' ? [] : [text];
}

function customTag(tag: string): string {
	const trimmed = tag.trim();
	return trimmed.startsWith(CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX)
		? trimmed
		: `${CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX}${trimmed}`;
}

/** The nested-object leaf for one checked condition. */
export function conditionToLeaf(condition: FilterConditionInput): FilterNode {
	const values = valuesOf(condition);
	let node: FilterNode = { [condition.operator]: condition.operator === 'in' ? values : values[0] };
	// The custom tag contains a dot that is part of the key, so it must not be split into a path.
	const path =
		condition.field === CUSTOM_ATTRIBUTE_FIELD
			? [CERTIFIER_SEARCH_CUSTOM_FIELD, customTag(condition.customAttribute ?? '')]
			: condition.field.split('.');
	for (const key of [...path].reverse()) node = { [key]: node };
	return condition.negate ? { NOT: [node] } : node;
}

/** The whole filter; undefined when there is no condition (Certifier then matches everything). */
export function buildFilter(
	conditions: readonly FilterConditionInput[],
	combinator: 'AND' | 'OR',
): FilterNode | undefined {
	if (conditions.length === 0) return undefined;
	return { [combinator]: conditions.map(conditionToLeaf) };
}

/**
 * A filter typed as JSON by the user: only its shape is checked here (a non-empty object), so
 * fields and operators Certifier adds later keep working; Certifier names anything it rejects.
 */
export const rawFilterSchema = z
	.record(z.string(), z.unknown(), {
		invalid_type_error: 'must be a JSON object such as {"AND": [...]}',
	})
	.refine((value) => Object.keys(value).length > 0, 'must not be empty');

export function parseRawFilter(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') return {};
	try {
		return JSON.parse(text) as unknown;
	} catch {
		// Left to the schema, which names the field and says what is expected.
		return text;
	}
}
