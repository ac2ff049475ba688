// One sandbox and one in-process n8n per test file, with a SEEK Pass credential that points at
// the sandbox; helpers to run the SEEK Pass node as a workflow would (see ../service-env.cts).
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { SeekPassOAuth2Api } from '../../../credentials/SeekPassOAuth2Api.credentials';
import { SeekPass } from '../../../nodes/SeekPass/SeekPass.node';
import { SeekPassTrigger } from '../../../nodes/SeekPass/SeekPassTrigger.node';
import { startSandbox } from '../../../sandbox/index.cjs';
import { SCOPES as SANDBOX_SCOPES } from '../../../sandbox/seekpass/constants.cjs';
import type { NodeRun } from '../../in-process/index.cjs';
import { createInProcessN8n } from '../../in-process/index.cjs';
import { type ServiceEnv, type StartServiceEnv, useServiceEnv } from '../service-env.cjs';

export const CREDENTIAL_ID = 'seekpass-sandbox';

/**
 * apiRequests leaves out the token endpoint and 401 answers, which after sb.reset() (it expires
 * tokens) are n8n renewing its stored token and resending.
 */
export type SeekPassEnv = ServiceEnv;

export const startSeekPassEnv: StartServiceEnv<SeekPassEnv> = async (options = {}) => {
	const sb = await startSandbox({ port: 0, ...options });
	const n8n = await createInProcessN8n({
		nodeTypes: [new SeekPass(), new SeekPassTrigger()],
		credentialTypes: [new SeekPassOAuth2Api()],
	});
	const credentialId = n8n.setCredential('seekPassOAuth2Api', {
		id: CREDENTIAL_ID,
		data: {
			environment: 'custom',
			customBaseUrl: sb.urls.seekPass,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
			// Every scope the sandbox's demo client holds, as a partner would configure it.
			scopes: [...SANDBOX_SCOPES],
		},
	});
	return {
		sb,
		n8n,
		credentialId,
		run: async (parameters, input = [{}], options = {}) =>
			await n8n.runNode({
				type: 'seekPass',
				parameters,
				credentials: { seekPassOAuth2Api: credentialId },
				input: input.map((json): INodeExecutionData => ({ json })),
				...options,
			}),
		apiRequests: (filter = {}) =>
			sb
				.requests({ service: 'seekPass', ...filter })
				.filter((r) => !r.path.endsWith('/oauth/token.json') && r.status !== 401),
		control: async (method, path, body) => {
			const res = await fetch(`${sb.urls.control}/seekpass${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await res.text();
			if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${text}`);
			return (text ? JSON.parse(text) : undefined) as any;
		},
		close: async () => await sb.close(),
	};
};

/** The json of every item of the node's first output. */
export const jsonOf = (run: NodeRun): IDataObject[] =>
	(run.output[0] ?? []).map((item) => item.json);

/**
 * The env of one test file: started before its first test, closed after its last, the sandbox
 * reset before each test. Filled in by beforeAll, so read it only inside tests and hooks.
 */
export function seekPassEnvPerFile(): SeekPassEnv {
	return useServiceEnv(startSeekPassEnv);
}
