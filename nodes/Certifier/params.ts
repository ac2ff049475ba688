import type { IExecuteFunctions } from 'n8n-workflow';

/** Reads the editor's values in the shapes operations need. */

/** A resource locator's value (list, URL or ID mode) as a plain id. */
export function locatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	if (value !== null && typeof value === 'object' && 'value' in value)
		return String((value as { value: unknown }).value ?? '').trim();
	return String(value ?? '').trim();
}

export function stringParam(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	return value === undefined || value === null ? '' : String(value);
}

export interface CustomAttributeRow {
	tag: string;
	value: string;
}

/** The rows of a Custom Attributes collection at `path` (e.g. "customAttributes.attribute"). */
export function customAttributeRows(
	ctx: IExecuteFunctions,
	path: string,
	itemIndex: number,
): CustomAttributeRow[] {
	const rows = ctx.getNodeParameter(path, itemIndex, []) as unknown;
	return Array.isArray(rows) ? (rows as CustomAttributeRow[]) : [];
}

/** Return All / Limit as the number of items wanted; undefined means all. */
export function wantedCount(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return Math.max(1, Math.floor(Number(ctx.getNodeParameter('limit', itemIndex, 50))));
}
