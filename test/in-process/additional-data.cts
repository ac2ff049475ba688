// The per-execution services n8n's server hands to WorkflowExecute. Only what a node's
// execute() can reach through n8n-core is real (credentials helper, lifecycle hooks);
// the rest fails loudly, so a node needing sub-workflows or task runners shows up as
// an explicit error rather than a silent stub.
import './env.cjs';

import * as n8nCore from 'n8n-core';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

// Never contacted: only used by nodes that build links to this n8n instance.
const BASE_URL = 'http://127.0.0.1:5678/';

const unsupported = (what: string) => async (): Promise<never> => {
	throw new Error(`In-process n8n: ${what} is not supported by this harness`);
};

export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId: hooks.executionId,
		workflowId: hooks.workflowData.id,
		currentNodeExecutionIndex: 0,
		variables: {},
		// n8n-core 1.x (the compat project) has no ExternalSecretsProxy: no external secrets there.
		externalSecretsProxy:
			'ExternalSecretsProxy' in n8nCore ? new n8nCore.ExternalSecretsProxy() : undefined!,
		restApiUrl: `${BASE_URL}rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}form`,
		formWaitingBaseUrl: `${BASE_URL}form-waiting`,
		formTestBaseUrl: `${BASE_URL}form-test`,
		webhookBaseUrl: `${BASE_URL}webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}webhook-test`,
		mcpBaseUrl: `${BASE_URL}mcp`,
		mcpTestBaseUrl: `${BASE_URL}mcp-test`,
		logAiEvent: () => undefined,
		getRuntimeCredential: async () => undefined,
		getRunExecutionData: async () => undefined,
		executeWorkflow: unsupported('executeWorkflow (sub-workflows)'),
		startRunnerTask: unsupported('startRunnerTask (task runners)'),
	};
}
