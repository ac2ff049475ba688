// Proves the harness runs trigger nodes through n8n-core's real webhook, hook and poll
// contexts: webhook registration with an authenticated credential, a delivery checked
// over its raw bytes and answered by the node itself, n8n's answers for webhookResponse
// and for a started workflow, and static data carried from one call to the next.
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import {
	createInProcessN8n,
	stableWebhookId,
	type InProcessN8n,
	type WebhookRequestInput,
} from '../../in-process/index.cjs';
import { ProbeHeaderTokenApi } from '../../in-process/fixtures/probe-node.cjs';
import { startHookServer, type HookServer } from '../../in-process/fixtures/hook-server.cjs';
import {
	ProbePollTrigger,
	ProbeWebhookTrigger,
	SIGNATURE_HEADER,
	signBody,
} from '../../in-process/fixtures/trigger-probes.cjs';
import { WebhookResponseRecorder } from '../../in-process/webhook-response.cjs';

const TOKEN = 'hook-api-token';
const WEBHOOK = 'probeWebhookTrigger';
const POLL = 'probePollTrigger';
const WEBHOOK_NODE = 'node:Probe Webhook Trigger';
const POLL_NODE = 'node:Probe Poll Trigger';

let server: HookServer;
let n8n: InProcessN8n;

beforeAll(async () => {
	server = await startHookServer(TOKEN);
	n8n = await createInProcessN8n({
		nodeTypes: [new ProbeWebhookTrigger(), new ProbePollTrigger()],
		credentialTypes: [new ProbeHeaderTokenApi()],
	});
	n8n.setCredential('probeHeaderTokenApi', { id: 'good', data: { accessToken: TOKEN } });
	n8n.setCredential('probeHeaderTokenApi', { id: 'bad', data: { accessToken: 'wrong' } });
});

afterAll(async () => {
	await server?.close();
});

const hookMethod = async (
	method: 'checkExists' | 'create' | 'delete',
	staticData: IDataObject,
	extra: { webhookUrl?: string; credential?: string } = {},
) =>
	await n8n.runWebhookMethod({
		type: WEBHOOK,
		parameters: { baseUrl: server.baseUrl },
		credentials: { probeHeaderTokenApi: extra.credential ?? 'good' },
		staticData,
		method,
		webhookUrl: extra.webhookUrl,
	});

const nodeData = (staticData: IDataObject, key = WEBHOOK_NODE) => staticData[key] as IDataObject;

describe('webhookMethods through a real HookContext', () => {
	test('create registers the webhook URL with the credential, keeps id and secret; checkExists and delete use them', async () => {
		const defaultUrl = `http://127.0.0.1:5678/webhook/${stableWebhookId(WEBHOOK)}/webhook`;

		const before = await hookMethod('checkExists', {});
		expect(before.result).toBe(false);

		const callsBefore = server.calls.length;
		const created = await hookMethod('create', before.staticData);
		expect(created.result).toBe(true);
		expect(created.webhookUrl).toBe(defaultUrl);
		const { hookId, secret } = nodeData(created.staticData);
		expect(server.hooks.get(hookId as string)).toMatchObject({
			url: defaultUrl,
			events: ['credential.issued'],
			secret,
		});
		const createCall = server.calls[callsBefore];
		expect(createCall.method).toBe('POST');
		expect(createCall.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(createCall.headers['x-client']).toBe('career-credentials-harness');

		const exists = await hookMethod('checkExists', created.staticData);
		expect(exists.result).toBe(true);

		const deleted = await hookMethod('delete', exists.staticData);
		expect(deleted.result).toBe(true);
		expect(server.hooks.has(hookId as string)).toBe(false);
		expect(nodeData(deleted.staticData)).toEqual({});
	});

	test('checkExists answers false and forgets the id when the API no longer has the webhook', async () => {
		const created = await hookMethod('create', {});
		server.hooks.delete(nodeData(created.staticData).hookId as string);

		const exists = await hookMethod('checkExists', created.staticData);

		expect(exists.result).toBe(false);
		expect(nodeData(exists.staticData)).toEqual({});
	});

	test('a pinned webhookUrl is what the node registers', async () => {
		const webhookUrl = 'https://n8n.example.test/webhook/pinned';
		const created = await hookMethod('create', {}, { webhookUrl });

		expect(created.webhookUrl).toBe(webhookUrl);
		expect(server.hooks.get(nodeData(created.staticData).hookId as string)?.url).toBe(webhookUrl);
	});

	test('a failing create rejects with the NodeApiError the node threw (activation fails)', async () => {
		const failing = hookMethod('create', {}, { credential: 'bad' });

		await expect(failing).rejects.toBeInstanceOf(NodeApiError);
		await expect(failing).rejects.toMatchObject({ httpCode: '401' });
	});
});

describe('webhook() through a real WebhookContext', () => {
	let registered: IDataObject;
	let secret: string;

	beforeAll(async () => {
		registered = (await hookMethod('create', {})).staticData;
		secret = nodeData(registered).secret as string;
	});

	// Deliberately not JSON.stringify's output: a node that re-serialises the parsed body
	// instead of using rawBody computes a different signature.
	const delivery = (id: number, signWith = secret): WebhookRequestInput => {
		const rawBody = Buffer.from(`{ "type": "credential.issued",\n  "id": ${id} }`);
		return {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				// Upper case on purpose: node:http lower-cases names and the node reads lower case.
				[SIGNATURE_HEADER.toUpperCase()]: signBody(signWith, rawBody),
			},
			query: { source: 'api' },
			body: undefined,
			rawBody,
		};
	};
	const deliver = async (request: WebhookRequestInput, staticData = registered) =>
		await n8n.runWebhook({
			type: WEBHOOK,
			parameters: { baseUrl: server.baseUrl },
			credentials: { probeHeaderTokenApi: 'good' },
			staticData,
			request,
		});

	test('a valid signature over the raw bytes starts the workflow; n8n answers "Workflow was started"', async () => {
		const run = await deliver(delivery(1));

		expect(run.error).toBeUndefined();
		expect(run.noWebhookResponse).toBe(false);
		expect(run.workflowData).toEqual([
			[
				{
					json: {
						event: { type: 'credential.issued', id: 1 },
						query: { source: 'api' },
						webhookUrl: `http://127.0.0.1:5678/webhook/${stableWebhookId(WEBHOOK)}/webhook`,
					},
				},
			],
		]);
		expect(run.responseMode).toBe('onReceived');
		expect(run.status).toBe(200);
		expect(run.body).toEqual({ message: 'Workflow was started' });
	});

	test('a bad signature is answered 401 by the node itself and starts nothing', async () => {
		const run = await deliver(delivery(2, 'not-the-secret'));

		expect(run.noWebhookResponse).toBe(true);
		expect(run.workflowData).toBeNull();
		expect(run.status).toBe(401);
		expect(run.body).toEqual({ message: 'invalid signature' });
		expect(run.headers['content-type']).toMatch(/^application\/json/);
		expect(run.staticData).toEqual(registered);
	});

	test('static data carries seen ids to the next call: a replay gets webhookResponse, no workflow', async () => {
		const first = await deliver(delivery(3));
		expect(nodeData(first.staticData).seenIds).toEqual(['3']);

		const replay = await deliver(delivery(3), first.staticData);
		expect(replay.workflowData).toBeNull();
		expect(replay.webhookResponse).toEqual({ duplicate: true, id: 3 });
		expect(replay.status).toBe(200);
		expect(replay.body).toEqual({ duplicate: true, id: 3 });

		// Without the first call's static data the same event is new again.
		const fresh = await deliver(delivery(3));
		expect(fresh.workflowData).not.toBeNull();
	});

	test('the node is told the pinned webhookUrl', async () => {
		const run = await n8n.runWebhook({
			type: WEBHOOK,
			parameters: { baseUrl: server.baseUrl },
			credentials: { probeHeaderTokenApi: 'good' },
			staticData: registered,
			request: delivery(4),
			webhookUrl: 'https://n8n.example.test/webhook/pinned',
		});

		expect(run.workflowData?.[0][0].json.webhookUrl).toBe(
			'https://n8n.example.test/webhook/pinned',
		);
	});
});

describe('poll() through a real PollContext', () => {
	const poll = async (staticData: IDataObject, mode?: 'trigger' | 'manual', credential = 'good') =>
		await n8n.runPoll({
			type: POLL,
			parameters: { baseUrl: server.baseUrl },
			credentials: { probeHeaderTokenApi: credential },
			staticData,
			mode,
		});

	test('emits only what is new since the cursor kept in static data, and null when nothing is', async () => {
		server.addItems('before activation');

		const first = await poll({});
		expect(first.output).toBeNull();
		const cursor = nodeData(first.staticData, POLL_NODE).lastId as number;
		expect(cursor).toBeGreaterThan(0);

		const added = server.addItems('one', 'two');
		const second = await poll(first.staticData);
		expect(second.error).toBeUndefined();
		expect(second.output).toEqual([added.map((item) => ({ json: item }))]);
		expect(nodeData(second.staticData, POLL_NODE).lastId).toBe(added[1].id);

		const third = await poll(second.staticData);
		expect(third.output).toBeNull();
		expect(third.staticData).toEqual(second.staticData);
	});

	test("manual mode returns a sample and n8n keeps none of the node's static data writes", async () => {
		const start = (await poll({})).staticData;
		const [latest] = server.addItems('sample');

		const manual = await poll(start, 'manual');
		expect(manual.output).toEqual([[{ json: latest }]]);
		expect(manual.staticData).toEqual(start);

		const tick = await poll(manual.staticData);
		expect(tick.output).toEqual([[{ json: latest }]]);
	});

	test('an error is reported as thrown (NodeApiError) with no output', async () => {
		const failed = await poll({}, 'trigger', 'bad');

		expect(failed.output).toBeNull();
		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect((failed.error as NodeApiError).httpCode).toBe('401');
	});
});

describe('the response object a webhook node answers through', () => {
	test('records status, headers and body like Express, and refuses to answer twice', () => {
		const res = new WebhookResponseRecorder();
		res.setHeader('X-Trace', 'abc');
		res.redirect('https://smartresume.example.test/import');

		expect(res.recorded()).toEqual({
			statusCode: 302,
			headers: { 'x-trace': 'abc', location: 'https://smartresume.example.test/import' },
			body: undefined,
			ended: true,
		});
		expect(() => res.send('again')).toThrow(/ERR_HTTP_HEADERS_SENT/);
		expect(() => res.end()).not.toThrow();

		const text = new WebhookResponseRecorder().status(403).send('no');
		expect(text.recorded()).toMatchObject({
			statusCode: 403,
			body: 'no',
			headers: { 'content-type': 'text/html; charset=utf-8' },
		});
	});
});
