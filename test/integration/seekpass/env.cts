// One sandbox and one in-process n8n per test file, with a SEEK Pass credential that
// points at the sandbox; helpers to run the SEEK Pass node as a workflow would.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { SeekPassOAuth2Api } from '../../../credentials/SeekPassOAuth2Api.credentials';
import { SeekPass } from '../../../nodes/SeekPass/SeekPass.node';
import { SeekPassTrigger } from '../../../nodes/SeekPass/SeekPassTrigger.node';
import { startSandbox, type LoggedRequest, type Sandbox } from '../../../sandbox/index.cjs';
import { createInProcessN8n, type InProcessN8n, type NodeRun } from '../../harness/in-process/index.cjs';

export const CREDENTIAL_ID = 'seekpass-sandbox';

export interface SeekPassEnv {
	sb: Sandbox;
	n8n: InProcessN8n;
	run(parameters: INodeParameters, input?: IDataObject[], options?: { continueOnFail?: boolean }): Promise<NodeRun>;
	/**
	 * Requests the node made to SEEK Pass's API: token endpoint excluded, and so are 401 answers,
	 * which after sb.reset() (it expires tokens) are n8n renewing its stored token and resending.
	 */
	apiRequests(pathIncludes?: string): LoggedRequest[];
	close(): Promise<void>;
}

export async function startSeekPassEnv(): Promise<SeekPassEnv> {
	const sb = await startSandbox({ port: 0 });
	const n8n = await createInProcessN8n({
		nodeTypes: [new SeekPass(), new SeekPassTrigger()],
		credentialTypes: [new SeekPassOAuth2Api()],
	});
	n8n.setCredential('seekPassOAuth2Api', {
		id: CREDENTIAL_ID,
		data: {
			environment: 'custom',
			customBaseUrl: sb.urls.seekPass,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
		},
	});
	return {
		sb,
		n8n,
		run: async (parameters, input = [{}], options = {}) =>
			await n8n.runNode({
				type: 'seekPass',
				parameters,
				credentials: { seekPassOAuth2Api: CREDENTIAL_ID },
				input: input.map((json): INodeExecutionData => ({ json })),
				continueOnFail: options.continueOnFail,
			}),
		apiRequests: (pathIncludes) =>
			sb
				.requests({ service: 'seekPass', pathIncludes })
				.filter((r) => !r.path.endsWith('/oauth/token.json') && r.status !== 401),
		close: async () => await sb.close(),
	};
}

/** The json of every item of the node's first output. */
export const jsonOf = (run: NodeRun): IDataObject[] => (run.output[0] ?? []).map((item) => item.json);
