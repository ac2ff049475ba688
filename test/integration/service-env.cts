// The one shape of every service's integration-test setup (test/integration/<service>/env.cts):
// one sandbox and one in-process n8n per test file, the service's credential pointed at the
// sandbox, and the same helpers under the same names, so a test reads alike for every service.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { LoggedRequest, Sandbox, SandboxOptions } from '../../sandbox/index.cjs';
import type { InProcessN8n, NodeRun, RunNodeOptions } from '../in-process/index.cjs';

export interface ServiceEnv {
	sb: Sandbox;
	n8n: InProcessN8n;
	/** The id of the service's API credential in the in-process n8n. */
	credentialId: string;
	/** Runs the service's action node on these input items; never throws for a node failure. */
	run(
		parameters: INodeParameters,
		input?: IDataObject[],
		options?: Partial<RunNodeOptions>,
	): Promise<NodeRun>;
	/** Requests the service's API received from the node (token requests and control calls excluded). */
	apiRequests(filter?: { method?: string; pathIncludes?: string }): LoggedRequest[];
	/** Calls the sandbox's control API. */
	control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	close(): Promise<void>;
}

/** Every service's env.cts exports one of these under the name start<Service>Env. */
export type StartServiceEnv<E extends ServiceEnv> = (options?: SandboxOptions) => Promise<E>;

/**
 * One env for the test file: started before its tests, closed after them, and reset before each
 * test (the sandbox by default; `reset` can say how, or false). The returned object is filled in by beforeAll.
 */
export function useServiceEnv<E extends ServiceEnv>(
	start: () => Promise<E>,
	options: { reset?: false | ((env: E) => void) } = {},
): E {
	const env = {} as E;
	beforeAll(async () => {
		Object.assign(env, await start());
	});
	afterAll(async () => {
		await env.close?.();
	});
	const reset = options.reset ?? ((e: E) => e.sb.reset());
	if (reset) beforeEach(() => reset(env));
	return env;
}
