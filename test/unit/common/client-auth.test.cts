// The client authenticates from the credential it read once, instead of having n8n read, decrypt
// and authenticate the credential again on every request: Certifier's static token as the same
// headers its credential's `authenticate` sets; an OAuth2 token n8n stored as `Bearer`, n8n
// fetching the first token and renewing an expired one (one renewal for concurrent requests).
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';
import { CERTIFIER_SERVICE } from '../../../nodes/Certifier/transport';
import { ApiClient } from '../../../nodes/common/transport/client';
import type { ServiceDefinition } from '../../../nodes/common/transport/service';
import { fakeExecutionContext } from '../../support/fake-execution-context.cjs';

const OAUTH_SERVICE: ServiceDefinition = {
	displayName: 'Test OAuth API',
	credentialType: 'testOAuth2Api',
	baseUrl: () => 'https://api.example.test',
	tokenExpiredStatusCodes: [401],
	parseError: (body) => ({ message: (body as IDataObject | undefined)?.message as string }),
	secretFields: ['clientSecret'],
};

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function httpError(status: number, data: unknown) {
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, headers: {}, data },
	});
}

/**
 * n8n as the client sees it: a credential store, the plain request helper, and the authenticated
 * one, which (like n8n's requestOAuth2) fetches a token when none is stored, signs with the stored
 * token and, on 401, renews it, stores it and repeats the request once.
 */
function fakeN8n(
	stored: IDataObject,
	api: (options: IHttpRequestOptions) => Promise<unknown>,
	onIssue: (token: string) => void = () => undefined,
) {
	const plain: IHttpRequestOptions[] = [];
	const viaN8n: IHttpRequestOptions[] = [];
	let tokensIssued = 0;
	let credentialReads = 0;
	const issue = () => {
		stored.oauthTokenData = { access_token: `token-${++tokensIssued}`, token_type: 'bearer' };
		onIssue(`token-${tokensIssued}`);
	};
	const answer = async (options: IHttpRequestOptions) => {
		await delay(5);
		return { statusCode: 200, headers: {}, body: await api(options) };
	};
	const ctx = fakeExecutionContext({
		getCredentials: async () => {
			credentialReads++;
			return structuredClone(stored);
		},
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				plain.push(options);
				return await answer(options);
			},
			httpRequestWithAuthentication: async (
				type: string,
				options: IHttpRequestOptions,
				extra?: { oauth2?: { tokenExpiredStatusCode?: number[] } },
			) => {
				viaN8n.push(options);
				if (type !== OAUTH_SERVICE.credentialType) {
					return await answer({ ...options, headers: { ...options.headers, Authorization: '?' } });
				}
				expect(extra?.oauth2?.tokenExpiredStatusCode).toEqual([401]);
				if (!(stored.oauthTokenData as IDataObject | undefined)?.access_token) issue();
				const sign = () => ({
					...options,
					headers: {
						...options.headers,
						Authorization: `Bearer ${(stored.oauthTokenData as IDataObject).access_token}`,
					},
				});
				try {
					return await answer(sign());
				} catch (error) {
					if ((error as { response?: { status?: number } }).response?.status !== 401) throw error;
					issue();
					return await answer(sign());
				}
			},
		},
	});
	return {
		ctx,
		plain,
		viaN8n,
		tokensIssued: () => tokensIssued,
		credentialReads: () => credentialReads,
	};
}

const authOf = (options: IHttpRequestOptions) =>
	(options.headers as Record<string, string> | undefined)?.Authorization;

describe('Certifier (static token)', () => {
	const credentials = {
		accessToken: 'tok_certifier_123',
		apiVersion: '2022-10-26',
		baseUrl: 'https://sandbox.example.test/certifier',
		ignoreSSLIssues: true,
	};

	test('requests carry the credential’s own headers and never go through n8n’s authentication', async () => {
		const n8n = fakeN8n({ ...credentials }, async () => ({ ok: true }));
		const client = await ApiClient.create(n8n.ctx, CERTIFIER_SERVICE);
		await Promise.all(
			[1, 2, 3].map(
				async (i) => await client.request({ method: 'GET', path: `/credentials/${i}` }, i),
			),
		);
		expect(n8n.viaN8n).toHaveLength(0);
		expect(n8n.plain).toHaveLength(3);
		const signed = await new CertifierApi().authenticate(credentials, { url: '/', headers: {} });
		for (const options of n8n.plain) {
			expect(options.headers).toEqual({ Accept: 'application/json', ...signed.headers });
			expect(options.skipSslCertificateValidation).toBe(true);
			expect(options.url).toMatch(/^https:\/\/sandbox\.example\.test\/certifier\/credentials\/\d$/);
		}
		expect(signed.headers).toMatchObject({
			Authorization: 'Bearer tok_certifier_123',
			'Certifier-Version': '2022-10-26',
		});
		expect(n8n.credentialReads()).toBe(1);
	});
});

describe('OAuth2', () => {
	const base = { clientId: 'id', clientSecret: 'client-secret-xyz' };

	test('a token n8n stored is sent as Bearer without n8n’s authentication', async () => {
		const n8n = fakeN8n(
			{ ...base, oauthTokenData: { access_token: 'stored-token', token_type: 'Bearer' } },
			async () => ({ ok: true }),
		);
		const client = await ApiClient.create(n8n.ctx, OAUTH_SERVICE);
		await Promise.all(
			[1, 2, 3, 4].map(async (i) => await client.request({ method: 'GET', path: `/x/${i}` })),
		);
		expect(n8n.viaN8n).toHaveLength(0);
		expect(n8n.plain.map(authOf)).toEqual(Array(4).fill('Bearer stored-token'));
		expect(n8n.tokensIssued()).toBe(0);
	});

	test('without a stored token the first request goes through n8n, the rest use the token it stored', async () => {
		const n8n = fakeN8n({ ...base }, async () => ({ ok: true }));
		const client = await ApiClient.create(n8n.ctx, OAUTH_SERVICE);
		await Promise.all(
			[1, 2, 3, 4, 5].map(async (i) => await client.request({ method: 'GET', path: `/x/${i}` })),
		);
		expect(n8n.viaN8n).toHaveLength(1);
		expect(n8n.tokensIssued()).toBe(1);
		expect(n8n.plain.map(authOf)).toEqual(Array(4).fill('Bearer token-1'));
		// Once in create, once after the first request.
		expect(n8n.credentialReads()).toBe(2);
	});

	test('a token of another type than bearer stays with n8n', async () => {
		const n8n = fakeN8n(
			{ ...base, oauthTokenData: { access_token: 'mac-token', token_type: 'mac' } },
			async () => ({ ok: true }),
		);
		const client = await ApiClient.create(n8n.ctx, OAUTH_SERVICE);
		await client.request({ method: 'GET', path: '/x' });
		await client.request({ method: 'GET', path: '/y' });
		expect(n8n.plain).toHaveLength(0);
		expect(n8n.viaN8n).toHaveLength(2);
	});

	test('a 401 to the cached token is renewed once for concurrent requests, which then use the new token', async () => {
		const stored: IDataObject = { ...base, oauthTokenData: { access_token: 'token-0' } };
		let valid = 'token-0';
		let answered = 0;
		const n8n = fakeN8n(
			stored,
			async (options) => {
				const token = authOf(options)?.replace(/^Bearer /, '');
				if (token !== valid) throw httpError(401, { message: 'token expired' });
				// token-0 expires after two answers, while the 12 requests are in flight.
				if (++answered === 2) valid = 'none';
				return { ok: true };
			},
			(token) => (valid = token),
		);
		const client = await ApiClient.create(n8n.ctx, OAUTH_SERVICE, { maxInFlight: 8 });
		await client.request({ method: 'GET', path: '/warm-up' });
		const results = await Promise.all(
			Array.from(
				{ length: 12 },
				async (_, i) => await client.request({ method: 'GET', path: `/x/${i}` }),
			),
		);
		expect(results).toEqual(Array(12).fill({ ok: true }));
		expect(n8n.tokensIssued()).toBe(1);
		expect(n8n.viaN8n).toHaveLength(1);
		const sent = n8n.plain.map(authOf);
		// Every request sent after the renewal carried the new token.
		const firstNew = sent.indexOf('Bearer token-1');
		expect(firstNew).toBeGreaterThan(0);
		expect(sent.slice(firstNew).every((auth) => auth === 'Bearer token-1')).toBe(true);
		// Several requests met the 401 together (warm-up and one answer, then the in-flight ones)…
		expect(sent.filter((auth) => auth === 'Bearer token-0').length).toBeGreaterThan(4);
		// …and all but the one answered with token-0 and the one n8n repeated went with token-1.
		expect(sent.filter((auth) => auth === 'Bearer token-1')).toHaveLength(10);
	});

	test('the token never appears in an error, also one n8n stored during the run', async () => {
		const n8n = fakeN8n({ ...base }, async (options) => {
			if (options.url.endsWith('/first')) return { ok: true };
			const token = authOf(options)?.replace(/^Bearer /, '') ?? '';
			throw httpError(400, { message: `token ${token} may not do this`, echo: token });
		});
		const client = await ApiClient.create(n8n.ctx, OAUTH_SERVICE, { retry: { maxAttempts: 1 } });
		await client.request({ method: 'GET', path: '/first' });
		const error = await client.request({ method: 'GET', path: '/second' }, 3).then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(Error);
		const seen = JSON.stringify(error) + String((error as Error).message);
		const description = String((error as { description?: unknown }).description);
		expect(seen + description).toContain('may not do this');
		expect(seen + description).not.toContain('token-1');
	});
});
