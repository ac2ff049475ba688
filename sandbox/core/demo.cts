// Each hosted service's demo credentials in one sandbox: the ones it declares, with any
// field SandboxOptions.demo gives for it in their place.
import type { DemoCredentials, ServiceModule } from './types.cjs';

export type DemoOverrides<M extends ServiceModule = ServiceModule> = {
	[K in M as K['name']]?: Partial<K['demo']>;
};

export function demoCredentials<M extends ServiceModule>(
	modules: readonly M[],
	overrides: DemoOverrides<M> = {},
): DemoCredentials<M> {
	const given = overrides as Record<string, object | undefined>;
	return Object.fromEntries(
		modules.map((m) => [m.name, { ...m.demo, ...given[m.name] }]),
	) as DemoCredentials<M>;
}
