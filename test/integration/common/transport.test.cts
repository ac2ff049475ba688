// The shared transport in n8n's real execution engine (n8n-core, in-process) against the
// sandbox: token reuse and renewal, retries and their caps, Retry-After, error mapping,
// redaction, order under concurrency and Continue on Fail.
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';
import { SeekPassOAuth2Api } from '../../../credentials/SeekPassOAuth2Api.credentials';
import { startSandbox, type Sandbox } from '../../../sandbox/index.cjs';
import { createInProcessN8n, type InProcessN8n } from '../../in-process/index.cjs';
import { TransportProbe } from './fixtures/transport-probe.cjs';

let sb: Sandbox;
let n8n: InProcessN8n;
let expireAfterStatusRequests = 0;

const STATUS = (id: string) => `/api/partner/v1/submissions/${id}/status.json`;
const ids = Array.from({ length: 24 }, (_, i) => `probe-${String(i).padStart(3, '0')}`);

async function seedSubmissions(): Promise<void> {
	const tokenResponse = await fetch(`${sb.urls.seekPass}/api/partner/v1/oauth/token.json`, {
		method: 'POST',
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: sb.demo.seekPass.clientId,
			client_secret: sb.demo.seekPass.clientSecret,
			scope: 'write.microcredential',
		}),
	});
	const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
	for (const id of ids) {
		const response = await fetch(`${sb.urls.seekPass}/api/partner/v1/add/microcredential.json`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({
				id,
				document_type: 'none',
				credential_type: 'microcredential',
				data: {
					credential: {
						full_name: 'Ada Lovelace',
						issuer_name: 'Certifier',
						microcredential_name: 'Data',
						issue_date: '2026-01-01',
					},
				},
			}),
		});
		expect(response.status).toBe(201);
	}
}

function seekPassCredential(id: string): string {
	return n8n.setCredential('seekPassOAuth2Api', {
		id,
		data: {
			environment: 'custom',
			customBaseUrl: sb.urls.seekPass,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
		},
	});
}

async function probe(
	credentialId: string,
	input: IDataObject[],
	requestOptions: INodeParameters = {},
	continueOnFail = false,
) {
	return await n8n.runNode({
		type: 'transportProbe',
		parameters: { service: 'seekPass', requestOptions },
		credentials: { seekPassOAuth2Api: credentialId },
		input: input.map((json) => ({ json })),
		continueOnFail,
	});
}

const statusItems = (list: string[]) => list.map((id) => ({ path: STATUS(id) }));
const bodies = (output: INodeExecutionData[][]) =>
	output[0].map((item) => item.json.body as IDataObject);
const tokenRequests = () => sb.requests({ service: 'seekPass', pathIncludes: '/oauth/token.json' });
const statusRequests = () => sb.requests({ service: 'seekPass', pathIncludes: '/status.json' });

beforeAll(async () => {
	sb = await startSandbox({
		port: 0,
		onRequestLogged: (entry) => {
			if (
				expireAfterStatusRequests > 0 &&
				entry.path.endsWith('/status.json') &&
				--expireAfterStatusRequests === 0
			) {
				sb.expireTokens('seekPass');
			}
		},
	});
	n8n = await createInProcessN8n({
		nodeTypes: [new TransportProbe()],
		credentialTypes: [new SeekPassOAuth2Api(), new CertifierApi()],
	});
	await seedSubmissions();
});

afterAll(async () => await sb?.close());

beforeEach(() => {
	sb.setSwitches({ rateLimitPerSecond: 0, faultRate: 0, latencyMs: 0 });
	sb.clearRequests();
	expireAfterStatusRequests = 0;
});

describe('tokens', () => {
	test('one token for a whole concurrent run, requested with the client secret in the form body', async () => {
		const credential = seekPassCredential('token-once');
		const run = await probe(credential, statusItems(ids), { concurrency: 8 });
		expect(run.error).toBeUndefined();
		expect(tokenRequests()).toHaveLength(1);
		const form = tokenRequests()[0].body as Record<string, string>;
		expect(form.client_secret).toBe(sb.demo.seekPass.clientSecret);
		expect(tokenRequests()[0].headers.authorization).toBeUndefined();
		expect(n8n.credentialData('seekPassOAuth2Api', credential).oauthTokenData).toMatchObject({
			token_type: 'Bearer',
		});

		const again = await probe(credential, statusItems(ids.slice(0, 3)));
		expect(again.error).toBeUndefined();
		expect(tokenRequests()).toHaveLength(1);
	});

	test('a token that expires mid-run is renewed once and every item still succeeds', async () => {
		const credential = seekPassCredential('token-expiry');
		await probe(credential, statusItems(ids.slice(0, 1)));
		sb.clearRequests();
		const fetchesBefore = n8n.tokenFetches('seekPassOAuth2Api', credential);
		expireAfterStatusRequests = 5;

		const run = await probe(credential, statusItems(ids), { concurrency: 1 });

		expect(run.error).toBeUndefined();
		expect(bodies(run.output).map((b) => b.id)).toEqual(ids);
		// Two 401s for the one expiry: the client's send with the token it read, then n8n's send
		// with the same stored token, after which n8n renews it and repeats the request.
		expect(statusRequests().filter((r) => r.status === 401)).toHaveLength(2);
		expect(tokenRequests()).toHaveLength(1);
		expect(n8n.tokenFetches('seekPassOAuth2Api', credential) - fetchesBefore).toBe(1);
	});

	test('a static token that is refused is not retried and says so', async () => {
		const credential = n8n.setCredential('certifierApi', {
			id: 'certifier-bad',
			data: {
				accessToken: 'wrong-token-value',
				apiVersion: '2022-10-26',
				baseUrl: sb.urls.certifier,
			},
		});
		const run = await n8n.runNode({
			type: 'transportProbe',
			parameters: { service: 'certifier' },
			credentials: { certifierApi: credential },
			input: [{ json: { path: '/groups' } }],
		});
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect((run.error as NodeApiError).message).toBe(
			'Certifier answered 401 [unauthorized]: A valid authentication token was not provided with the request',
		);
		expect(sb.requests({ service: 'certifier' })).toHaveLength(1);
	});
});

describe('retries', () => {
	test('rate limited (429 + Retry-After): every item succeeds, in input order', async () => {
		const credential = seekPassCredential('rate-limit');
		await probe(credential, statusItems(ids.slice(0, 1)));
		sb.setSwitches({ rateLimitPerSecond: 8 });
		sb.clearRequests();

		const run = await probe(credential, statusItems(ids), { concurrency: 8 });

		expect(run.error).toBeUndefined();
		expect(bodies(run.output).map((b) => b.id)).toEqual(ids);
		const limited = statusRequests().filter((r) => r.status === 429);
		expect(limited.length).toBeGreaterThan(0);
		expect(statusRequests().filter((r) => r.status === 200)).toHaveLength(ids.length);
	});

	// That a 429 with Retry-After never counts against Max Attempts is shown in
	// test/unit/common/client-flow-control.test.cts; here, what pacing makes of a tight limit.
	test('under a tight limit with Max Attempts 2 no item fails, and sends are paced after the first 429s', async () => {
		const credential = seekPassCredential('flow-control');
		await probe(credential, statusItems(ids.slice(0, 1)));
		sb.setSwitches({ rateLimitPerSecond: 4 });
		sb.clearRequests();

		const run = await probe(credential, statusItems(ids), { concurrency: 8, maxAttempts: 2 });

		expect(run.error).toBeUndefined();
		expect(bodies(run.output).map((b) => b.id)).toEqual(ids);
		// The sends in flight when the limit first showed (at most Concurrency) meet a 429; the
		// pace learned from them keeps the rest from meeting one.
		const limited = statusRequests().filter((r) => r.status === 429);
		expect(limited.length).toBeGreaterThan(0);
		expect(limited.length).toBeLessThan(ids.length / 2);
	});

	test('a limit announced in headers is kept to: no 429 after the first window', async () => {
		const credential = seekPassCredential('announced-limit');
		await probe(credential, statusItems(ids.slice(0, 1)));
		sb.setSwitches({ rateLimitPerSecond: 8, rateLimitHeaders: true });
		sb.clearRequests();

		const list = [...ids, ...ids];
		const run = await probe(credential, statusItems(list), { concurrency: 8 });

		expect(run.error).toBeUndefined();
		expect(bodies(run.output).map((b) => b.id)).toEqual(list);
		const sent = statusRequests();
		const start = Date.parse(sent[0].at);
		const late = sent.filter((r) => r.status === 429 && Date.parse(r.at) - start > 1000);
		expect(late).toEqual([]);
	});

	test('5xx, dropped connections and slow answers are absorbed; order and pairing hold', async () => {
		const credential = seekPassCredential('faults');
		sb.setSwitches({
			faultRate: 0.4,
			faultKinds: ['502', '503', '504', 'reset', 'slow'],
			slowMs: 40,
		});

		const run = await probe(credential, statusItems(ids), { concurrency: 6, maxAttempts: 12 });

		expect(run.error).toBeUndefined();
		expect(bodies(run.output).map((b) => b.id)).toEqual(ids);
		expect(run.output[0].map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		const injected = statusRequests().filter((r) => r.injected && r.injected !== 'fault:slow');
		expect(injected.length).toBeGreaterThan(0);
		expect(statusRequests().length).toBe(ids.length + injected.length);
	});

	test('attempts are capped: a request that keeps failing stops after Max Attempts', async () => {
		const credential = seekPassCredential('cap');
		await probe(credential, statusItems(ids.slice(0, 1)));
		sb.clearRequests();
		sb.setSwitches({ faultRate: 1, faultKinds: ['503'] });

		const run = await probe(credential, statusItems(ids.slice(0, 1)), { maxAttempts: 3 });

		expect(run.error).toBeInstanceOf(NodeApiError);
		expect((run.error as NodeApiError).httpCode).toBe('503');
		expect((run.error as NodeApiError).description).toContain('after 3 attempts');
		expect(statusRequests()).toHaveLength(3);
	});

	test('with Retry off a failure is final at once', async () => {
		const credential = seekPassCredential('no-retry');
		await probe(credential, statusItems(ids.slice(0, 1)));
		sb.clearRequests();
		sb.setSwitches({ faultRate: 1, faultKinds: ['502'] });
		const run = await probe(credential, statusItems(ids.slice(0, 1)), { retry: false });
		expect((run.error as NodeApiError).httpCode).toBe('502');
		expect(statusRequests()).toHaveLength(1);
	});

	test('a 4xx other than 429 is never repeated', async () => {
		const credential = seekPassCredential('not-found');
		const run = await probe(credential, statusItems(['unknown-id']));
		expect(statusRequests()).toHaveLength(1);
		const error = run.error as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.message).toMatch(/^SEEK Pass answered 404 \[not_found\]/);
		expect(error.context.itemIndex).toBe(0);
	});
});

describe('items', () => {
	test('Continue on Fail: failed items become error items linked to their input; nothing is dropped', async () => {
		const credential = seekPassCredential('continue');
		const list = [ids[0], 'missing-1', ids[1], 'missing-2', ids[2]];
		const run = await probe(credential, statusItems(list), { concurrency: 3 }, true);

		expect(run.error).toBeUndefined();
		const items = run.output[0];
		expect(items).toHaveLength(list.length);
		expect(items.map((item) => item.pairedItem)).toEqual(list.map((_, item) => ({ item })));
		expect(
			items.map((item) => (item.json.error ? 'error' : (item.json.body as IDataObject).id)),
		).toEqual([ids[0], 'error', ids[1], 'error', ids[2]]);
		expect(items[1].json).toMatchObject({ httpCode: '404', code: 'not_found' });
	});

	test('On Error "Continue (using error output)": failed items leave by the error output, still linked', async () => {
		const credential = seekPassCredential('error-output');
		const list = [ids[0], 'missing-1', ids[1]];
		const run = await n8n.runNode({
			type: 'transportProbe',
			parameters: { service: 'seekPass', requestOptions: { concurrency: 3 } },
			credentials: { seekPassOAuth2Api: credential },
			input: statusItems(list).map((json) => ({ json })),
			settings: { onError: 'continueErrorOutput' },
		});

		expect(run.error).toBeUndefined();
		const [success, failure] = run.output;
		expect(success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(failure).toHaveLength(1);
		expect(failure[0].pairedItem).toEqual({ item: 1 });
		expect(failure[0].json).toMatchObject({ details: { httpCode: '404', code: 'not_found' } });
	});

	test('without Continue on Fail the run fails naming the first failed item', async () => {
		const credential = seekPassCredential('fail-fast');
		const run = await probe(credential, statusItems([ids[0], ids[1], 'missing-3', ids[2]]), {
			concurrency: 1,
		});
		expect((run.error as NodeApiError).context.itemIndex).toBe(2);
		expect(statusRequests()).toHaveLength(3);
	});
});

describe('secrets', () => {
	test('no token, client secret or Authorization header in errors or output', async () => {
		const credential = seekPassCredential('secrets');
		await probe(credential, statusItems(ids.slice(0, 1)));
		const token = (
			n8n.credentialData('seekPassOAuth2Api', credential).oauthTokenData as IDataObject
		).access_token as string;
		expect(token.length).toBeGreaterThan(20);

		sb.setSwitches({ faultRate: 1, faultKinds: ['503'] });
		const failed = await probe(credential, statusItems(ids.slice(0, 2)), { maxAttempts: 2 }, true);
		sb.setSwitches({ faultRate: 0 });
		const thrown = await probe(credential, statusItems(['missing-4']));

		const error = thrown.error as NodeApiError;
		const everything = JSON.stringify([
			failed.output,
			failed.taskData ?? null,
			thrown.output,
			thrown.taskData ?? null,
			{ message: error.message, description: error.description, context: error.context },
			Object.getOwnPropertyNames(error).map(
				(key) => (error as unknown as Record<string, unknown>)[key],
			),
		]);
		for (const secret of [token, sb.demo.seekPass.clientSecret, 'Bearer ']) {
			expect(everything).not.toContain(secret);
		}
		expect(error.cause).toBeUndefined();
	});
});
