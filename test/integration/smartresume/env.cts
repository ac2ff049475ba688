// One sandbox and one in-process n8n per test file: the SmartResume nodes (and the Certifier
// node, for the flagship flow) with credentials pointed at the sandbox, plus readers of what
// the emulated SmartResume received and stored.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';
import { SmartResumeOAuth2Api } from '../../../credentials/SmartResumeOAuth2Api.credentials';
import { Certifier } from '../../../nodes/Certifier/Certifier.node';
import { SmartResume } from '../../../nodes/SmartResume/SmartResume.node';
import { SmartResumeTrigger } from '../../../nodes/SmartResume/SmartResumeTrigger.node';
import { createServiceModules, type LoggedRequest, type Sandbox, type SandboxOptions, startSandbox } from '../../../sandbox/index.cjs';
import type { SmartResumeModule } from '../../../sandbox/smartresume/index.cjs';
import { createInProcessN8n, type InProcessN8n, type NodeRun, type RunNodeOptions } from '../../harness/in-process/index.cjs';

export const fixture = (name: string): any =>
	JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/smartresume', name), 'utf8'));

export interface SmartResumeEnv {
	sb: Sandbox;
	n8n: InProcessN8n;
	/**
	 * Empties SmartResume's holding area and the request log, keeping issued tokens (sb.reset()
	 * would drop them and make the next run start with a renewal).
	 */
	clear(): void;
	credentialId: string;
	certifierCredentialId: string;
	/** Runs the SmartResume node; never throws for a node failure. */
	run(parameters: INodeParameters, input?: IDataObject[], options?: Partial<RunNodeOptions>): Promise<NodeRun>;
	/** Pushes SmartResume received (token requests excluded). */
	pushes(): LoggedRequest[];
	tokenRequests(): LoggedRequest[];
	control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	/** The upload a claim link's identifier token names. */
	upload(identifierToken: string): Promise<any>;
	close(): Promise<void>;
}

export async function smartResumeEnv(options: SandboxOptions = {}): Promise<SmartResumeEnv> {
	const modules = createServiceModules();
	const smartResume = modules.find((m) => m.name === 'smartResume') as SmartResumeModule;
	const sb = await startSandbox({ port: 0, ...options, modules });
	const n8n = await createInProcessN8n({
		nodeTypes: [new SmartResume(), new SmartResumeTrigger(), new Certifier()],
		credentialTypes: [new SmartResumeOAuth2Api(), new CertifierApi()],
	});
	const credentialId = n8n.setCredential('smartResumeOAuth2Api', {
		id: 'smartresume-sandbox',
		data: {
			environment: 'custom',
			customBaseUrl: sb.urls.smartResume,
			clientId: sb.demo.smartResume.clientId,
			clientSecret: sb.demo.smartResume.accessKey,
		},
	});
	const certifierCredentialId = n8n.setCredential('certifierApi', {
		id: 'certifier-sandbox',
		data: { accessToken: sb.demo.certifier.accessToken, apiVersion: sb.demo.certifier.version, baseUrl: sb.urls.certifier },
	});
	const control = async (method: string, p: string, body?: unknown) => {
		const res = await fetch(`${sb.urls.control}/smartresume${p}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`control ${method} ${p}: ${res.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	};
	return {
		sb,
		n8n,
		clear: () => {
			smartResume.store.reset();
			sb.clearRequests();
		},
		credentialId,
		certifierCredentialId,
		run: async (parameters, input = [{}], options = {}) =>
			await n8n.runNode({
				type: 'smartResume',
				parameters,
				credentials: { smartResumeOAuth2Api: credentialId },
				input: input.map((json) => ({ json })),
				...options,
			}),
		pushes: () => sb.requests({ service: 'smartResume', pathIncludes: '/api/v1/credentials' }),
		tokenRequests: () => sb.requests({ service: 'smartResume', pathIncludes: '/api/v1/token' }),
		control,
		upload: async (identifierToken) => await control('GET', `/uploads/${encodeURIComponent(identifierToken)}`),
		close: async () => await sb.close(),
	};
}

export const jsonOf = (run: NodeRun): IDataObject[] => (run.output[0] ?? []).map((item: INodeExecutionData) => item.json);
