// The real-n8n harness: n8n (installed once into a per-user cache) with this package installed
// as users install it. Shared by the demo, the benchmarks and the end-to-end and queue-mode tests.
export { ensureRuntime, runtimeEnv, type Runtime, type Progress } from './runtime.cjs';
export { installPackage, type InstalledPackage } from './package-install.cjs';
export {
	startN8n,
	N8nInstance,
	DEFAULT_OWNER,
	type StartOptions,
	type Owner,
	type WaitFilter,
	type N8nRole,
} from './n8n-instance.cjs';
export { parseExecution, type ExecutionResult, type NodeRun, type Json } from './execution.cjs';
export { packageTypes, assertBuilt, readN8nSection, type PackageTypes } from './package-types.cjs';
export {
	manualWorkflow,
	runWorkflowForNodeItems,
	MANUAL_TRIGGER,
	type WorkflowJson,
	type WorkflowNode,
	type NodeItemsResult,
} from './workflows.cjs';
export { freePort, freePorts } from './ports.cjs';
export { N8N_VERSION, NODE_VERSION, PACKAGE_NAME, PACKAGE_ROOT, runtimeDir } from './constants.cjs';
export { startMailSink, type MailSink, type ReceivedMail } from './mail-sink.cjs';
export {
	createSandboxCredentials,
	workflowFromFile,
	type CredentialRefs,
	type ShippedWorkflow,
} from './credentials.cjs';
export {
	DataTables,
	SUBMISSIONS_TABLE,
	type DataTableRow,
	type DataTableValue,
	type DataTableColumnType,
} from './data-tables.cjs';
