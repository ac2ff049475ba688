// The SEEK Pass Trigger through n8n-core's HookContext and WebhookContext (in-process
// harness) against the sandbox: it registers its URL, SEEK Pass's signed events reach it
// over real HTTP, and every refusal answers without starting the workflow.
import { createHmac, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { sealSecret } from '../../../nodes/SeekPass/trigger/sealed-secret';
import type { WebhookRun } from '../../in-process/index.cjs';
import { CREDENTIAL_ID, startSeekPassEnv, type SeekPassEnv } from './env.cjs';

let env: SeekPassEnv;
let server: http.Server;
let webhookUrl: string;
/** The trigger's static data as n8n would keep it between calls. */
let staticData: IDataObject = {};
let parameters: INodeParameters = {};
/** Every call the trigger's URL received, as the harness ran it. */
const calls: WebhookRun[] = [];

// One saved workflow: n8n keeps its id and the node's id across calls.
const TRIGGER = {
	type: 'seekPassTrigger',
	credentials: { seekPassOAuth2Api: CREDENTIAL_ID },
	workflowId: randomUUID(),
	nodeId: randomUUID(),
};

// Stands in for n8n's webhook server: hands each request to the trigger's webhook().
async function receive(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const run = await env.n8n.runWebhook({
		...TRIGGER,
		parameters,
		staticData,
		webhookUrl,
		request: { method: req.method ?? 'POST', headers: req.headers, rawBody: Buffer.concat(chunks) },
	});
	calls.push(run);
	staticData = run.staticData;
	res.writeHead(run.status ?? 500, { 'content-type': 'application/json' });
	res.end(JSON.stringify(run.body ?? {}));
}

async function lifecycle(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
	const run = await env.n8n.runWebhookMethod({
		...TRIGGER,
		method,
		parameters,
		staticData,
		webhookUrl,
	});
	staticData = run.staticData;
	return run.result;
}

const state = () =>
	staticData[Object.keys(staticData).find((k) => k.startsWith('node:')) ?? ''] as IDataObject;

/** The registered webhook's secret, as SEEK Pass (the sandbox) knows it. */
async function secretAtSeekPass(): Promise<string> {
	const hooks = await env.control<Array<{ id: string; secret: string }>>('GET', '/webhooks');
	return hooks.find((h) => h.id === state().webhookId)?.secret as string;
}

/** Secret the tests sign with: the registered webhook's, read from SEEK Pass, never from static data. */
let webhookSecret = '';

async function activate(): Promise<void> {
	if (!(await lifecycle('checkExists'))) expect(await lifecycle('create')).toBe(true);
	webhookSecret = await secretAtSeekPass();
}

/** Has the sandbox sign and send an event to the trigger; answers with the trigger's status. */
async function send(body: Record<string, unknown>): Promise<{ status: number }> {
	return await env.control('POST', `/webhooks/${state().webhookId as string}/send`, body);
}

const sign = (payload: string) => createHmac('sha256', webhookSecret).update(payload).digest('hex');

beforeAll(async () => {
	env = await startSeekPassEnv();
	server = http.createServer((req, res) => void receive(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/seek-pass-trigger/webhook`;
});
afterAll(async () => {
	await new Promise((resolve) => server?.close(resolve));
	await env?.close();
});
beforeEach(() => {
	env.sb.reset();
	staticData = {};
	calls.length = 0;
	parameters = { events: ['verified'], options: { fetchVerificationResult: true } };
});

async function newVerification(requestId: string): Promise<void> {
	const run = await env.run({
		resource: 'verification',
		operation: 'create',
		partner_name: 'Acme',
		verificationFields: { request_id: requestId },
	});
	expect(run.error).toBeUndefined();
}

test('registers on activation, emits a verified event with its result, deletes on deactivation', async () => {
	await activate();
	expect(state()).toMatchObject({
		webhookId: expect.any(String),
		webhookSecretSealed: expect.stringMatching(/^v1\./),
		webhookUrl,
	});
	expect(webhookSecret).toMatch(/^[0-9a-f]{64}$/);
	expect(JSON.stringify(staticData)).not.toContain(webhookSecret);
	const hooks = await env.control<Array<{ id: string; url: string }>>('GET', '/webhooks');
	expect(hooks).toEqual([expect.objectContaining({ id: state().webhookId, url: webhookUrl })]);
	expect(await lifecycle('checkExists')).toBe(true);

	await newVerification('vr-1');
	const completed = await env.control<{ deliveries: Array<{ status: number }> }>(
		'POST',
		'/verifications/vr-1',
		{
			status: 'verified',
			credential: { full_name: 'Sam Person', date_of_birth: '1991-02-03' },
		},
	);
	expect(completed.deliveries.map((d) => d.status)).toEqual([200]);
	expect(calls).toHaveLength(1);
	// Answered by the node itself, so that n8n saves the remembered event id before the run starts.
	expect(calls[0]).toMatchObject({
		status: 200,
		body: { received: true },
		noWebhookResponse: true,
	});
	expect(calls[0].workflowData?.[0].map((i) => i.json)).toEqual([
		{
			event: 'verified',
			event_id: expect.any(String),
			request_id: 'vr-1',
			type: 'vwsp_request.verified',
			created_at: expect.any(String),
			verification: {
				request_id: 'vr-1',
				status: 'verified',
				credential: { full_name: 'Sam Person', date_of_birth: '1991-02-03' },
				verified_at: expect.any(String),
			},
		},
	]);

	expect(await lifecycle('delete')).toBe(true);
	expect(await env.control<unknown[]>('GET', '/webhooks')).toEqual([]);
	expect(state()).toEqual({});
});

test('events the user did not pick are acknowledged without starting the workflow', async () => {
	parameters = { events: ['verified', 'incomplete'] };
	await activate();
	await newVerification('vr-2');
	await env.control('POST', '/verifications/vr-2', { status: 'canceled' });
	expect(calls.map((c) => [c.status, c.workflowData])).toEqual([[200, null]]);
	expect(calls[0].body).toEqual({ received: true, ignored: 'event not selected' });

	await env.control('POST', '/verifications/vr-2', { status: 'incomplete' });
	expect(calls[1].workflowData?.[0][0].json).toMatchObject({
		event: 'incomplete',
		request_id: 'vr-2',
	});
	expect(calls[1].workflowData?.[0][0].json).not.toHaveProperty('verification');
});

describe('refusals never start the workflow', () => {
	beforeEach(async () => {
		await activate();
	});

	const expectRefused = (status: number) => {
		expect(calls.at(-1)?.status).toBe(status);
		expect(calls.at(-1)?.workflowData).toBeNull();
		expect(calls.at(-1)?.noWebhookResponse).toBe(true);
	};

	test('a signature made with the wrong secret: 401', async () => {
		const body = await send({ request_id: 'vr-x', secret: 'a'.repeat(64) });
		expect(body.status).toBe(401);
		expectRefused(401);
	});

	test('a body changed after signing: 401', async () => {
		const timestamp = Math.floor(Date.now() / 1000);
		const original = JSON.stringify({
			event_id: 'ev-1',
			request_id: 'vr-x',
			type: 'vwsp_request.canceled',
			created_at: 'x',
		});
		const changed = original.replace('canceled', 'verified');
		const body = await send({
			body: changed,
			timestamp,
			signature: sign(`${timestamp}.${original}`),
		});
		expect(body.status).toBe(401);
		expectRefused(401);
		// The same signature over the body it was made for is accepted: the refusal was the change.
		const genuine = await send({
			body: original,
			timestamp,
			signature: sign(`${timestamp}.${original}`),
		});
		expect(genuine.status).toBe(200);
	});

	test('a stale timestamp, correctly signed: 401', async () => {
		const body = await send({ request_id: 'vr-x', timestamp: Math.floor(Date.now() / 1000) - 301 });
		expect(body.status).toBe(401);
		expectRefused(401);
	});

	test('a replayed event: acknowledged, the workflow runs once', async () => {
		await newVerification('vr-3');
		const fired = await env.control<{ event: { event_id: string } }>(
			'POST',
			'/verifications/vr-3',
			{ status: 'verified' },
		);
		expect(calls.at(-1)?.workflowData).not.toBeNull();

		const replayed = await env.control<{ status: number }>(
			'POST',
			`/webhooks/${state().webhookId as string}/redeliver/${fired.event.event_id}`,
			{},
		);
		expect(replayed.status).toBe(200);
		expect(calls.at(-1)?.body).toEqual({ received: true, ignored: 'duplicate' });
		expect(calls.at(-1)?.workflowData).toBeNull();
		expect(calls.filter((c) => c.workflowData !== null)).toHaveLength(1);
	});

	test('missing signature or timestamp headers: 401', async () => {
		await newVerification('vr-4');
		const body = JSON.stringify({
			event_id: 'ev-2',
			request_id: 'vr-4',
			type: 'vwsp_request.verified',
		});
		const timestamp = String(Math.floor(Date.now() / 1000));
		const post = (headers: Record<string, string>) =>
			fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			});

		expect((await post({})).status).toBe(401);
		expectRefused(401);
		expect((await post({ 'x-timestamp': timestamp })).status).toBe(401);
		expect(calls.at(-1)?.body).toEqual({ error: 'unauthorized' });
		expect((await post({ 'x-signature': sign(`${timestamp}.${body}`) })).status).toBe(401);
		expect(calls.at(-1)?.body).toEqual({ error: 'unauthorized' });
		expect(
			(await post({ 'x-timestamp': timestamp, 'x-signature': sign(`${timestamp}.${body}`) }))
				.status,
		).toBe(200);
	});

	test('a signed body that is not a SEEK Pass event: 400', async () => {
		const body = await send({ body: '{"hello":"world"}' });
		expect(body.status).toBe(400);
		expectRefused(400);
	});
});

test('when the result cannot be fetched the call fails (500) and SEEK Pass’s retry is not taken for a replay', async () => {
	await activate();
	const first = await send({ request_id: 'vr-not-yet', type: 'vwsp_request.verified' });
	expect(first.status).toBe(500);
	expect(calls.at(-1)?.workflowData).toBeNull();

	// SEEK Pass sends the same event again once the result exists.
	await newVerification('vr-not-yet');
	const eventBody = (env.sb.webhookDeliveries().at(-1) as { body: string }).body;
	const retried = await send({ body: eventBody });
	expect(retried.status).toBe(200);
	expect(calls.at(-1)?.workflowData?.[0][0].json).toMatchObject({
		request_id: 'vr-not-yet',
		verification: { status: 'incomplete' },
	});
});

test('overlapping deliveries (n8n loads and saves static data per call, last save wins): every replay is still refused', async () => {
	await activate();
	const ids = ['vr-o1', 'vr-o2', 'vr-o3', 'vr-o4'];
	for (const id of ids) await newVerification(id);
	// Each call fetches the result, so with some latency the four calls overlap.
	env.sb.setSwitches({ latencyMs: 150 });
	const fired = await Promise.all(
		ids.map(
			async (id) =>
				await env.control<{ event: { event_id: string } }>('POST', `/verifications/${id}`, {
					status: 'verified',
				}),
		),
	);
	expect(calls.filter((c) => c.workflowData !== null)).toHaveLength(4);
	// The stored list after the last save holds all four, though each call saved its own copy.
	expect([...(state().receivedEventIds as string[])].sort()).toEqual(
		fired.map((f) => f.event.event_id).sort(),
	);

	for (const f of fired) {
		const body = await env.control<{ status: number }>(
			'POST',
			`/webhooks/${state().webhookId as string}/redeliver/${f.event.event_id}`,
			{},
		);
		expect(body.status).toBe(200);
		expect(calls.at(-1)?.body).toEqual({ received: true, ignored: 'duplicate' });
	}
	// A delivery and its replay at the same moment: one run.
	const event = JSON.stringify({
		event_id: randomUUID(),
		request_id: 'vr-o1',
		type: 'vwsp_request.verified',
		created_at: new Date().toISOString(),
	});
	const both = await Promise.all([send({ body: event }), send({ body: event })]);
	expect(both.map((b) => b.status)).toEqual([200, 200]);
	expect(calls.filter((c) => c.workflowData !== null)).toHaveLength(5);
	expect(calls.filter((c) => (c.body as IDataObject)?.ignored === 'duplicate')).toHaveLength(5);
	env.sb.setSwitches({ latencyMs: 0 });
});

test('configured header names and payload layout are used', async () => {
	parameters = {
		events: ['verified'],
		options: {
			signatureHeader: 'Seek-Sig',
			timestampHeader: 'Seek-Time',
			signedPayload: 'v1:{timestamp}:{body}',
		},
	};
	await activate();
	const body = JSON.stringify({
		event_id: 'ev-3',
		request_id: 'vr-x',
		type: 'vwsp_request.verified',
	});
	const timestamp = String(Math.floor(Date.now() / 1000));
	const response = await fetch(webhookUrl, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'seek-time': timestamp,
			'seek-sig': sign(`v1:${timestamp}:${body}`),
		},
		body,
	});
	expect(response.status).toBe(200);
	expect(calls.at(-1)?.workflowData?.[0][0].json).toMatchObject({ event_id: 'ev-3' });
	// The sandbox signs with the defaults, which this trigger no longer accepts.
	expect((await send({ request_id: 'vr-x' })).status).toBe(401);
});

test('re-registers when the webhook vanished at SEEK Pass', async () => {
	await activate();
	const first = state().webhookId as string;
	const deleted = await env.run({ resource: 'webhook', operation: 'delete', webhookId: first });
	expect(deleted.error).toBeUndefined();

	expect(await lifecycle('checkExists')).toBe(false);
	expect(state()).toEqual({});
	expect(await lifecycle('create')).toBe(true);
	expect(state().webhookId).not.toBe(first);
	const hooks = await env.control<Array<{ id: string }>>('GET', '/webhooks');
	expect(hooks.map((h) => h.id)).toEqual([state().webhookId]);
});

test('an invalid payload layout fails activation before anything is registered', async () => {
	parameters = { events: ['verified'], options: { signedPayload: '{timestamp}' } };
	await expect(lifecycle('create')).rejects.toThrow(
		/Signed Payload Layout must contain \{body\} exactly once/,
	);
	expect(await env.control<unknown[]>('GET', '/webhooks')).toEqual([]);
});

describe('the webhook secret at rest', () => {
	const sealedWith = (clientSecret: string) =>
		sealSecret(webhookSecret, clientSecret, state().webhookId as string);

	test('static data never holds the secret in plain text, through deliveries and re-registration', async () => {
		await activate();
		await newVerification('vr-s1');
		await env.control('POST', '/verifications/vr-s1', { status: 'verified' });
		expect(calls.at(-1)?.workflowData).not.toBeNull();
		expect(JSON.stringify(staticData)).not.toContain(webhookSecret);
		expect(state()).not.toHaveProperty('webhookSecret');

		// Deactivated and activated again: a new webhook, a new secret, sealed as well.
		expect(await lifecycle('delete')).toBe(true);
		const first = webhookSecret;
		await activate();
		expect(webhookSecret).not.toBe(first);
		expect(JSON.stringify(staticData)).not.toContain(webhookSecret);
		expect((await send({ request_id: 'vr-s1', type: 'vwsp_request.verified' })).status).toBe(200);
	});

	test('a plain-text secret stored by an earlier release still verifies, and is then stored sealed', async () => {
		await activate();
		delete state().webhookSecretSealed;
		state().webhookSecret = webhookSecret;

		await newVerification('vr-s2');
		await env.control('POST', '/verifications/vr-s2', { status: 'verified' });
		expect(calls.at(-1)?.status).toBe(200);
		expect(calls.at(-1)?.workflowData).not.toBeNull();
		expect(state()).not.toHaveProperty('webhookSecret');
		expect(state().webhookSecretSealed).toMatch(/^v1\./);
		expect(JSON.stringify(staticData)).not.toContain(webhookSecret);
		// The sealed copy verifies the next event.
		expect((await send({ request_id: 'vr-s2', type: 'vwsp_request.verified' })).status).toBe(200);
	});

	test('a secret sealed with another client secret is refused, and activation rotates it', async () => {
		await activate();
		state().webhookSecretSealed = sealedWith('the client secret before it was changed');
		expect((await send({ request_id: 'vr-x' })).status).toBe(401);

		const before = webhookSecret;
		expect(await lifecycle('checkExists')).toBe(true);
		webhookSecret = await secretAtSeekPass();
		expect(webhookSecret).not.toBe(before);
		expect(JSON.stringify(staticData)).not.toContain(webhookSecret);
		await newVerification('vr-s3');
		await env.control('POST', '/verifications/vr-s3', { status: 'verified' });
		expect(calls.at(-1)?.status).toBe(200);
		expect(calls.at(-1)?.workflowData?.[0][0].json).toMatchObject({ request_id: 'vr-s3' });
	});
});
