// The filter language of POST /credentials/search, compiled once per request into a
// predicate. Shape and operators: see constants.cts. A bad node answers 400
// validation_error with the path of the node, e.g. "filter.AND[1].status: ...".
import { SandboxHttpError } from '../core/types.cjs';
import {
	CREDENTIAL_STATUSES,
	DATE_OPERATORS,
	ENUM_OPERATORS,
	type FieldKind,
	SEARCH_CUSTOM_PREFIX,
	SEARCH_FIELDS,
	STRING_OPERATORS,
} from './constants.cjs';

/** The public view of a credential (what GET returns); the filter reads that, derived status included. */
export interface SearchableCredential {
	id: string;
	publicId: string;
	groupId: string;
	status: string;
	recipient: { id: string; name: string; email: string | null };
	issueDate: string;
	expiryDate: string | null;
	customAttributes: Record<string, string>;
	createdAt: string;
	updatedAt: string;
}
export type Predicate = (c: SearchableCredential) => boolean;

const LOGICAL = ['AND', 'OR', 'NOT'];
const OPERATORS: Record<FieldKind, readonly string[]> = {
	string: STRING_OPERATORS,
	enum: ENUM_OPERATORS,
	date: DATE_OPERATORS,
};

function fail(path: string, message: string): never {
	throw new SandboxHttpError(400, 'validation_error', `${path}: ${message}`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a dotted field path ('recipient.email', 'customAttributes.custom.mentor'). */
export function fieldValue(c: SearchableCredential, field: string): string | null {
	if (field.startsWith(SEARCH_CUSTOM_PREFIX))
		return c.customAttributes[field.slice(SEARCH_CUSTOM_PREFIX.length)] ?? null;
	if (field.startsWith('recipient.'))
		return c.recipient[field.slice('recipient.'.length) as 'id' | 'name' | 'email'] ?? null;
	return (c as unknown as Record<string, string | null>)[field] ?? null;
}

function fieldKind(field: string): FieldKind | undefined {
	if (field.startsWith(SEARCH_CUSTOM_PREFIX + 'custom.')) return 'string';
	return SEARCH_FIELDS[field];
}

function toTime(value: string): number {
	return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);
}

function leaf(field: string, kind: FieldKind, ops: unknown, path: string): Predicate {
	if (!isPlainObject(ops) || Object.keys(ops).length === 0)
		fail(path, `expected an object of operators (${OPERATORS[kind].join(', ')})`);
	const checks: Predicate[] = Object.entries(ops).map(([op, operand]) => {
		const at = `${path}.${op}`;
		if (!OPERATORS[kind].includes(op))
			fail(at, `operator not supported on ${field}; use one of ${OPERATORS[kind].join(', ')}`);
		const values = op === 'in' ? operand : [operand];
		if (
			!Array.isArray(values) ||
			values.length === 0 ||
			!values.every((v) => typeof v === 'string')
		) {
			fail(at, op === 'in' ? 'expected a non-empty array of strings' : 'expected a string');
		}
		const strings = values as string[];
		if (kind === 'enum') {
			const bad = strings.find((v) => !(CREDENTIAL_STATUSES as readonly string[]).includes(v));
			if (bad !== undefined) fail(at, `'${bad}' is not one of ${CREDENTIAL_STATUSES.join(', ')}`);
		}
		if (kind === 'date') {
			const t = toTime(strings[0]);
			if (Number.isNaN(t)) fail(at, 'expected a date (YYYY-MM-DD) or an ISO 8601 date-time');
			const cmp: Record<string, (a: number) => boolean> = {
				equals: (a) => a === t,
				gt: (a) => a > t,
				gte: (a) => a >= t,
				lt: (a) => a < t,
				lte: (a) => a <= t,
			};
			return (c) => {
				const v = fieldValue(c, field);
				return v !== null && cmp[op](toTime(v));
			};
		}
		const needle = strings[0].toLowerCase();
		const match: Record<string, (v: string) => boolean> = {
			equals: (v) => v === strings[0],
			in: (v) => strings.includes(v),
			contains: (v) => v.toLowerCase().includes(needle),
			startsWith: (v) => v.toLowerCase().startsWith(needle),
			endsWith: (v) => v.toLowerCase().endsWith(needle),
		};
		return (c) => {
			const v = fieldValue(c, field);
			return v !== null && match[op](v);
		};
	});
	return (c) => checks.every((check) => check(c));
}

/** Walks nested objects ({"recipient": {"email": {...}}}) down to a known field. */
function field(prefix: string, value: unknown, path: string): Predicate {
	const kind = fieldKind(prefix);
	if (kind) return leaf(prefix, kind, value, path);
	const known =
		Object.keys(SEARCH_FIELDS).some((f) => f.startsWith(prefix + '.')) ||
		prefix === 'customAttributes';
	if (!known || !isPlainObject(value) || Object.keys(value).length === 0) {
		fail(
			path,
			`'${prefix}' is not a searchable field (searchable: ${Object.keys(SEARCH_FIELDS).join(', ')}, customAttributes.custom.<tag>)`,
		);
	}
	const parts = Object.entries(value).map(([k, v]) => field(`${prefix}.${k}`, v, `${path}.${k}`));
	return (c) => parts.every((p) => p(c));
}

function node(value: unknown, path: string): Predicate {
	if (!isPlainObject(value) || Object.keys(value).length === 0)
		fail(path, 'expected a non-empty object');
	const parts = Object.entries(value).map(([key, v]): Predicate => {
		const at = `${path}.${key}`;
		if (!LOGICAL.includes(key)) return field(key, v, at);
		if (!Array.isArray(v) || v.length === 0) fail(at, 'expected a non-empty array of conditions');
		const children = v.map((child, i) => node(child, `${at}[${i}]`));
		if (key === 'AND') return (c) => children.every((p) => p(c));
		if (key === 'OR') return (c) => children.some((p) => p(c));
		return (c) => !children.some((p) => p(c));
	});
	return (c) => parts.every((p) => p(c));
}

export function compileFilter(filter: Record<string, unknown> | undefined): Predicate {
	return filter === undefined ? () => true : node(filter, 'filter');
}
