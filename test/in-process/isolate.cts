import type { Workflow } from 'n8n-workflow';

/**
 * Runs node code the way n8n 2.x does, inside the workflow's expression isolate; n8n-workflow 1.x
 * (the compat project) has no isolate and runs it directly.
 */
export async function inIsolate<T>(workflow: Workflow, fn: () => Promise<T>): Promise<T> {
	const expression = workflow.expression as Partial<Pick<Workflow['expression'], 'withIsolate'>>;
	return expression.withIsolate ? await workflow.expression.withIsolate(fn) : await fn();
}
