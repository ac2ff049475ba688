// n8n's ICredentialsHelper for the harness: the contract n8n-core's request helpers call
// to read, authenticate with and write back credentials. n8n-core ships no
// implementation (the server's lives in packages/cli, backed by its database); this one
// keeps the server's observable behaviour on an in-memory store:
// - getDecrypted applies the type's defaults and display rules through n8n's own
//   NodeHelpers.getNodeParameters (hidden fields such as grantType exist only there),
//   keeps oauthTokenData, and resolves `={{...}}` values (e.g. `$self`) with n8n's
//   expression engine;
// - authenticate applies a generic `authenticate` block, resolving `$credentials`
//   expressions with n8n's expression engine, or calls an authenticate function;
// - preAuthentication refreshes an `expirable` hidden field when empty or expired and
//   persists it; runPreAuthentication lets an OAuth2 credential transform its token.
// Not reproduced: encryption at rest, credential overwrites, external secrets,
// dynamic (per-user) credentials, per-credential domain allowlists.
import './env.cjs';

import { Credentials, getAdditionalKeys } from 'n8n-core';
import * as n8nWorkflow from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { CredentialTypeRegistry } from './credential-types.cjs';
import type { CredentialStore } from './credential-store.cjs';
import { inIsolate } from './isolate.cjs';

// n8n-workflow 1.x (the compat project) does not export isExpression: the same test by hand.
const isExpression: (value: unknown) => value is string =
	'isExpression' in n8nWorkflow
		? n8nWorkflow.isExpression
		: (value): value is string => typeof value === 'string' && value.startsWith('=');

// Endpoint and flow fields an OAuth credential type pins with a hidden property: the
// type's value wins over anything stored, as on the server.
const PINNED_OAUTH_FIELDS = [
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'authentication',
	'requestTokenUrl',
	'signatureMethod',
];

// Expressions in credential data are resolved against a workflow holding one inert node,
// the way the server does outside a node's own execution.
const credentialNode: INode = {
	id: 'in-process-credential',
	name: '',
	type: 'in-process.credential',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const credentialNodeType: INodeType = {
	description: {
		displayName: 'Credential',
		name: credentialNode.type,
		group: [],
		version: 1,
		description: '',
		defaults: {},
		inputs: [],
		outputs: [],
		properties: [],
	},
};
const credentialNodeTypes: INodeTypes = {
	getByName: () => credentialNodeType,
	getByNameAndVersion: () => credentialNodeType,
	getKnownTypes: () => ({}),
};

export class InProcessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: CredentialTypeRegistry,
		private readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types.parentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.properties(type);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.types.has(credentialType)) return true;
		const type = this.types.get(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		const supported = type.supportedNodes ?? [];
		const shortName = nodeType.slice(nodeType.lastIndexOf('.') + 1);
		return supported.includes(nodeType) || supported.includes(shortName);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		const stored = this.store.find(nodeCredentials, type);
		const credentials = new Credentials({ id: stored.id, name: stored.name }, type);
		await credentials.setData(this.store.readData(stored));
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const storedData = this.store.readData(this.store.find(nodeCredentials, type));
		if (raw === true) return storedData;

		const properties = this.types.properties(type);
		for (const field of PINNED_OAUTH_FIELDS) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete storedData[field];
		}
		const withDefaults = (NodeHelpers.getNodeParameters(
			properties,
			storedData as INodeParameters,
			true,
			false,
			null,
			null,
		) ?? {}) as ICredentialDataDecryptedObject;
		// The token object goes through untouched, whatever the defaults pass made of it.
		if (storedData.oauthTokenData !== undefined)
			withDefaults.oauthTokenData = storedData.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
				expressionResolveValues;
			return workflow.expression.getParameterValue(
				withDefaults as INodeParameters,
				runExecutionData,
				runIndex,
				itemIndex,
				node.name,
				connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				withDefaults,
			) as ICredentialDataDecryptedObject;
		}
		const workflow = this.credentialWorkflow();
		return await inIsolate(
			workflow,
			async () =>
				workflow.expression.getComplexParameterValue(
					credentialNode,
					withDefaults as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					withDefaults,
				) as ICredentialDataDecryptedObject,
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.types.get(typeName);
		if (authenticate === undefined) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!workflow || !node) {
			throw new Error(
				'In-process n8n: a declarative authenticate block needs the workflow and node',
			);
		}
		requestOptions.headers ??= {};
		if (authenticate.type !== 'generic') return requestOptions;

		const resolve = (value: string): string => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved ? String(resolved) : '';
		};
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			// n8n 2.41 only merges object-valued sections (headers, qs, body, auth); a string
			// section such as `url` would be mangled there, so refuse it here.
			if (typeof entries !== 'object' || entries === null) {
				throw new Error(`In-process n8n: authenticate.properties.${section} must be an object`);
			}
			const target = ((requestOptions as unknown as Record<string, Record<string, string>>)[
				section
			] ??= {});
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				target[resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.get(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		// Like the server: nothing is persisted unless the expirable field came back.
		if (output[expirable.name] === undefined) return undefined;
		const slot = node.credentials?.[typeName];
		if (!slot) return undefined;

		const stored = this.store.find(slot, typeName);
		const persisted = this.store.readData(stored);
		for (const [key, value] of Object.entries(output)) {
			// A field the user wrote as an expression stays an expression.
			if (key === expirable.name || !isExpression(persisted[key])) persisted[key] = value;
		}
		this.store.replaceData(stored, persisted);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.types.get(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		return (
			((await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject) ??
			undefined
		);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.replaceData(this.store.find(nodeCredentials, type), data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.writeTokenData(this.store.find(nodeCredentials, type), data.oauthTokenData);
	}

	private credentialWorkflow(): Workflow {
		return new Workflow({
			nodes: [{ ...credentialNode }],
			connections: {},
			active: false,
			nodeTypes: credentialNodeTypes,
		});
	}
}
