// The node types the harness runs, as n8n's INodeTypes. Each execute() is wrapped to
// hand the error it throws, as the same object, to the run that is in progress:
// WorkflowExecute keeps only a flattened copy (no prototype, so no `instanceof
// NodeApiError`), and tests need the real one.
import { AsyncLocalStorage } from 'node:async_hooks';

import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

export type NodeTypeInstance = INodeType | IVersionedNodeType;

export interface ThrownErrors {
	last?: unknown;
}

/** Set by runNode around one execution; concurrent runs each see their own. */
export const thrownErrors = new AsyncLocalStorage<ThrownErrors>();

function withErrorCapture(nodeType: INodeType): INodeType {
	const execute = nodeType.execute;
	if (typeof execute !== 'function') return nodeType;
	// Inherits everything else (description, methods, class tag) from the real instance.
	const wrapped = Object.create(nodeType) as INodeType;
	const capturing = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
		const sink = thrownErrors.getStore();
		try {
			const result = await (execute as (...a: unknown[]) => Promise<unknown>).apply(this, args);
			// A retry that succeeds clears the earlier attempt's error.
			if (sink) sink.last = undefined;
			return result;
		} catch (error) {
			if (sink) sink.last = error;
			throw error;
		}
	};
	Object.defineProperty(wrapped, 'execute', { value: capturing });
	return wrapped;
}

export class NodeTypeRegistry implements INodeTypes {
	private readonly byName = new Map<string, NodeTypeInstance>();
	private readonly wrapped = new Map<string, INodeType>();

	constructor(nodeTypes: NodeTypeInstance[], typePrefix = '') {
		for (const nodeType of nodeTypes) {
			this.byName.set(`${typePrefix}${nodeType.description.name}`, nodeType);
		}
	}

	names(): string[] {
		return [...this.byName.keys()];
	}

	getByName(name: string): NodeTypeInstance {
		const nodeType = this.byName.get(name);
		if (!nodeType) throw new Error(`In-process n8n: unknown node type "${name}"`);
		return nodeType;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		const key = `${name}@${version ?? 'default'}`;
		let nodeType = this.wrapped.get(key);
		if (!nodeType) {
			nodeType = withErrorCapture(NodeHelpers.getVersionedNodeType(this.getByName(name), version));
			this.wrapped.set(key, nodeType);
		}
		return nodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
