// Issue 8, hostile webhooks: each trigger activated in a real n8n and attacked on its production
// URL. Every attack is refused with the right status and starts no workflow; then one valid
// delivery starts exactly one. "No workflow started" is checked without timing: attacks go
// first, the valid delivery last, and the first execution after the attacks must be the valid
// one (waitForExecution returns the oldest newer execution) and the only one.
import { createHmac, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { startSandbox, type Sandbox } from '../../sandbox/index.cjs';
import { startN8n, type N8nInstance } from '../../real-n8n/index.cjs';
import { REFUSED_REDIRECTS } from '../unit/smartresume/trigger/open-redirect-cases.cjs';

const P = 'n8n-nodes-career-credentials';
const CERTIFIER_SECRET = 'whsec_torture_5f0c2a9d7e314b6a';
// Above n8n's default request body limit (N8N_PAYLOAD_SIZE_MAX = 16 MiB). n8n 2.41 reads the
// body (raw-body with that limit) before the node's webhook() runs, and wraps raw-body's
// PayloadTooLargeError in its generic 500 "There was a problem executing the workflow", not a
// 413 (measured): the node never sees the body and no run starts.
const OVERSIZED_BYTES = 17 * 1024 * 1024;
const OVERSIZED = { status: 500, says: /There was a problem executing the workflow/ };

let sb: Sandbox;
let n8n: N8nInstance;
const refused: Record<string, number> = {};
const secrets: string[] = [CERTIFIER_SECRET];

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	n8n = await startN8n();
	secrets.push(sb.demo.seekPass.clientSecret);
}, 20 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sb?.close();
}, 60_000);

/** Imports and activates a one-trigger workflow; returns its id and production URL. */
async function activateTrigger(
	node: Record<string, unknown>,
	path: string,
): Promise<{ id: string; url: string }> {
	const webhookId = randomUUID();
	const id = await n8n.importWorkflow({
		name: `torture ${String(node.name)}`,
		nodes: [{ ...node, typeVersion: 1, webhookId, position: [0, 0] }],
		connections: {},
	});
	await n8n.activate(id);
	return { id, url: `${n8n.url}/webhook/${webhookId}/${path}` };
}

interface Attack {
	name: string;
	method?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** What must come back, and why when it is n8n rather than the node answering. */
	status: number;
	/** Something the answer must say, when the status alone does not tell who refused. */
	says?: RegExp;
}

/** Fires each attack, checks its status, counts it; returns nothing started (checked later). */
async function fire(service: string, url: string, attacks: Attack[]): Promise<void> {
	for (const attack of attacks) {
		const res = await fetch(url, {
			method: attack.method ?? 'POST',
			headers: attack.headers,
			body: attack.body,
			redirect: 'manual',
		});
		const text = await res.text();
		expect({ attack: attack.name, status: res.status }).toEqual({
			attack: attack.name,
			status: attack.status,
		});
		expect(res.headers.get('location')).toBeNull();
		if (attack.says)
			expect({ attack: attack.name, text }).toEqual({
				attack: attack.name,
				text: expect.stringMatching(attack.says),
			});
		for (const s of secrets) expect(text).not.toContain(s);
		refused[service] = (refused[service] ?? 0) + 1;
	}
}

/** The first execution after `before` is the valid one and nothing else ran. */
async function expectOnlyValidRun(
	workflowId: string,
	before: string | undefined,
	node: string,
	check: Record<string, unknown>,
) {
	const execution = await n8n.waitForExecution({ workflowId, afterId: before });
	expect(execution.nodes[node].items[0][0]).toMatchObject(check);
	expect(await n8n.lastExecutionId(workflowId)).toBe(execution.id);
}

const hex = (secret: string, payload: string) =>
	createHmac('sha256', secret).update(payload).digest('hex');

describe('SEEK Pass Trigger', () => {
	let hook: { id: string; url: string; secret: string };
	let workflowId: string;

	beforeAll(async () => {
		const credential = await n8n.createCredential('seekPassOAuth2Api', 'SEEK Pass torture', {
			environment: 'custom',
			customBaseUrl: sb.urls.seekPass,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
		});
		const { id, url } = await activateTrigger(
			{
				name: 'SEEK Pass Trigger',
				type: `${P}.seekPassTrigger`,
				parameters: { events: ['verified'], options: { fetchVerificationResult: false } },
				credentials: { seekPassOAuth2Api: { id: credential, name: 'SEEK Pass torture' } },
			},
			'webhook',
		);
		workflowId = id;
		const hooks = (await fetch(`${sb.urls.control}/seekpass/webhooks`).then((r) =>
			r.json(),
		)) as Array<{ id: string; url: string; secret: string }>;
		hook = hooks.find((h) => h.url === url)!;
		expect(hook).toBeDefined();
		secrets.push(hook.secret);
	});

	test('forged, altered, unsigned, malformed, stale, replayed, oversized, non-JSON, wrong type and method: refused', async () => {
		const now = () => String(Math.floor(Date.now() / 1000));
		const event = (eventId = randomUUID()) =>
			JSON.stringify({
				event_id: eventId,
				request_id: `req-${eventId}`,
				type: 'vwsp_request.verified',
				created_at: new Date().toISOString(),
			});
		const signed = (body: string, ts = now(), secret = hook.secret) => ({
			'content-type': 'application/json',
			'x-timestamp': ts,
			'x-signature': hex(secret, `${ts}.${body}`),
		});
		const body = event();
		const ts = now();
		const nonJson = 'event_id=1&type=verified';

		// A valid event delivered first, to replay below; its run is checked, then not counted.
		const first = await n8n.lastExecutionId(workflowId);
		const replayed = event();
		expect(
			(await fetch(hook.url, { method: 'POST', headers: signed(replayed), body: replayed })).status,
		).toBe(200);
		await expectOnlyValidRun(workflowId, first, 'SEEK Pass Trigger', {
			event_id: JSON.parse(replayed).event_id,
		});

		const before = await n8n.lastExecutionId(workflowId);
		await fire('seekPass', hook.url, [
			{
				name: 'forged signature (wrong secret)',
				headers: signed(body, ts, 'b'.repeat(64)),
				body,
				status: 401,
			},
			{
				name: 'body altered after signing',
				headers: signed(body, ts),
				body: body.replace('verified', 'canceled'),
				status: 401,
			},
			{
				name: 'timestamp altered after signing',
				headers: { ...signed(body, ts), 'x-timestamp': String(Number(ts) + 1) },
				body,
				status: 401,
			},
			{
				name: 'missing signature',
				headers: { 'content-type': 'application/json', 'x-timestamp': ts },
				body,
				status: 401,
			},
			{
				name: 'missing timestamp',
				headers: {
					'content-type': 'application/json',
					'x-signature': hex(hook.secret, `${ts}.${body}`),
				},
				body,
				status: 401,
			},
			{
				name: 'no headers at all',
				headers: { 'content-type': 'application/json' },
				body,
				status: 401,
			},
			{
				name: 'malformed signature (not hex)',
				headers: { ...signed(body, ts), 'x-signature': 'z'.repeat(64) },
				body,
				status: 401,
			},
			{
				name: 'malformed signature (truncated)',
				headers: {
					...signed(body, ts),
					'x-signature': hex(hook.secret, `${ts}.${body}`).slice(0, 32),
				},
				body,
				status: 401,
			},
			{
				name: 'malformed signature (sha256= prefix on another digest)',
				headers: { ...signed(body, ts), 'x-signature': `sha256=${'0'.repeat(64)}` },
				body,
				status: 401,
			},
			{
				name: 'malformed timestamp (signed)',
				headers: signed(body, 'yesterday'),
				body,
				status: 401,
			},
			{
				name: 'stale timestamp (signed, 10 min old)',
				headers: signed(body, String(Number(ts) - 600)),
				body,
				status: 401,
			},
			{
				name: 'future timestamp (signed, 10 min ahead)',
				headers: signed(body, String(Number(ts) + 600)),
				body,
				status: 401,
			},
			// A replay carries a genuine signature: it is acknowledged (200, so SEEK Pass stops
			// resending) but never runs the workflow again.
			{ name: 'replayed event', headers: signed(replayed), body: replayed, status: 200 },
			{
				name: 'oversized body',
				headers: signed(body, ts),
				body: Buffer.alloc(OVERSIZED_BYTES, 0x20),
				...OVERSIZED,
			},
			// Labelled JSON but not JSON: n8n's body parser answers 422 before the node runs.
			{
				name: 'non-JSON body labelled JSON, validly signed',
				headers: signed(nonJson, ts),
				body: nonJson,
				status: 422,
			},
			// Authentic but not what SEEK Pass sends: refused by media type before the body is read.
			{
				name: 'non-JSON body as text, validly signed',
				headers: { ...signed(nonJson, ts), 'content-type': 'text/plain' },
				body: nonJson,
				status: 415,
				says: /unsupported media type/,
			},
			{
				name: 'wrong content type (form), validly signed',
				headers: { ...signed(body, ts), 'content-type': 'application/x-www-form-urlencoded' },
				body,
				status: 415,
			},
			{ name: 'empty body, validly signed', headers: signed('', ts), body: '', status: 400 },
			{
				name: 'JSON that is not an event, validly signed',
				headers: signed('{"hello":"world"}', ts),
				body: '{"hello":"world"}',
				status: 400,
			},
			{
				name: 'wrong content type, unsigned',
				headers: { 'content-type': 'text/plain' },
				body,
				status: 401,
			},
			{
				name: 'wrong content type (form), forged',
				headers: { ...signed(body, ts, 'x'), 'content-type': 'application/x-www-form-urlencoded' },
				body,
				status: 401,
			},
			// n8n only routes the method the trigger registered (POST); for another it answers 404
			// "webhook not registered" itself, before any node code.
			{ name: 'wrong method GET', method: 'GET', status: 404, says: /not registered/i },
			{
				name: 'wrong method PUT',
				method: 'PUT',
				headers: signed(body, ts),
				body,
				status: 404,
				says: /not registered/i,
			},
			{ name: 'wrong method DELETE', method: 'DELETE', status: 404 },
		]);

		// The same event, genuinely signed, is the next and only run.
		expect((await fetch(hook.url, { method: 'POST', headers: signed(body), body })).status).toBe(
			200,
		);
		await expectOnlyValidRun(workflowId, before, 'SEEK Pass Trigger', {
			event: 'verified',
			event_id: JSON.parse(body).event_id,
		});
	});
});

describe('Certifier Trigger', () => {
	let workflowId: string;
	let url: string;

	beforeAll(async () => {
		const credential = await n8n.createCredential(
			'certifierWebhookApi',
			'Certifier webhook torture',
			{ secret: CERTIFIER_SECRET },
		);
		({ id: workflowId, url } = await activateTrigger(
			{
				name: 'Certifier Trigger',
				type: `${P}.certifierTrigger`,
				parameters: { events: ['credential.issued'], options: {} },
				credentials: { certifierWebhookApi: { id: credential, name: 'Certifier webhook torture' } },
			},
			'webhook',
		));
	});

	test('forged, altered, unsigned, malformed, replayed, oversized, non-JSON, wrong type and method: refused', async () => {
		// Certifier signs the body only (X-Webhook-Signature, HMAC-SHA256 hex): there is no
		// timestamp header, so staleness is not checkable; replays are caught by event id.
		const event = (id = `01j${randomUUID().replace(/-/g, '').slice(0, 23)}`) =>
			JSON.stringify({
				id,
				type: 'credential.issued',
				createdAt: new Date().toISOString(),
				data: { resource: { id: 'cred-1', type: 'credential' } },
			});
		const signed = (body: string, secret = CERTIFIER_SECRET) => ({
			'content-type': 'application/json',
			'x-webhook-signature': hex(secret, body),
		});
		const body = event();
		const nonJson = 'id=1&type=credential.issued';

		const first = await n8n.lastExecutionId(workflowId);
		const replayed = event();
		expect(
			(await fetch(url, { method: 'POST', headers: signed(replayed), body: replayed })).status,
		).toBe(200);
		await expectOnlyValidRun(workflowId, first, 'Certifier Trigger', {
			id: JSON.parse(replayed).id,
		});

		const before = await n8n.lastExecutionId(workflowId);
		await fire('certifier', url, [
			{
				name: 'forged signature (wrong secret)',
				headers: signed(body, 'not-the-secret'),
				body,
				status: 401,
			},
			{
				name: 'body altered after signing',
				headers: signed(body),
				body: body.replace('cred-1', 'cred-2'),
				status: 401,
			},
			{
				name: 'missing signature',
				headers: { 'content-type': 'application/json' },
				body,
				status: 401,
			},
			{
				name: 'malformed signature (not hex)',
				headers: { ...signed(body), 'x-webhook-signature': 'z'.repeat(64) },
				body,
				status: 401,
			},
			{
				name: 'malformed signature (truncated)',
				headers: {
					...signed(body),
					'x-webhook-signature': hex(CERTIFIER_SECRET, body).slice(0, 40),
				},
				body,
				status: 401,
			},
			{
				name: 'malformed signature (empty)',
				headers: { ...signed(body), 'x-webhook-signature': '' },
				body,
				status: 401,
			},
			// Acknowledged so Certifier stops resending; the workflow does not run again.
			{ name: 'replayed event', headers: signed(replayed), body: replayed, status: 200 },
			{
				name: 'oversized body',
				headers: signed(body),
				body: Buffer.alloc(OVERSIZED_BYTES, 0x20),
				...OVERSIZED,
			},
			// Labelled JSON but not JSON: n8n's body parser answers 422 before the node runs.
			{
				name: 'non-JSON body labelled JSON, validly signed',
				headers: signed(nonJson),
				body: nonJson,
				status: 422,
			},
			{
				name: 'non-JSON body as text, validly signed',
				headers: { ...signed(nonJson), 'content-type': 'text/plain' },
				body: nonJson,
				status: 415,
				says: /unsupported media type/,
			},
			{
				name: 'wrong content type (form), validly signed',
				headers: { ...signed(body), 'content-type': 'application/x-www-form-urlencoded' },
				body,
				status: 415,
			},
			{
				name: 'JSON that is not an event, validly signed',
				headers: signed('[1,2]'),
				body: '[1,2]',
				status: 400,
			},
			{ name: 'empty body', headers: signed(''), body: '', status: 401 },
			{
				name: 'wrong content type, unsigned',
				headers: { 'content-type': 'text/plain' },
				body,
				status: 401,
			},
			{
				name: 'wrong content type (form), forged',
				headers: { ...signed(body, 'x'), 'content-type': 'application/x-www-form-urlencoded' },
				body,
				status: 401,
			},
			{ name: 'wrong method GET', method: 'GET', status: 404, says: /not registered/i },
			{ name: 'wrong method PUT', method: 'PUT', headers: signed(body), body, status: 404 },
			{
				name: 'wrong method PATCH',
				method: 'PATCH',
				headers: signed(body),
				body,
				status: 404,
				says: /not registered/i,
			},
		]);

		expect((await fetch(url, { method: 'POST', headers: signed(body), body })).status).toBe(200);
		await expectOnlyValidRun(workflowId, before, 'Certifier Trigger', { id: JSON.parse(body).id });
	});
});

describe('SmartResume Trigger', () => {
	let workflowId: string;
	let url: string;
	const token = 'tok_0123456789abcdefABCDEF';

	beforeAll(async () => {
		// SmartResume's import request is the holder's browser arriving by GET with a recipient
		// token and a redirectURL: there is no signature, so the attacks are on those two.
		({ id: workflowId, url } = await activateTrigger(
			{
				name: 'SmartResume Trigger',
				type: `${P}.smartResumeTrigger`,
				parameters: { respond: 'lastNode' },
			},
			'import',
		));
	});

	test(`${REFUSED_REDIRECTS.length} open-redirect bypasses, bad tokens and wrong methods: refused`, async () => {
		const query = (recipientToken: string | undefined, redirectURL: string | undefined) => {
			const q = new URLSearchParams();
			if (recipientToken !== undefined) q.set('recipientToken', recipientToken);
			if (redirectURL !== undefined) q.set('redirectURL', redirectURL);
			return `${url}?${q.toString()}`;
		};
		const before = await n8n.lastExecutionId(workflowId);
		const get = (name: string, target: string): Attack & { target: string } => ({
			name,
			method: 'GET',
			status: 400,
			target,
		});
		const attacks = [
			...REFUSED_REDIRECTS.map(([redirect, why]) =>
				get(`open redirect: ${why}`, query(token, redirect)),
			),
			get('missing redirectURL', query(token, undefined)),
			get('missing recipientToken', query(undefined, 'https://my.smartresume.com/')),
			get(
				'redirectURL given twice',
				`${query(token, 'https://my.smartresume.com/')}&redirectURL=${encodeURIComponent('https://evil.example/')}`,
			),
			get(
				'recipientToken with markup',
				query('<script>alert(1)</script>', 'https://my.smartresume.com/'),
			),
		];
		for (const attack of attacks) await fire('smartResume', attack.target, [attack]);
		// The import endpoint is registered for GET only; n8n does not route other methods to it.
		await fire('smartResume', query(token, 'https://my.smartresume.com/'), [
			{ name: 'wrong method POST', method: 'POST', status: 404 },
			{ name: 'wrong method PUT', method: 'PUT', status: 404 },
		]);
		expect(REFUSED_REDIRECTS.length).toBeGreaterThanOrEqual(20);

		const valid = await fetch(query(token, 'https://my.smartresume.com/back'), {
			redirect: 'manual',
		});
		expect(valid.status).toBe(303);
		expect(valid.headers.get('location')).toBe('https://my.smartresume.com/back');
		await expectOnlyValidRun(workflowId, before, 'SmartResume Trigger', { recipientToken: token });
	});
});

test('secrets: no webhook secret or client secret in n8n’s log; figures', () => {
	// The whole log file, not the capture's short ring buffer; it holds the triggers' refusals.
	const log = fs.readFileSync(n8n.logFile, 'utf8');
	expect(log).toMatch(/SEEK Pass Trigger refused a call \(401\)/);
	expect(log).toMatch(/Certifier Trigger refused a call \(401\)/);
	for (const s of secrets) expect(log).not.toContain(s);
	const total = Object.values(refused).reduce((a, b) => a + b, 0);
	console.log(
		`[torture:webhooks] attacks refused: ${JSON.stringify(refused)} total=${total}; workflows started by attacks: 0`,
	);
	expect(total).toBeGreaterThan(60);
});
