// The registry: every service the sandbox hosts by default, one per vendor API. Adding a
// service is a folder sandbox/<svc>/ exporting a module factory, plus its import and an entry
// in FACTORIES; the names, URLs and demo credentials of the Sandbox type follow from this list.
import { createCertifierModule } from './certifier/index.cjs';
import { demoCredentials } from './core/demo.cjs';
import type { DemoCredentials as DemoOf } from './core/types.cjs';
import { createSeekPassModule } from './seekpass/index.cjs';
import { createSmartResumeModule } from './smartresume/index.cjs';

const FACTORIES = [createSeekPassModule, createSmartResumeModule, createCertifierModule] as const;

export type RegisteredModule = ReturnType<(typeof FACTORIES)[number]>;
/** A registered service's name, as the control API, the request log and sandbox.urls/demo spell it. */
export type ServiceName = RegisteredModule['name'];
export type DemoCredentials = DemoOf<RegisteredModule>;

/** Fresh instances with their own state: what startSandbox uses, so two sandboxes in one process never share data. */
export function createServiceModules(): RegisteredModule[] {
	return FACTORIES.map((create) => create());
}

/** Every registered service's declared demo credentials. */
export const DEFAULT_DEMO: Readonly<DemoCredentials> = Object.freeze(
	demoCredentials(createServiceModules()),
);
