/** Design ids picked in a multi-select, as a clean list (the editor may hand over a string). */
export function designIdList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	if (typeof value === 'string')
		return value
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean);
	return [];
}

/** A field of a collection the user added (even if left empty), as text; undefined when not added. */
export function optionalString(fields: Record<string, unknown>, name: string): string | undefined {
	const value = fields[name];
	return value === undefined || value === null ? undefined : String(value);
}
