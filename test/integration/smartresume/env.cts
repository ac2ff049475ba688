// One sandbox and one in-process n8n per test file: the SmartResume nodes (and the Certifier
// node, for the flagship flow) with credentials pointed at the sandbox, plus readers of what
// the emulated SmartResume received and stored.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';
import { SmartResumeOAuth2Api } from '../../../credentials/SmartResumeOAuth2Api.credentials';
import { Certifier } from '../../../nodes/Certifier/Certifier.node';
import { SmartResume } from '../../../nodes/SmartResume/SmartResume.node';
import { SmartResumeTrigger } from '../../../nodes/SmartResume/SmartResumeTrigger.node';
import { SMART_RESUME_PATHS } from '../../../nodes/SmartResume/constants';
import { createServiceModules, type LoggedRequest, startSandbox } from '../../../sandbox/index.cjs';
import type { SmartResumeModule } from '../../../sandbox/smartresume/index.cjs';
import { createInProcessN8n, type NodeRun } from '../../in-process/index.cjs';
import type { ServiceEnv, StartServiceEnv } from '../service-env.cjs';

const TOKEN_PATH = SMART_RESUME_PATHS.oauth;

export const fixture = (name: string): any =>
	JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/smartresume', name), 'utf8'));

/** ServiceEnv; apiRequests() are the pushes, the only API calls the node makes besides tokens. */
export interface SmartResumeEnv extends ServiceEnv {
	/**
	 * Empties SmartResume's holding area and the request log, keeping issued tokens (sb.reset()
	 * would drop them and make the next run start with a renewal).
	 */
	clear(): void;
	certifierCredentialId: string;
	tokenRequests(): LoggedRequest[];
	/** The upload a claim link's identifier token names. */
	upload(identifierToken: string): Promise<any>;
}

export const startSmartResumeEnv: StartServiceEnv<SmartResumeEnv> = async (options = {}) => {
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
		data: {
			accessToken: sb.demo.certifier.accessToken,
			apiVersion: sb.demo.certifier.version,
			baseUrl: sb.urls.certifier,
		},
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
		apiRequests: (filter = {}) =>
			sb
				.requests({ service: 'smartResume', ...filter })
				.filter((r) => !r.path.endsWith(TOKEN_PATH)),
		tokenRequests: () => sb.requests({ service: 'smartResume', pathIncludes: TOKEN_PATH }),
		control,
		upload: async (identifierToken) =>
			await control('GET', `/uploads/${encodeURIComponent(identifierToken)}`),
		close: async () => await sb.close(),
	};
};

export const jsonOf = (run: NodeRun): IDataObject[] =>
	(run.output[0] ?? []).map((item: INodeExecutionData) => item.json);
