// One sandbox and one in-process n8n per test file, with the Certifier credential pointed at
// the sandbox (the shape every service shares: test/integration/service-env.cts), plus
// Certifier's own helpers: calling its API as another client would, and making a draft.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';
import { CertifierWebhookApi } from '../../../credentials/CertifierWebhookApi.credentials';
import { Certifier } from '../../../nodes/Certifier/Certifier.node';
import { CertifierPollTrigger } from '../../../nodes/Certifier/CertifierPollTrigger.node';
import { CertifierTrigger } from '../../../nodes/Certifier/CertifierTrigger.node';
import { startSandbox } from '../../../sandbox/index.cjs';
import { createInProcessN8n, type NodeRun } from '../../in-process/index.cjs';
import type { ServiceEnv, StartServiceEnv } from '../service-env.cjs';

export const SEED_GROUP = '01g90279gp5sbmfek7wymcsvec';
export const SECOND_GROUP = '01hq4m8n7v0y5xw2b3c6d9e1fz';
export const SEED_DESIGNS = ['01fpwtztwf7sacca5r0c483mnm', '01hz2ej4yzdcfkq9fa78nhyj0x'];

export interface CertifierEnv extends ServiceEnv {
	/** Calls Certifier's API directly, as another client of the same account would. */
	api<T = any>(method: string, path: string, body?: unknown): Promise<T>;
}

export const startCertifierEnv: StartServiceEnv<CertifierEnv> = async (options = {}) => {
	const sb = await startSandbox({ port: 0, ...options });
	const n8n = await createInProcessN8n({
		nodeTypes: [new Certifier(), new CertifierTrigger(), new CertifierPollTrigger()],
		credentialTypes: [new CertifierApi(), new CertifierWebhookApi()],
	});
	const credentialId = n8n.setCredential('certifierApi', {
		id: 'certifier-sandbox',
		data: {
			accessToken: sb.demo.certifier.accessToken,
			apiVersion: sb.demo.certifier.version,
			baseUrl: sb.urls.certifier,
		},
	});
	const apiPath = new URL(sb.urls.certifier).pathname;
	return {
		sb,
		n8n,
		credentialId,
		run: async (parameters, input, options = {}) =>
			await n8n.runNode({
				type: 'certifier',
				parameters,
				credentials: { certifierApi: credentialId },
				...(input ? { input: input.map((json: IDataObject) => ({ json })) } : {}),
				...options,
			}),
		apiRequests: ({ method, pathIncludes } = {}) =>
			sb
				.requests({ service: 'certifier', method, pathIncludes })
				.filter((r) => r.path.startsWith(apiPath)),
		control: async (method, path, body) => {
			const res = await fetch(`${sb.urls.control}/certifier${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await res.text();
			if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${text}`);
			return (text ? JSON.parse(text) : undefined) as any;
		},
		api: async (method, path, body) => {
			const res = await fetch(`${sb.urls.certifier}${path}`, {
				method,
				headers: {
					authorization: `Bearer ${sb.demo.certifier.accessToken}`,
					'certifier-version': sb.demo.certifier.version,
					...(body === undefined ? {} : { 'content-type': 'application/json' }),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await res.text();
			if (!res.ok) throw new Error(`api ${method} ${path}: ${res.status} ${text}`);
			return (text ? JSON.parse(text) : undefined) as any;
		},
		close: async () => await sb.close(),
	};
};

export const json = (run: NodeRun): IDataObject[] =>
	(run.output[0] ?? []).map((item: INodeExecutionData) => item.json);

/** A resource locator value as the editor stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
export const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });

/** A draft credential made through the node (Create Draft), for the operations that need one. */
export async function createDraft(
	env: CertifierEnv,
	name = 'Ada Lovelace',
	email = 'ada@example.org',
): Promise<string> {
	const run = await env.run({
		resource: 'credential',
		operation: 'create',
		group: byId(SEED_GROUP),
		recipientName: name,
		recipientEmail: email,
	});
	expect(run.error).toBeUndefined();
	return String(json(run)[0].id);
}
