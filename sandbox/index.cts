// Public entry of the sandbox for tests, the demo and the CLI.
export { startSandbox, SANDBOX_HOST, type Sandbox, type SandboxOptions, type SandboxUrls } from './core/server.cjs';
export { DEFAULT_DEMO, DEFAULT_SWITCHES } from './core/switches.cjs';
export { createServiceModules, serviceModules } from './modules.cjs';
export * from './core/types.cjs';
