import { deepCopy, type IExecuteFunctions, type INode } from 'n8n-workflow';

/**
 * Parameters without an expression read once per execution instead of once per item. n8n's
 * getNodeParameter walks its expression machinery (and copies the value) on every call even when
 * there is nothing to evaluate, and SmartResume push reads ~20 parameters per item. What is cached
 * is what getNodeParameter returned, so n8n's defaults, resource locator extraction and
 * validation still apply; a value with an expression anywhere inside it (a collection whose one
 * field is `={{ … }}`) is read for every item as before.
 */
interface Cache {
	/** One copy of the node per execution: getNode() deep-copies it on every call. */
	node: INode;
	values: Map<string, unknown>;
	/** Per parameter path: true when its stored value holds no expression. */
	constant: Map<string, boolean>;
}

const caches = new WeakMap<IExecuteFunctions, Cache>();

function cacheOf(ctx: IExecuteFunctions): Cache {
	let cache = caches.get(ctx);
	if (!cache) {
		cache = { node: ctx.getNode(), values: new Map(), constant: new Map() };
		caches.set(ctx, cache);
	}
	return cache;
}

/** The node being executed, copied once per execution (for errors and raw parameter checks). */
export function nodeOf(ctx: IExecuteFunctions): INode {
	return cacheOf(ctx).node;
}

/** True when the value has no n8n expression (a string starting with "=") at any depth. */
export function holdsNoExpression(value: unknown, depth = 0): boolean {
	if (typeof value === 'string') return !value.startsWith('=');
	if (value === null || typeof value !== 'object') return true;
	if (depth > 32) return false;
	for (const inner of Object.values(value)) if (!holdsNoExpression(inner, depth + 1)) return false;
	return true;
}

/** The stored (unresolved) value at a dotted path, as getNodeParameter looks it up. */
function storedAt(parameters: unknown, path: string): unknown {
	let value = parameters;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function isConstant(cache: Cache, name: string): boolean {
	let constant = cache.constant.get(name);
	if (constant === undefined) {
		// Only plain dotted paths; anything lodash-get would read differently (a[0]) is not cached.
		constant =
			/^[\w$]+(\.[\w$]+)*$/.test(name) && holdsNoExpression(storedAt(cache.node.parameters, name));
		cache.constant.set(name, constant);
	}
	return constant;
}

/**
 * getNodeParameter for one item, served from the execution's cache when the parameter holds no
 * expression. Objects are handed out as copies, as getNodeParameter does, so a caller that
 * changes one cannot change the next item's.
 */
export function nodeParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: unknown,
	options?: { extractValue?: boolean },
): unknown {
	const cache = cacheOf(ctx);
	if (!isConstant(cache, name)) return ctx.getNodeParameter(name, itemIndex, fallback, options);
	const key = `${name}\u0000${options?.extractValue === true}\u0000${JSON.stringify(fallback) ?? ''}`;
	let value: unknown;
	if (cache.values.has(key)) value = cache.values.get(key);
	else {
		value = ctx.getNodeParameter(name, itemIndex, fallback, options);
		cache.values.set(key, value);
	}
	return value !== null && typeof value === 'object' ? deepCopy(value) : value;
}
