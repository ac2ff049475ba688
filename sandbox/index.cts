// Public entry of the sandbox for tests, the demo and the CLI: the generic core, typed by
// the registered services (sandbox/modules.cts).
import {
	startSandboxWith,
	type Sandbox as SandboxOf,
	type SandboxOptions as SandboxOptionsOf,
} from './core/server.cjs';
import type {
	LoggedRequest as LoggedRequestOf,
	RequestFilter as RequestFilterOf,
	SandboxUrls as SandboxUrlsOf,
	WebhookDelivery as WebhookDeliveryOf,
} from './core/types.cjs';
import { createServiceModules, type RegisteredModule, type ServiceName } from './modules.cjs';

export { SANDBOX_HOST } from './core/server.cjs';
export { DEFAULT_SWITCHES } from './core/switches.cjs';
export {
	createServiceModules,
	DEFAULT_DEMO,
	type DemoCredentials,
	type RegisteredModule,
	type ServiceName,
} from './modules.cjs';
export {
	CONTROL_PREFIX,
	SandboxHttpError,
	declareService,
	type FaultKind,
	type FaultTarget,
	type ModuleOf,
	type SandboxContext,
	type SandboxSwitches,
	type ServiceDeclaration,
	type ServiceModule,
} from './core/types.cjs';

export type Sandbox = SandboxOf<RegisteredModule>;
export type SandboxOptions = SandboxOptionsOf<RegisteredModule>;
export type SandboxUrls = SandboxUrlsOf<RegisteredModule>;
export type LoggedRequest = LoggedRequestOf<ServiceName>;
export type RequestFilter = RequestFilterOf<ServiceName>;
export type WebhookDelivery = WebhookDeliveryOf<ServiceName>;

/** Starts a sandbox hosting `options.modules`, by default fresh instances of every registered service. */
export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return startSandboxWith(options.modules ?? createServiceModules(), options);
}
