// One sandbox and one in-process n8n per test file, with the Certifier credential pointed at
// the sandbox, and small helpers to run the Certifier node and read what the sandbox received.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';
import { CertifierWebhookApi } from '../../../credentials/CertifierWebhookApi.credentials';
import { Certifier } from '../../../nodes/Certifier/Certifier.node';
import { CertifierPollTrigger } from '../../../nodes/Certifier/CertifierPollTrigger.node';
import { CertifierTrigger } from '../../../nodes/Certifier/CertifierTrigger.node';
import { type Sandbox, startSandbox } from '../../../sandbox/index.cjs';
import {
	createInProcessN8n,
	type InProcessN8n,
	type NodeRun,
	type RunNodeOptions,
} from '../../harness/in-process/index.cjs';

export const SEED_GROUP = '01g90279gp5sbmfek7wymcsvec';
export const SECOND_GROUP = '01hq4m8n7v0y5xw2b3c6d9e1fz';
export const SEED_DESIGNS = ['01fpwtztwf7sacca5r0c483mnm', '01hz2ej4yzdcfkq9fa78nhyj0x'];

export interface CertifierEnv {
	sb: Sandbox;
	n8n: InProcessN8n;
	credentialId: string;
	/** Runs the Certifier node with the sandbox credential; never throws for a node failure. */
	run(parameters: INodeParameters, options?: Partial<RunNodeOptions>): Promise<NodeRun>;
	/** Requests the Certifier API received (control and CDN calls excluded). */
	apiRequests(method?: string, pathIncludes?: string): ReturnType<Sandbox['requests']>;
	control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	/** Calls Certifier's API directly, as another client of the same account would. */
	api<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	close(): Promise<void>;
}

export async function certifierEnv(): Promise<CertifierEnv> {
	const sb = await startSandbox({ port: 0 });
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
		run: async (parameters, options = {}) =>
			await n8n.runNode({
				type: 'certifier',
				parameters,
				credentials: { certifierApi: credentialId },
				...options,
			}),
		apiRequests: (method, pathIncludes) =>
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
}

export const json = (run: NodeRun): IDataObject[] =>
	(run.output[0] ?? []).map((item: INodeExecutionData) => item.json);

/** A resource locator value as the editor stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
export const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });
