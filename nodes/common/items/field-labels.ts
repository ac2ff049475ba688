import type { INode, INodeProperties } from 'n8n-workflow';

/** Field labels of the running operation, by node (one node copy per execution: nodeOf). */
const labelsByNode = new WeakMap<INode, Map<string, string | null>>();

const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Every field of the operation with its label; a field inside a collection says which one. */
function* fields(
	properties: readonly INodeProperties[],
	parent?: string,
): Generator<{ name: string; label: string }> {
	for (const property of properties) {
		const label = parent ? `${parent} › ${property.displayName}` : property.displayName;
		yield { name: property.name, label };
		for (const option of (property.options ?? []) as unknown[]) {
			const inner = option as Partial<INodeProperties> & { values?: INodeProperties[] };
			if (inner.values) yield* fields(inner.values, label);
			else if (inner.type !== undefined && inner.displayName !== undefined) {
				yield* fields([inner as INodeProperties], label);
			}
		}
	}
}

/** Names too common to identify a field from a request path's last name alone. */
const GENERIC = new Set(['name', 'id', 'type', 'value', 'description', 'data', 'fields']);

/**
 * Remembers the editor labels of the operation's fields so input errors can name the field a
 * person sees ("Recipient Email") beside the request path ("recipient.email"). A name two fields
 * share with different labels is left out rather than guessed.
 */
export function rememberFieldLabels(node: INode, properties: readonly INodeProperties[]): void {
	const labels = new Map<string, string | null>();
	for (const field of fields(properties)) {
		const key = normal(field.name);
		const known = labels.get(key);
		labels.set(key, known === undefined || known === field.label ? field.label : null);
	}
	labelsByNode.set(node, labels);
}

/**
 * The label of the field a request path came from: its last two names joined
 * (recipient.email → recipientEmail) or its last name (fields.issuer_name → issuer_name), when
 * that name is not a generic one.
 */
export function fieldLabel(node: INode, path: ReadonlyArray<string | number>): string | undefined {
	const labels = labelsByNode.get(node);
	if (!labels) return undefined;
	const names = path.filter((part): part is string => typeof part === 'string');
	const last = names.at(-1) ?? '';
	// A deep path ending in "name" or "id" could come from any of several fields.
	const lastAlone = names.length === 1 || !GENERIC.has(normal(last)) ? last : '';
	for (const key of [names.slice(-2).join(''), lastAlone].map(normal)) {
		if (key === '') continue;
		const label = labels.get(key);
		if (label) return label;
	}
	return undefined;
}
