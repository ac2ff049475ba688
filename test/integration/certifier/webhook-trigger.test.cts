// The Certifier Trigger fed by the sandbox's signed deliveries: a small relay hands each HTTP
// delivery to the harness's runWebhook (n8n's production webhook path), keeping the workflow's
// static data between calls as n8n does. Picked events start one run each; a wrong secret, an
// altered body, a missing signature header and a redelivered event start none.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { WebhookRun } from '../../in-process/index.cjs';
import { startCertifierEnv, type CertifierEnv, SEED_GROUP } from './env.cjs';

const SECRET = 'whsec_integration_0123456789';
let env: CertifierEnv;
let webhookCredential: string;

beforeAll(async () => {
	env = await startCertifierEnv();
	webhookCredential = env.n8n.setCredential('certifierWebhookApi', {
		id: 'certifier-webhook',
		data: { secret: SECRET },
	});
});
afterAll(async () => await env?.close());
beforeEach(() => env.sb.reset());

interface Relay {
	url: string;
	calls: WebhookRun[];
	runs(): IDataObject[];
	staticData(): IDataObject;
	close(): Promise<void>;
}

async function relay(
	parameters: INodeParameters,
	initialStaticData: IDataObject = {},
): Promise<Relay> {
	const calls: WebhookRun[] = [];
	let staticData: IDataObject = initialStaticData;
	// One saved workflow: n8n keeps its id and the node's id across calls.
	const ids = { workflowId: randomUUID(), nodeId: randomUUID() };
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const run = await env.n8n.runWebhook({
					type: 'certifierTrigger',
					...ids,
					parameters,
					credentials: { certifierWebhookApi: webhookCredential, certifierApi: env.credentialId },
					request: {
						method: req.method ?? 'POST',
						headers: req.headers,
						rawBody: Buffer.concat(chunks),
					},
					staticData,
				});
				staticData = run.staticData;
				calls.push(run);
				res
					.writeHead(run.status ?? 500, { 'content-type': 'application/json' })
					.end(JSON.stringify(run.body ?? null));
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
		calls,
		runs: () => calls.filter((c) => c.workflowData !== null).map((c) => c.workflowData![0][0].json),
		staticData: () => staticData,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

let hook: Relay;
afterEach(async () => await hook?.close());

async function createAndIssue(): Promise<string> {
	const { id } = await env.api('POST', '/credentials', {
		groupId: SEED_GROUP,
		recipient: { name: 'Ada', email: 'ada@example.org' },
	});
	await env.api('POST', `/credentials/${id}/issue`);
	await env.control('POST', '/webhooks/flush');
	return id;
}

const sign = (body: string, secret = SECRET) =>
	createHmac('sha256', secret).update(body).digest('hex');
const eventBody = (id: string) =>
	JSON.stringify({
		id,
		type: 'credential.issued',
		createdAt: '2024-01-01T00:00:00.000Z',
		data: { resource: { id: 'x', type: 'credential' } },
	});

async function post(body: string, headers: Record<string, string>) {
	const res = await fetch(hook.url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	return { status: res.status, body: (await res.json()) as unknown };
}

test('signed deliveries of picked events start one run each, with the credential fetched', async () => {
	hook = await relay({
		events: ['credential.created', 'credential.issued'],
		includeCredential: true,
	});
	await env.control('POST', '/webhooks', { url: hook.url, secret: SECRET });
	const id = await createAndIssue();
	const runs = hook.runs();
	expect(runs.map((r) => r.type)).toEqual(['credential.created', 'credential.issued']);
	expect(runs[1]).toMatchObject({
		credentialId: id,
		data: { resource: { id, type: 'credential' } },
		credential: { id, status: 'issued', groupId: SEED_GROUP },
	});
	expect(hook.calls.map((c) => c.status)).toEqual([200, 200]);
});

test('a delivery that carries data.credential and data.credentialInteraction is used as sent: no fetch', async () => {
	hook = await relay({ events: ['credential.viewed'], includeCredential: true });
	await env.control('POST', '/webhooks', { url: hook.url, secret: SECRET });
	const id = await createAndIssue();
	const interaction = await env.api('POST', '/credential-interactions', {
		credentialId: id,
		eventType: 'credential_viewed',
	});
	await env.control('POST', '/webhooks/flush');
	const [run] = hook.runs();
	expect(run).toMatchObject({
		type: 'credential.viewed',
		credentialId: id,
		credential: { id, status: 'issued', groupId: SEED_GROUP },
		credentialInteraction: interaction,
	});
	expect(env.apiRequests({ method: 'GET', pathIncludes: `/credentials/${id}` })).toHaveLength(0);
});

test('events the user did not pick are acknowledged without a run', async () => {
	hook = await relay({ events: ['credential.issued'] });
	await env.control('POST', '/webhooks', {
		url: hook.url,
		secret: SECRET,
		events: ['credential.created'],
	});
	await env.api('POST', '/credentials', { groupId: SEED_GROUP, recipient: { name: 'Ada' } });
	await env.control('POST', '/webhooks/flush');
	expect(hook.calls.map((c) => [c.status, c.body])).toEqual([
		[200, { received: true, ignored: 'event not selected' }],
	]);
	expect(hook.runs()).toHaveLength(0);
});

test('signed with the wrong secret: 401 and no run', async () => {
	hook = await relay({ events: ['credential.created', 'credential.issued'] });
	await env.control('POST', '/webhooks', { url: hook.url, secret: 'whsec_somebody_else' });
	await createAndIssue();
	expect(env.sb.webhookDeliveries().map((d) => d.status)).toEqual([401, 401]);
	expect(hook.calls.every((c) => c.noWebhookResponse && c.workflowData === null)).toBe(true);
	expect(hook.calls[0].body).toEqual({ error: 'unauthorized' });
	expect(hook.runs()).toHaveLength(0);
});

test('a body altered after signing: 401 and no run', async () => {
	hook = await relay({ events: ['credential.issued'] });
	const body = eventBody('01j00000000000000000000001');
	expect(await post(body.replace('"x"', '"y"'), { 'X-Webhook-Signature': sign(body) })).toEqual({
		status: 401,
		body: { error: 'unauthorized' },
	});
	expect(hook.runs()).toHaveLength(0);
	expect(await post(body, { 'X-Webhook-Signature': sign(body) })).toMatchObject({ status: 200 });
	expect(hook.runs()).toHaveLength(1);
});

test('no X-Webhook-Signature header: 401, no run, and the id is not remembered', async () => {
	hook = await relay({ events: ['credential.issued'] });
	const body = eventBody('01j00000000000000000000002');
	expect((await post(body, {})).status).toBe(401);
	expect(hook.runs()).toHaveLength(0);
	expect(JSON.stringify(hook.staticData())).not.toContain('01j00000000000000000000002');
	// The genuine delivery of the same event still runs.
	expect((await post(body, { 'X-Webhook-Signature': sign(body) })).status).toBe(200);
	expect(hook.runs()).toHaveLength(1);
});

test('a redelivered event (same id, same signed body) starts no second run', async () => {
	hook = await relay({ events: ['credential.issued'] });
	await env.control('POST', '/webhooks', {
		url: hook.url,
		secret: SECRET,
		events: ['credential.issued'],
	});
	await createAndIssue();
	expect(hook.runs()).toHaveLength(1);
	const { events } = await env.control('GET', '/webhooks/events');
	const issued = events.find((e: { type: string }) => e.type === 'credential.issued');
	const { deliveries } = await env.control('POST', `/webhooks/redeliver/${issued.id}`);
	expect(deliveries).toEqual([expect.objectContaining({ status: 200 })]);
	expect(hook.calls.at(-1)?.body).toEqual({ received: true, ignored: 'duplicate' });
	expect(hook.runs()).toHaveLength(1);
	expect(JSON.stringify(hook.staticData())).toContain(issued.id);
});

test('a replay with a bad signature is refused, not reported as a duplicate', async () => {
	hook = await relay({ events: ['credential.issued'] });
	const body = eventBody('01j00000000000000000000003');
	expect((await post(body, { 'X-Webhook-Signature': sign(body) })).status).toBe(200);
	expect(await post(body, { 'X-Webhook-Signature': sign(body, 'whsec_wrong') })).toEqual({
		status: 401,
		body: { error: 'unauthorized' },
	});
	expect(hook.runs()).toHaveLength(1);
});

test('event ids remembered by an earlier release (seenEventIds) still count after the upgrade', async () => {
	const body = eventBody('01j00000000000000000000004');
	hook = await relay(
		{ events: ['credential.issued'] },
		{ 'node:Certifier Trigger': { seenEventIds: ['01j00000000000000000000004'] } },
	);
	expect(await post(body, { 'X-Webhook-Signature': sign(body) })).toEqual({
		status: 200,
		body: { received: true, ignored: 'duplicate' },
	});
	expect(hook.runs()).toHaveLength(0);
});

test('overlapping deliveries (each call loads and saves its own static data, last save wins): no redelivery runs twice', async () => {
	hook = await relay({ events: ['credential.issued'], includeCredential: true });
	const { id: credentialId } = await env.api('POST', '/credentials', {
		groupId: SEED_GROUP,
		recipient: { name: 'Ada', email: 'ada@example.org' },
	});
	const bodies = Array.from({ length: 6 }, (_, i) =>
		JSON.stringify({
			id: `01j0000000000000000000ovl${i}`,
			type: 'credential.issued',
			createdAt: '2024-01-01T00:00:00.000Z',
			data: { resource: { id: credentialId, type: 'credential' } },
		}),
	);
	// Each call fetches the credential, so with some latency the calls overlap.
	env.sb.setSwitches({ latencyMs: 100 });
	try {
		// Every delivery twice, all at once, as a vendor retrying a slow endpoint would.
		const answers = await Promise.all(
			[...bodies, ...bodies].map((b) => post(b, { 'X-Webhook-Signature': sign(b) })),
		);
		expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
		expect(
			hook
				.runs()
				.map((r) => r.id)
				.sort(),
		).toEqual(bodies.map((b) => JSON.parse(b).id).sort());
		// The stored list after the last save holds every id, though the calls overlapped.
		expect(
			[
				...((hook.staticData()['node:Certifier Trigger'] as IDataObject)
					.receivedEventIds as string[]),
			].sort(),
		).toEqual(bodies.map((b) => JSON.parse(b).id).sort());
		for (const b of bodies)
			expect((await post(b, { 'X-Webhook-Signature': sign(b) })).body).toEqual({
				received: true,
				ignored: 'duplicate',
			});
		expect(hook.runs()).toHaveLength(6);
	} finally {
		env.sb.setSwitches({ latencyMs: 0 });
	}
});

test('activation records the URL to paste (Certifier has no webhook API); deactivation forgets it but not the event ids', async () => {
	const base = {
		type: 'certifierTrigger',
		parameters: { events: ['credential.issued'] },
		credentials: { certifierWebhookApi: webhookCredential },
	};
	const seen = { 'node:Certifier Trigger': { receivedEventIds: ['01j0000000000000000000evt1'] } };
	const before = await env.n8n.runWebhookMethod({
		...base,
		method: 'checkExists',
		staticData: seen,
	});
	expect(before.result).toBe(false);
	const created = await env.n8n.runWebhookMethod({
		...base,
		method: 'create',
		staticData: before.staticData,
	});
	expect(created.result).toBe(true);
	expect(created.staticData['node:Certifier Trigger']).toMatchObject({
		webhookUrl: created.webhookUrl,
	});
	const after = await env.n8n.runWebhookMethod({
		...base,
		method: 'checkExists',
		staticData: created.staticData,
	});
	expect(after.result).toBe(true);
	const deleted = await env.n8n.runWebhookMethod({
		...base,
		method: 'delete',
		staticData: after.staticData,
	});
	expect(deleted.result).toBe(true);
	expect(deleted.staticData['node:Certifier Trigger']).toEqual({
		receivedEventIds: ['01j0000000000000000000evt1'],
	});
});
