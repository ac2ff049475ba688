import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { SeekPassCredentialType } from '../constants';
import { inputError } from '../input-error';

/** Reads one item's parameters and reports problems in the words validateInput uses. */
export class ItemParams {
	constructor(
		readonly ctx: IExecuteFunctions,
		readonly itemIndex: number,
		readonly what: string,
	) {}

	get<T>(name: string, fallback: T): T {
		return this.ctx.getNodeParameter(name, this.itemIndex, fallback) as T;
	}

	fail(field: string, problem: string): never {
		throw inputError(this.ctx.getNode(), this.itemIndex, this.what, field, problem);
	}

	/**
	 * A JSON part typed in the editor (text) or produced by an expression (already a value).
	 * Empty text means "not given".
	 */
	json(raw: unknown, field: string): unknown {
		if (typeof raw !== 'string') return raw ?? undefined;
		const text = raw.trim();
		if (text === '') return undefined;
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return this.fail(field, 'is not valid JSON');
		}
	}

	/** A part that can come from editor fields or from JSON, never from both. */
	either(field: string, fromFields: unknown, fromJson: unknown): unknown {
		const json = this.json(fromJson, `${field}_json`);
		if (fromFields !== undefined && json !== undefined) {
			this.fail(field, `give it either as fields or as JSON (${field}_json), not both`);
		}
		return fromFields ?? json;
	}
}

export function credentialWhat(type: SeekPassCredentialType): string {
	return `SEEK Pass ${type.replace(/_/g, ' ')} credential`;
}

/** Optional editor values: an empty text or list means the user did not give one. */
export function present(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	return true;
}

/** Copies the given keys that hold a value, in the given order (the order SEEK Pass documents). */
export function pick(source: IDataObject, keys: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) {
		if (present(source[key])) out[key] = source[key];
	}
	return out;
}

/** Rows of a fixedCollection ({group: [{...}]}), each reduced to its filled-in fields. */
export function rows(collection: unknown, group: string, keys: readonly string[]): IDataObject[] | undefined {
	const list = (collection as IDataObject | undefined)?.[group];
	if (!Array.isArray(list) || list.length === 0) return undefined;
	return (list as IDataObject[]).map((row) => pick(row, keys));
}

/** Empty strings from untouched editor fields stay out of the request. */
export function text(value: unknown): unknown {
	return present(value) ? value : undefined;
}
