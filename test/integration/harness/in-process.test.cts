// Proves the in-process harness runs a node through n8n-core's real request helpers:
// OAuth2 client-credentials tokens are fetched, stored, reused and refreshed the way an
// n8n server does it, declarative authenticate blocks resolve $credentials, and
// Continue on Fail and errors behave as in a workflow.
import { NodeApiError } from 'n8n-workflow';
import type { INodeExecutionData } from 'n8n-workflow';

import { createInProcessN8n, type InProcessN8n } from '../../in-process/index.cjs';
import {
	ProbeHeaderTokenApi,
	ProbeNode,
	ProbeOAuth2Api,
	ProbeSessionApi,
} from '../../in-process/fixtures/probe-node.cjs';
import { startTokenServer, type TokenServer } from '../../in-process/fixtures/token-server.cjs';

const CLIENT = { clientId: 'probe-client', clientSecret: 'probe-secret-value' };

let server: TokenServer;
let n8n: InProcessN8n;

beforeAll(async () => {
	server = await startTokenServer();
	n8n = await createInProcessN8n({
		nodeTypes: [new ProbeNode()],
		credentialTypes: [new ProbeOAuth2Api(), new ProbeHeaderTokenApi(), new ProbeSessionApi()],
	});
});

afterAll(async () => {
	await server?.close();
});

function oauthCredential(id: string, authentication?: 'body' | 'header'): string {
	return n8n.setCredential('probeOAuth2Api', {
		id,
		data: { ...CLIENT, baseUrl: server.baseUrl, ...(authentication ? { authentication } : {}) },
	});
}

async function callProtected(
	credentialId: string,
	extra: { tokenExpiredStatusCodes?: string } = {},
) {
	return await n8n.runNode({
		type: 'probe',
		parameters: {
			credentialType: 'probeOAuth2Api',
			baseUrl: server.baseUrl,
			path: '/protected',
			...extra,
		},
		credentials: { probeOAuth2Api: credentialId },
	});
}

const firstJson = (output: INodeExecutionData[][]) => output[0]?.[0]?.json;

describe('OAuth2 client credentials', () => {
	test('fetches the token once, stores it and reuses it on the next run (Basic auth by default)', async () => {
		const id = oauthCredential('cc-header');
		const tokensBefore = server.tokenRequests.length;

		const first = await callProtected(id);
		const second = await callProtected(id);

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(server.tokenRequests.length - tokensBefore).toBe(1);
		const tokenRequest = server.tokenRequests[tokensBefore];
		const basic = Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64');
		expect(tokenRequest.authorization).toBe(`Basic ${basic}`);
		expect(tokenRequest.form).toEqual({
			grant_type: 'client_credentials',
			scope: 'credentials:read',
		});

		const stored = n8n.credentialData('probeOAuth2Api', id);
		const token = (stored.oauthTokenData as { access_token: string }).access_token;
		expect(token).toMatch(/^token-/);
		expect(firstJson(first.output)).toEqual({ ok: true, tokenUsed: `Bearer ${token}` });
		expect(firstJson(second.output)).toEqual({ ok: true, tokenUsed: `Bearer ${token}` });
		expect(n8n.tokenFetches('probeOAuth2Api', id)).toBe(1);
		expect(first.output[0][0].pairedItem).toEqual({ item: 0 });
	});

	test("authentication 'body' sends client_id and client_secret in the form, no Basic header", async () => {
		const id = oauthCredential('cc-body', 'body');
		const tokensBefore = server.tokenRequests.length;

		const run = await callProtected(id);

		expect(run.error).toBeUndefined();
		expect(server.tokenRequests.length - tokensBefore).toBe(1);
		const tokenRequest = server.tokenRequests[tokensBefore];
		expect(tokenRequest.authorization).toBeUndefined();
		expect(tokenRequest.form).toMatchObject({
			grant_type: 'client_credentials',
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
	});

	test('a 401 makes n8n fetch a new token once and resend; a second 401 fails with NodeApiError', async () => {
		const id = oauthCredential('cc-refresh');
		await callProtected(id);
		const oldToken = (
			n8n.credentialData('probeOAuth2Api', id).oauthTokenData as { access_token: string }
		).access_token;

		server.failNext(1, 401);
		let tokensBefore = server.tokenRequests.length;
		let callsBefore = server.protectedRequests.length;
		const refreshed = await callProtected(id);

		expect(refreshed.error).toBeUndefined();
		expect(server.tokenRequests.length - tokensBefore).toBe(1);
		expect(server.protectedRequests.slice(callsBefore).map((r) => r.status)).toEqual([401, 200]);
		const newToken = (
			n8n.credentialData('probeOAuth2Api', id).oauthTokenData as { access_token: string }
		).access_token;
		expect(newToken).not.toBe(oldToken);
		expect(firstJson(refreshed.output)).toEqual({ ok: true, tokenUsed: `Bearer ${newToken}` });
		expect(n8n.tokenFetches('probeOAuth2Api', id)).toBe(2);

		server.failNext(2, 401);
		tokensBefore = server.tokenRequests.length;
		callsBefore = server.protectedRequests.length;
		const failed = await callProtected(id);

		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect((failed.error as NodeApiError).httpCode).toBe('401');
		expect(failed.output).toEqual([]);
		expect(failed.taskData.executionStatus).toBe('error');
		expect(server.tokenRequests.length - tokensBefore).toBe(1);
		expect(server.protectedRequests.slice(callsBefore).map((r) => r.status)).toEqual([401, 401]);
	});

	test('oauth2.tokenExpiredStatusCode [401, 403] makes a 403 refresh the token; without it a 403 fails', async () => {
		const id = oauthCredential('cc-403');
		await callProtected(id);

		server.failNext(1, 403);
		let tokensBefore = server.tokenRequests.length;
		const withOption = await callProtected(id, { tokenExpiredStatusCodes: '401,403' });
		expect(withOption.error).toBeUndefined();
		expect(server.tokenRequests.length - tokensBefore).toBe(1);
		expect(firstJson(withOption.output)).toMatchObject({ ok: true });

		server.failNext(1, 403);
		tokensBefore = server.tokenRequests.length;
		const withoutOption = await callProtected(id);
		expect(withoutOption.error).toBeInstanceOf(NodeApiError);
		expect((withoutOption.error as NodeApiError).httpCode).toBe('403');
		expect(server.tokenRequests.length - tokensBefore).toBe(0);
	});
});

describe('declarative authenticate block', () => {
	test('resolves ={{$credentials.x}} in headers and query and adds static headers', async () => {
		const id = n8n.setCredential('probeHeaderTokenApi', {
			id: 'header-token',
			data: { accessToken: 'static-token-123', tenant: 'acme' },
		});

		const run = await n8n.runNode({
			type: 'probe',
			parameters: { credentialType: 'probeHeaderTokenApi', baseUrl: server.baseUrl, path: '/echo' },
			credentials: { probeHeaderTokenApi: id },
		});

		expect(run.error).toBeUndefined();
		const echoed = firstJson(run.output) as {
			headers: Record<string, string>;
			query: Record<string, string>;
		};
		expect(echoed.headers.authorization).toBe('Bearer static-token-123');
		expect(echoed.headers['x-client']).toBe('career-credentials-harness');
		expect(echoed.query).toEqual({ tenant: 'acme' });
	});
});

describe('preAuthentication (expirable session token)', () => {
	const callWithSession = async () =>
		await n8n.runNode({
			type: 'probe',
			parameters: {
				credentialType: 'probeSessionApi',
				baseUrl: server.baseUrl,
				path: '/protected',
			},
			credentials: { probeSessionApi: 'session' },
		});
	const storedSession = () => n8n.credentialData('probeSessionApi', 'session').sessionToken;

	test('fetches the token when empty, stores and reuses it, and fetches a new one after a 401', async () => {
		n8n.setCredential('probeSessionApi', { id: 'session', data: { baseUrl: server.baseUrl } });
		let tokensBefore = server.tokenRequests.length;

		const first = await callWithSession();
		const second = await callWithSession();

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(server.tokenRequests.length - tokensBefore).toBe(1);
		const session = storedSession();
		expect(session).toMatch(/^token-/);
		expect(firstJson(second.output)).toEqual({ ok: true, tokenUsed: `Bearer ${session}` });

		server.failNext(1, 401);
		tokensBefore = server.tokenRequests.length;
		const afterExpiry = await callWithSession();

		expect(afterExpiry.error).toBeUndefined();
		expect(server.tokenRequests.length - tokensBefore).toBe(1);
		expect(storedSession()).not.toBe(session);
		expect(firstJson(afterExpiry.output)).toEqual({
			ok: true,
			tokenUsed: `Bearer ${storedSession()}`,
		});
	});
});

describe('Continue on Fail', () => {
	const run = async (continueOnFail: boolean) =>
		await n8n.runNode({
			type: 'probe',
			parameters: {
				credentialType: 'probeHeaderTokenApi',
				baseUrl: server.baseUrl,
				path: '={{ $json.path }}',
			},
			credentials: { probeHeaderTokenApi: 'header-token-cof' },
			input: [{ json: { path: '/echo' } }, { json: { path: '/status/500' } }],
			continueOnFail,
		});

	beforeAll(() => {
		n8n.setCredential('probeHeaderTokenApi', {
			id: 'header-token-cof',
			data: { accessToken: 't' },
		});
	});

	test('gives an error item paired with its input and keeps the other items', async () => {
		const result = await run(true);

		expect(result.error).toBeUndefined();
		expect(result.output[0]).toHaveLength(2);
		expect(result.output[0][0].pairedItem).toEqual({ item: 0 });
		expect(result.output[0][1]).toMatchObject({
			json: { error: expect.any(String) },
			pairedItem: { item: 1 },
		});
	});

	test('without it the node fails with NodeApiError carrying the HTTP status', async () => {
		const result = await run(false);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect((result.error as NodeApiError).httpCode).toBe('500');
		expect(result.output).toEqual([]);
	});
});
