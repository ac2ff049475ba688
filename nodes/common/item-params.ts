import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';
import { nodeOf, nodeParameter } from './items/parameter-cache';
import { inputError, validateInput } from './validation';

/**
 * Editor values as builders want them: text stays text, numbers and booleans an expression
 * produced become text (ids such as 474989023199323 often arrive as numbers), nothing becomes
 * "". Anything else is passed on for the schema to refuse with the field's name.
 */
export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return String(value);
	}
	return value as string;
}

/** Optional editor values: an empty text or list means the user did not give one. */
export function present(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	return true;
}

/** The value, or undefined when the user left it empty: untouched fields stay out of requests. */
export function given<T>(value: T): T | undefined {
	return present(value) ? value : undefined;
}

/** Copies the given keys that hold a value, in the given order (the vendor's documented order). */
export function pick(source: IDataObject, keys: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) {
		if (present(source[key])) out[key] = source[key];
	}
	return out;
}

/** Rows of a fixedCollection ({group: [{...}]}), each reduced to its filled-in fields. */
export function rows(
	collection: unknown,
	group: string,
	keys: readonly string[],
): IDataObject[] | undefined {
	const list = (collection as IDataObject | undefined)?.[group];
	if (!Array.isArray(list) || list.length === 0) return undefined;
	return (list as IDataObject[]).map((row) => pick(row, keys));
}

const requiredId = z.string({ required_error: 'is required' }).trim().min(1, 'is required');

/**
 * Reads one item's parameters. `what` names the thing being read ("Certifier credential"), so
 * every problem is reported alike: "Invalid <what> in item <n>: <field>: <problem>".
 */
export class ItemParams {
	constructor(
		readonly ctx: IExecuteFunctions,
		readonly itemIndex: number,
		readonly what: string,
	) {}

	/** The parameter as n8n resolved it (expressions evaluated; without one, read once per execution). */
	raw<T = unknown>(name: string, fallback?: T): T {
		return nodeParameter(this.ctx, name, this.itemIndex, fallback) as T;
	}

	text(name: string): string {
		return asText(this.raw(name, ''));
	}

	collection(name: string): IDataObject {
		const value = this.raw<IDataObject | undefined>(name, {});
		return value && typeof value === 'object' ? value : {};
	}

	/** A JSON parameter: typed text or a value an expression produced; empty means not given. */
	json(name: string, field = name): unknown {
		return this.parse(this.raw<unknown>(name, undefined), field);
	}

	/** A JSON value that arrived as text (parsed) or already as a value; empty text is not given. */
	parse(raw: unknown, field: string): unknown {
		if (typeof raw !== 'string') return raw ?? undefined;
		if (raw.trim() === '') return undefined;
		try {
			return JSON.parse(raw) as unknown;
		} catch {
			return this.fail(field, 'is not valid JSON');
		}
	}

	/** A part that can come from editor fields or from JSON (`<field>_json`), never from both. */
	either(field: string, fromFields: unknown, fromJson: unknown): unknown {
		const json = this.parse(fromJson, `${field}_json`);
		if (fromFields !== undefined && json !== undefined) {
			this.fail(field, `give it either as fields or as JSON (${field}_json), not both`);
		}
		return fromFields ?? json;
	}

	/** A resource locator's value (list, URL or ID mode) as a plain id; also reads plain text fields. */
	locator(name: string): string {
		const value = nodeParameter(this.ctx, name, this.itemIndex, '', { extractValue: true });
		if (value !== null && typeof value === 'object' && 'value' in value) {
			return asText((value as { value: unknown }).value).trim();
		}
		return asText(value).trim();
	}

	/** A required id (text field or resource locator), checked before any request. */
	id(name: string, label: string): string {
		return validateInput(nodeOf(this.ctx), requiredId, this.locator(name), this.itemIndex, label);
	}

	/** Checks a value against a schema; problems name this item and the schema's field paths. */
	validate<S extends z.ZodTypeAny>(schema: S, value: unknown, what = this.what): z.infer<S> {
		return validateInput(nodeOf(this.ctx), schema, value, this.itemIndex, what);
	}

	fail(field: string, problem: string): never {
		throw inputError(nodeOf(this.ctx), this.itemIndex, this.what, field, problem);
	}
}
