// Runs this package's nodes inside the test process with n8n-core's real execution
// engine, request helpers and OAuth2 handling: no n8n server, ~60 ms per run. What n8n's
// server would add (a database, encryption at rest, the UI's parameter handling) is
// replaced by the in-memory pieces in this folder.
import './env.cjs';

import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { CredentialStore, type CredentialInput } from './credential-store.cjs';
import { CredentialTypeRegistry } from './credential-types.cjs';
import { InProcessCredentialsHelper } from './credentials-helper.cjs';
import { NodeTypeRegistry, type NodeTypeInstance } from './node-types.cjs';
import { OAuth2ApiStandIn } from './oauth2-api.credentials.cjs';
import { runNode, type NodeRun, type RunNodeOptions } from './run-node.cjs';
import { runPoll, type PollRun, type RunPollOptions } from './run-poll.cjs';
import {
	runWebhookMethod,
	type RunWebhookMethodOptions,
	type WebhookMethodRun,
} from './run-webhook-method.cjs';
import { runWebhook, type RunWebhookOptions, type WebhookRun } from './run-webhook.cjs';
import type { WebhookRequestInput } from './webhook-request.cjs';

export type {
	CredentialInput,
	NodeRun,
	NodeTypeInstance,
	PollRun,
	RunNodeOptions,
	RunPollOptions,
	RunWebhookMethodOptions,
	RunWebhookOptions,
	WebhookMethodRun,
	WebhookRequestInput,
	WebhookRun,
};
export { stableWebhookId } from './workflow.cjs';
export { OAuth2ApiStandIn };
export { userFolder } from './env.cjs';

export interface InProcessN8nOptions {
	nodeTypes: NodeTypeInstance[];
	/** The package's credential types; the `oAuth2Api` stand-in is added unless one is given. */
	credentialTypes?: ICredentialType[];
	/** Prefix for node type names, e.g. 'n8n-nodes-career-credentials.' as n8n names them. */
	typePrefix?: string;
}

export interface InProcessN8n {
	/** Stores a credential as n8n would after the user saved it; returns its id. */
	setCredential(type: string, credential: CredentialInput): string;
	/** Runs one node once; never throws for a node failure (see NodeRun.error). */
	runNode(options: RunNodeOptions): Promise<NodeRun>;
	/** Calls the node's webhook() with one request, as n8n's production webhook server does. */
	runWebhook(options: RunWebhookOptions): Promise<WebhookRun>;
	/** Calls webhookMethods[webhookName][method] (checkExists/create/delete); rejects with the node's error. */
	runWebhookMethod(options: RunWebhookMethodOptions): Promise<WebhookMethodRun>;
	/** Calls the node's poll() once, as a scheduled tick ('trigger') or a test fetch ('manual'). */
	runPoll(options: RunPollOptions): Promise<PollRun>;
	/** What n8n has stored for the credential now, e.g. oauthTokenData after a token fetch. */
	credentialData(type: string, id?: string): ICredentialDataDecryptedObject;
	/** How many times n8n stored a new OAuth token (fetch or refresh) for the credential. */
	tokenFetches(type: string, id?: string): number;
	/** Registered node type names. */
	nodeTypeNames(): string[];
}

export async function createInProcessN8n(options: InProcessN8nOptions): Promise<InProcessN8n> {
	const credentialTypes = options.credentialTypes ?? [];
	const withRoot = credentialTypes.some((t) => t.name === 'oAuth2Api')
		? credentialTypes
		: [new OAuth2ApiStandIn(), ...credentialTypes];
	const types = new CredentialTypeRegistry(withRoot);
	const store = new CredentialStore();
	const nodeTypes = new NodeTypeRegistry(options.nodeTypes, options.typePrefix);
	const credentialsHelper = new InProcessCredentialsHelper(types, store);

	return {
		setCredential(type, credential) {
			types.get(type);
			return store.set(type, credential).id;
		},
		runNode: async (runOptions) => await runNode(runOptions, nodeTypes, credentialsHelper),
		runWebhook: async (o) => await runWebhook(o, nodeTypes, credentialsHelper),
		runWebhookMethod: async (o) => await runWebhookMethod(o, nodeTypes, credentialsHelper),
		runPoll: async (o) => await runPoll(o, nodeTypes, credentialsHelper),
		credentialData: (type, id) => store.readData(store.lookup(type, id)),
		tokenFetches: (type, id) => store.lookup(type, id).tokenWrites,
		nodeTypeNames: () => nodeTypes.names(),
	};
}
