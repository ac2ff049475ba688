// The slice of n8n's execution context the API client touches, for unit tests: a node to name in
// errors and a silent logger; each test adds the credential store and request helpers it scripts.
import type { IAllExecuteFunctions, INode } from 'n8n-workflow';

const node: INode = {
	id: 'n',
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** `members` (getCredentials, helpers, …) as the context, with `nodeOver` changing the node. */
export function fakeExecutionContext(
	members: Record<string, unknown>,
	nodeOver: Partial<INode> = {},
): IAllExecuteFunctions {
	const ctx = {
		getNode: () => ({ ...node, ...nodeOver }),
		logger: { debug: () => undefined },
		...members,
	};
	return ctx as unknown as IAllExecuteFunctions;
}
