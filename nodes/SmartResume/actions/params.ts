import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { inputError } from '../input-error';

/**
 * Editor values as the builders want them: text stays text, numbers and booleans an expression
 * produced become text (ids such as 474989023199323 often arrive as numbers), nothing becomes
 * "". Anything else is passed on for the schema to refuse with the field's name.
 */
export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	return value as string;
}

/** Reads one item's parameters; problems are reported naming the item and the field. */
export class ItemParams {
	constructor(
		readonly ctx: IExecuteFunctions,
		readonly itemIndex: number,
		readonly what: string,
	) {}

	raw<T = unknown>(name: string, fallback?: T): T {
		return this.ctx.getNodeParameter(name, this.itemIndex, fallback) as T;
	}

	text(name: string): string {
		return asText(this.raw(name, ''));
	}

	/** A text field inside a collection parameter. */
	textIn(collection: IDataObject, name: string): string {
		return asText(collection[name]);
	}

	collection(name: string): IDataObject {
		const value = this.raw<IDataObject | undefined>(name, {});
		return value && typeof value === 'object' ? value : {};
	}

	fail(field: string, problem: string): never {
		throw inputError(this.ctx.getNode(), this.itemIndex, this.what, field, problem);
	}

	/** A JSON parameter: typed text or a value an expression produced; empty means not given. */
	json(name: string, field = name): unknown {
		const raw = this.raw<unknown>(name, undefined);
		if (typeof raw !== 'string') return raw ?? undefined;
		if (raw.trim() === '') return undefined;
		try {
			return JSON.parse(raw) as unknown;
		} catch {
			return this.fail(field, 'is not valid JSON');
		}
	}
}
