// The credentials the shipped workflows use, pointing at the sandbox and the mail sink, and
// the substitution of their ids into workflows/*.json (which ship with placeholder ids).
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import type { Sandbox } from '../sandbox/index.cjs';
import type { MailSink } from './mail-sink.cjs';
import type { N8nInstance } from './n8n-instance.cjs';

export type CredentialRefs = Record<string, { id: string; name: string }>;

/** Creates the Certifier, SmartResume and SEEK Pass credentials (and SMTP when a sink is given). */
export async function createSandboxCredentials(
	n8n: N8nInstance,
	sb: Sandbox,
	sink?: MailSink,
): Promise<CredentialRefs> {
	const refs: CredentialRefs = {};
	const add = async (type: string, name: string, data: Record<string, unknown>) => {
		refs[type] = { id: await n8n.createCredential(type, name, data), name };
	};
	await add('certifierApi', 'Certifier account', {
		accessToken: sb.demo.certifier.accessToken,
		apiVersion: sb.demo.certifier.version,
		baseUrl: sb.urls.certifier,
	});
	await add('smartResumeOAuth2Api', 'SmartResume account', {
		environment: 'custom',
		customBaseUrl: sb.urls.smartResume,
		clientId: sb.demo.smartResume.clientId,
		clientSecret: sb.demo.smartResume.accessKey,
	});
	await add('seekPassOAuth2Api', 'SEEK Pass account', {
		environment: 'custom',
		customBaseUrl: sb.urls.seekPass,
		clientId: sb.demo.seekPass.clientId,
		clientSecret: sb.demo.seekPass.clientSecret,
	});
	if (sink) await add('smtp', 'SMTP account', sink.credential());
	return refs;
}

export interface ShippedWorkflow {
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		webhookId?: string;
		credentials?: CredentialRefs;
	}>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/**
 * A workflows/*.json file with each node's credential replaced by the one of the same type.
 * `freshWebhookIds` gives every trigger a new webhook id, so importing the same file twice into
 * one n8n (or alongside another test's workflow) cannot collide on a production URL.
 */
export function workflowFromFile(
	file: string,
	credentials: CredentialRefs,
	opts: { freshWebhookIds?: boolean } = {},
): ShippedWorkflow {
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as ShippedWorkflow;
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) {
			if (!credentials[type])
				throw new Error(`${file}: node "${node.name}" needs a ${type} credential`);
			node.credentials![type] = credentials[type];
		}
		if (opts.freshWebhookIds && node.webhookId) node.webhookId = randomUUID();
	}
	return workflow;
}
