// Issue 9: the package in n8n's queue mode. Real Redis and PostgreSQL (Debian packages, data in
// a temp folder), an n8n main, one webhook processor and two workers (EXECUTIONS_MODE=queue),
// each with the package installed as users install it. Figures are printed as [scale] lines.
import { createHmac, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSandbox, type LoggedRequest, type Sandbox } from '../../sandbox/index.cjs';
import {
	createSandboxCredentials,
	type CredentialRefs,
	DataTables,
	type Json,
	type MailSink,
	type N8nInstance,
	startMailSink,
	SUBMISSIONS_TABLE,
	workflowFromFile,
} from '../../real-n8n/index.cjs';
import { startQueueCluster, type QueueCluster } from '../../real-n8n/queue/cluster.cjs';

const P = 'n8n-nodes-career-credentials';
const GROUP = '01g90279gp5sbmfek7wymcsvec';
const WEBHOOK_SECRET = 'scale-certifier-webhook-secret';

let sb: Sandbox;
let sink: MailSink;
let cluster: QueueCluster;
let credentials: CredentialRefs;
const seen: LoggedRequest[] = [];
let onRequest: ((e: LoggedRequest) => void) | undefined;

const main = () => cluster.main;
const figure = (line: string) => console.log(`[scale] ${line}`);

beforeAll(async () => {
	sb = await startSandbox({
		port: 0,
		onRequestLogged: (e) => {
			seen.push(e);
			onRequest?.(e);
		},
	});
	sink = await startMailSink();
	cluster = await startQueueCluster({ workers: 2, workerConcurrency: 2 });
	credentials = await createSandboxCredentials(main(), sb, sink);
	credentials.certifierWebhookApi = {
		id: await main().createCredential('certifierWebhookApi', 'Certifier webhook', {
			secret: WEBHOOK_SECRET,
		}),
		name: 'Certifier webhook',
	};
}, 14 * 60_000);

afterAll(async () => {
	await cluster?.stop();
	await sb?.close();
	await sink?.close();
}, 120_000);

// ---- helpers ---------------------------------------------------------------------------

const control = async (method: string, p: string, body?: unknown): Promise<any> => {
	const res = await fetch(`${sb.urls.control}${p}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`${method} /_control${p}: ${res.status} ${await res.text()}`);
	return await res.json();
};

/** Which worker ran each execution, from the workers' own log lines. */
function workerOf(executionId: string): number | undefined {
	const i = cluster.workers.findIndex((w) =>
		new RegExp(`Worker started execution ${executionId} \\(`).test(readLog(w)),
	);
	return i < 0 ? undefined : i + 1;
}
function readLog(n: N8nInstance): string {
	return fs.existsSync(n.logFile) ? fs.readFileSync(n.logFile, 'utf8') : '';
}
/** Executions a worker has started but not (yet) finished, per its log. */
function inFlight(n: N8nInstance): string[] {
	const log = readLog(n);
	const started = [...log.matchAll(/Worker started execution (\d+) \(/g)].map((m) => m[1]);
	const finished = new Set(
		[...log.matchAll(/Worker finished execution (\d+) \(/g)].map((m) => m[1]),
	);
	return started.filter((id) => !finished.has(id));
}

interface ExecutionRow {
	id: string;
	status: string;
}
async function executions(workflowId: string): Promise<ExecutionRow[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await main().rest<{ results: ExecutionRow[] }>(
		'GET',
		`/executions?filter=${filter}&limit=100`,
	);
	return page.results.sort((a, b) => Number(a.id) - Number(b.id));
}
const TERMINAL = new Set(['success', 'error', 'canceled', 'crashed']);
/** Waits until the workflow has `count` executions and all are finished (bounded, not asserted on time). */
async function settled(
	workflowId: string,
	count: number,
	timeoutMs: number,
): Promise<ExecutionRow[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const rows = await executions(workflowId);
		if (rows.length >= count && rows.every((r) => TERMINAL.has(r.status))) return rows;
		if (Date.now() > deadline) return rows;
		await sleep(500);
	}
}
/** Waits for one execution to finish (bounded). */
async function settledOne(id: string, timeoutMs: number): Promise<ExecutionRow> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const row = await main().rest<ExecutionRow>('GET', `/executions/${id}`);
		if (TERMINAL.has(row.status) || Date.now() > deadline) return row;
		await sleep(500);
	}
}
const errorMessage = (e: unknown) =>
	String((e as { message?: unknown } | undefined)?.message ?? e ?? 'none').slice(0, 160);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const countBy = <T,>(xs: T[]) =>
	xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>());

function webhookNode(webhookId: string) {
	return {
		name: 'Batch',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId,
		position: [0, 0] as [number, number],
		parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'onReceived', options: {} },
	};
}
const PEOPLE = {
	name: 'People',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position: [220, 0] as [number, number],
	parameters: {
		jsCode: `const { tag, chunk, size } = $input.first().json.body;
return Array.from({ length: size }, (_, i) => {
  const n = chunk * size + i;
  return { json: { name: 'Person ' + n, email: tag + '-' + n + '@example.org', groupId: '${GROUP}' } };
});`,
	},
};
function linear(name: string, nodes: Array<Record<string, unknown> & { name: string }>) {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}
async function fire(webhookId: string, body: Json): Promise<number> {
	const res = await fetch(`${cluster.webhook.url}/webhook/${webhookId}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	await res.text();
	return res.status;
}

// ---- tests -------------------------------------------------------------------------------

test('every process loaded the package; the webhook processor and the workers share one database and queue', async () => {
	expect(await main().nodeTypes()).toEqual(
		expect.arrayContaining([
			`${P}.certifier`,
			`${P}.smartResume`,
			`${P}.seekPass`,
			`${P}.seekPassTrigger`,
		]),
	);
	for (const n of [cluster.webhook, ...cluster.workers]) {
		expect(n.packageDir && fs.existsSync(path.join(n.packageDir, 'package.json'))).toBeTruthy();
	}
	figure(
		`processes: main ${main().url}, webhook ${cluster.webhook.url}, workers ${cluster.workers.length} (pids ${cluster.workers.map((w) => w.n8nPid()).join(', ')})`,
	);
});

test('the flagship workflow runs on a worker and succeeds', async () => {
	// It records the submission in the data table "SEEK Pass submissions" (issue 17), created first as a person would.
	const tables = new DataTables(main());
	const tableId = await tables.create(SUBMISSIONS_TABLE.name, SUBMISSIONS_TABLE.columns);
	const workflowId = await main().importWorkflow(
		workflowFromFile(path.join(__dirname, '../../workflows/issue-resume-wallet.json'), credentials),
	);
	const execution = await main().runWorkflow(workflowId, { timeoutMs: 180_000 });
	expect(execution.status).toBe('success');
	expect(execution.nodes.Summary.items[0][0]).toMatchObject({
		recipient: 'Ada Lovelace',
		recordedStatus: 'pending',
	});
	expect(await tables.rows(tableId)).toEqual([
		expect.objectContaining({ holderName: 'Ada Lovelace', status: 'pending' }),
	]);
	const worker = workerOf(execution.id);
	expect(worker).toBeDefined();
	figure(`flagship: execution ${execution.id} success on worker ${worker}`);
}, 240_000);

describe('webhook deliveries at the webhook processor', () => {
	let seekWorkflow: string;
	let hook: { id: string; url: string; secret: string };
	let seekWebhookId: string;

	beforeAll(async () => {
		seekWebhookId = randomUUID();
		seekWorkflow = await main().importWorkflow({
			name: 'SEEK Pass trigger (queue)',
			nodes: [
				{
					name: 'SEEK Pass Trigger',
					type: `${P}.seekPassTrigger`,
					typeVersion: 1,
					webhookId: seekWebhookId,
					position: [0, 0],
					parameters: { events: ['verified'], options: { fetchVerificationResult: true } },
					credentials: { seekPassOAuth2Api: credentials.seekPassOAuth2Api },
				},
			],
			connections: {},
		});
		await main().activate(seekWorkflow);
		const hooks = (await control('GET', '/seekpass/webhooks')) as Array<{
			id: string;
			url: string;
			secret: string;
		}>;
		hook = hooks.find((h) => h.url === `${cluster.webhook.url}/webhook/${seekWebhookId}/webhook`)!;
	}, 120_000);

	test('SEEK Pass: activation on main registered the webhook processor’s URL; each valid event starts exactly one execution, invalid ones none', async () => {
		expect(hook).toMatchObject({ id: expect.any(String), secret: expect.any(String) });
		const n = 6;
		const requestIds: string[] = [];
		// Verification requests are created through the SEEK Pass node in one manual run (on a worker).
		const create = await main().importWorkflow(
			linear('create verifications', [
				{
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					name: 'Ids',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [220, 0],
					parameters: {
						jsCode: `return Array.from({ length: ${n} }, (_, i) => ({ json: { rid: 'scale-' + $execution.id + '-' + i } }));`,
					},
				},
				{
					name: 'Create',
					type: `${P}.seekPass`,
					typeVersion: 1,
					position: [440, 0],
					parameters: {
						resource: 'verification',
						operation: 'create',
						partner_name: 'Acme',
						verificationFields: { request_id: '={{ $json.rid }}' },
					},
					credentials: { seekPassOAuth2Api: credentials.seekPassOAuth2Api },
				},
			]),
		);
		const created = await main().runWorkflow(create);
		expect(created.status).toBe('success');
		for (const item of created.nodes.Ids.items[0]) requestIds.push(String(item.rid));

		const before = (await executions(seekWorkflow)).length;
		const fired = await Promise.all(
			requestIds.map(
				async (rid) =>
					(await control('POST', `/seekpass/verifications/${rid}`, { status: 'verified' })) as {
						event: { event_id: string };
						deliveries: Array<{ status: number }>;
					},
			),
		);
		expect(fired.map((f) => f.deliveries.map((d) => d.status))).toEqual(
			requestIds.map(() => [200]),
		);
		// Invalid: wrong secret, tampered body, stale timestamp; replays of valid events.
		const timestamp = Math.floor(Date.now() / 1000);
		const original = JSON.stringify({
			event_id: randomUUID(),
			request_id: 'x',
			type: 'vwsp_request.verified',
			created_at: 'x',
		});
		const signature = createHmac('sha256', hook.secret)
			.update(`${timestamp}.${original}`)
			.digest('hex');
		const send = async (body: Json) =>
			((await control('POST', `/seekpass/webhooks/${hook.id}/send`, body)) as { status: number })
				.status;
		expect(await send({ request_id: 'x', secret: 'a'.repeat(64) })).toBe(401);
		expect(
			await send({ body: original.replace('verified', 'canceled'), timestamp, signature }),
		).toBe(401);
		expect(await send({ request_id: 'x', timestamp: timestamp - 301 })).toBe(401);
		for (const f of fired.slice(0, 2))
			expect(
				(
					(await control(
						'POST',
						`/seekpass/webhooks/${hook.id}/redeliver/${f.event.event_id}`,
						{},
					)) as { status: number }
				).status,
			).toBe(200);

		const rows = await settled(seekWorkflow, before + n, 120_000);
		await sleep(3_000); // anything extra (a duplicate) would have been enqueued by now
		const after = (await executions(seekWorkflow)).slice(before);
		expect(after.map((r) => r.status)).toEqual(requestIds.map(() => 'success'));
		const got: string[] = [];
		for (const r of after)
			got.push(
				String((await main().getExecution(r.id)).nodes['SEEK Pass Trigger'].items[0][0].request_id),
			);
		expect(got.sort()).toEqual([...requestIds].sort());
		const perWorker = countBy(after.map((r) => workerOf(r.id)));
		expect([...perWorker.keys()].every((w) => w !== undefined)).toBe(true);
		figure(
			`SEEK Pass webhooks: ${n} valid → ${rows.length - before} executions (per worker ${JSON.stringify(Object.fromEntries(perWorker))}); 3 invalid + 2 replays → 0`,
		);
	}, 240_000);

	test('Certifier: each signed delivery starts exactly one execution; unsigned or altered ones none', async () => {
		const webhookId = randomUUID();
		const workflowId = await main().importWorkflow({
			name: 'Certifier trigger (queue)',
			nodes: [
				{
					name: 'Certifier Trigger',
					type: `${P}.certifierTrigger`,
					typeVersion: 1,
					webhookId,
					position: [0, 0],
					parameters: { events: ['credential.issued'] },
					credentials: { certifierWebhookApi: credentials.certifierWebhookApi },
				},
			],
			connections: {},
		});
		await main().activate(workflowId);
		const url = `${cluster.webhook.url}/webhook/${webhookId}/webhook`;
		const post = async (body: string, headers: Record<string, string>) =>
			(
				await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body,
				})
			).status;
		const sign = (body: string, secret = WEBHOOK_SECRET) =>
			createHmac('sha256', secret).update(body).digest('hex');
		const event = () =>
			JSON.stringify({
				id: `01j${randomUUID().replace(/-/g, '').slice(0, 23)}`,
				type: 'credential.issued',
				createdAt: new Date().toISOString(),
				data: { resource: { id: 'x', type: 'credential' } },
			});
		const valid = Array.from({ length: 6 }, event);
		const statuses = await Promise.all(
			valid.map((b) => post(b, { 'X-Webhook-Signature': sign(b) })),
		);
		expect(statuses).toEqual(valid.map(() => 200));
		const bad = event();
		expect(await post(bad, { 'X-Webhook-Signature': sign(bad, 'not-the-secret') })).toBe(401);
		expect(await post(bad.replace('"x"', '"y"'), { 'X-Webhook-Signature': sign(bad) })).toBe(401);
		expect(await post(bad, {})).toBe(401);
		// The same delivery again (a vendor retry) is not a second run.
		expect(await post(valid[0], { 'X-Webhook-Signature': sign(valid[0]) })).toBe(200);

		await settled(workflowId, valid.length, 120_000);
		await sleep(3_000);
		const rows = await executions(workflowId);
		expect(rows.map((r) => r.status)).toEqual(valid.map(() => 'success'));
		const ids: string[] = [];
		for (const r of rows)
			ids.push(String((await main().getExecution(r.id)).nodes['Certifier Trigger'].items[0][0].id));
		expect(ids.sort()).toEqual(valid.map((b) => JSON.parse(b).id).sort());
		figure(
			`Certifier webhooks: ${valid.length} valid → ${rows.length} executions (per worker ${JSON.stringify(Object.fromEntries(countBy(rows.map((r) => workerOf(r.id)))))}); 3 invalid + 1 redelivery → 0`,
		);
	}, 240_000);

	test('trigger registration (webhook id, secret in static data) survives a restart of main', async () => {
		const staticBefore = JSON.stringify(
			(await main().rest<{ staticData?: Json }>('GET', `/workflows/${seekWorkflow}`)).staticData ??
				{},
		);
		expect(staticBefore).toContain(hook.id);
		await cluster.restartMain();
		const hooks = (await control('GET', '/seekpass/webhooks')) as Array<{
			id: string;
			url: string;
			secret: string;
		}>;
		const mine = hooks.filter((h) => h.url === hook.url);
		// Still one registration at SEEK Pass, the same one (or, if n8n re-registered, one whose id the static data now holds).
		expect(mine).toHaveLength(1);
		const staticAfter = JSON.stringify(
			(await main().rest<{ staticData?: Json }>('GET', `/workflows/${seekWorkflow}`)).staticData ??
				{},
		);
		expect(staticAfter).toContain(mine[0].id);
		// And a delivery after the restart still verifies and starts one run.
		const before = (await executions(seekWorkflow)).length;
		const rid = `scale-restart-${randomUUID()}`;
		const create = await main().importWorkflow(
			linear('create one verification', [
				{
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					name: 'Create',
					type: `${P}.seekPass`,
					typeVersion: 1,
					position: [220, 0],
					parameters: {
						resource: 'verification',
						operation: 'create',
						partner_name: 'Acme',
						verificationFields: { request_id: rid },
					},
					credentials: { seekPassOAuth2Api: credentials.seekPassOAuth2Api },
				},
			]),
		);
		const created = await main().runWorkflow(create);
		expect(created.status).toBe('success');
		const fired = (await control('POST', `/seekpass/verifications/${rid}`, {
			status: 'verified',
		})) as { deliveries: Array<{ status: number }> };
		expect(fired.deliveries.map((d) => d.status)).toEqual([200]);
		const rows = await settled(seekWorkflow, before + 1, 60_000);
		expect(rows.slice(before).map((r) => r.status)).toEqual(['success']);
		figure(
			`restart of main: SEEK Pass webhook ${mine[0].id === hook.id ? 'kept (same id)' : 're-registered'}, static data holds it, delivery after restart → 1 execution`,
		);
	}, 240_000);
});

test(
	'1,000 items Certifier → SmartResume across both workers, SmartResume tokens expired mid-run',
	async () => {
		const ITEMS = 1000;
		const CHUNKS = 10;
		const tag = `batch${Date.now()}`;
		const webhookId = randomUUID();
		const workflowId = await main().importWorkflow(
			linear('Certifier → SmartResume batch', [
				webhookNode(webhookId),
				PEOPLE,
				{
					name: 'Issue',
					type: `${P}.certifier`,
					typeVersion: 1,
					position: [440, 0],
					parameters: {
						resource: 'credential',
						operation: 'createIssueSend',
						group: { __rl: true, mode: 'id', value: '={{ $json.groupId }}' },
						recipientName: '={{ $json.name }}',
						recipientEmail: '={{ $json.email }}',
					},
					credentials: { certifierApi: credentials.certifierApi },
				},
				{
					name: 'Push',
					type: `${P}.smartResume`,
					typeVersion: 1,
					position: [660, 0],
					parameters: {
						resource: 'credential',
						operation: 'push',
						source: 'certifier',
						achievementType: 'Certificate',
						issuerId: 'scale-academy',
						issuerName: 'Scale Academy',
					},
					credentials: { smartResumeOAuth2Api: credentials.smartResumeOAuth2Api },
				},
			]),
		);
		await main().activate(workflowId);

		const isPush = (e: LoggedRequest) =>
			e.service === 'smartResume' && e.method === 'POST' && e.path.endsWith('/api/v1/credentials');
		const isToken = (e: LoggedRequest) =>
			e.service === 'smartResume' && e.path.endsWith('/api/v1/token');
		const from = seen.length;
		let pushes = 0;
		let expiredAt = -1;
		let runningAtExpiry: string[][] = [];
		onRequest = (e) => {
			if (isPush(e) && e.status < 300 && ++pushes === 300) {
				runningAtExpiry = cluster.workers.map(inFlight);
				sb.expireTokens('smartResume');
				expiredAt = seen.length;
			}
		};
		try {
			const statuses = await Promise.all(
				Array.from({ length: CHUNKS }, (_, chunk) =>
					fire(webhookId, { tag, chunk, size: ITEMS / CHUNKS }),
				),
			);
			expect(statuses).toEqual(Array(CHUNKS).fill(200));
			const rows = await settled(workflowId, CHUNKS, 8 * 60_000);
			expect(rows.map((r) => r.status)).toEqual(Array(CHUNKS).fill('success'));

			const mine = seen.slice(from);
			const issued = mine.filter(
				(e) =>
					e.service === 'certifier' &&
					e.path.endsWith('/credentials/create-issue-send') &&
					e.status < 300,
			);
			const emails = issued
				.map((e) => String((e.body as { recipient: { email: string } }).recipient.email))
				.filter((m) => m.startsWith(tag));
			const emailDupes = [...countBy(emails).values()].filter((c) => c > 1).length;
			expect(new Set(emails).size).toBe(ITEMS);
			expect(emailDupes).toBe(0);
			const pushedIds = mine
				.filter((e) => isPush(e) && e.status < 300)
				.flatMap((e) =>
					((e.body as { credentials?: Array<{ id: string }> }).credentials ?? []).map((c) => c.id),
				);
			const pushDupes = [...countBy(pushedIds).values()].filter((c) => c > 1).length;
			expect(new Set(pushedIds).size).toBe(ITEMS);
			expect(pushDupes).toBe(0);

			// Outputs are complete: every execution's last node emitted its 100 items.
			let outputs = 0;
			for (const r of rows) outputs += (await main().getExecution(r.id)).nodes.Push.items[0].length;
			expect(outputs).toBe(ITEMS);

			const perWorker = countBy(rows.map((r) => workerOf(r.id)));
			expect(perWorker.get(1) ?? 0).toBeGreaterThan(0);
			expect(perWorker.get(2) ?? 0).toBeGreaterThan(0);

			// Token expiry happened while both workers were mid-run, and both recovered.
			expect(expiredAt).toBeGreaterThan(0);
			expect(runningAtExpiry.map((r) => r.length > 0)).toEqual([true, true]);
			const tokenAfter = seen.slice(expiredAt).filter(isToken).length;
			const unauthorised = seen
				.slice(expiredAt)
				.filter((e) => isPush(e) && e.status === 401).length;
			const concurrent = runningAtExpiry.flat().length;
			// No storm: at most one token request per execution that was running (each holds its own copy of the token).
			expect(tokenAfter).toBeGreaterThanOrEqual(1);
			expect(tokenAfter).toBeLessThanOrEqual(concurrent + 2);
			figure(
				`batch: items=${ITEMS} executions=${rows.length} perWorker=${JSON.stringify(Object.fromEntries(perWorker))} ` +
					`certifierIssued=${emails.length} smartResumePushed=${pushedIds.length} duplicates=${emailDupes + pushDupes} outputs=${outputs}`,
			);
			figure(
				`token expiry: executions running at expiry per worker=${JSON.stringify(runningAtExpiry.map((r) => r.length))} 401s=${unauthorised} tokenRequestsAfterExpiry=${tokenAfter} tokenRequestsTotal=${mine.filter(isToken).length}`,
			);
		} finally {
			onRequest = undefined;
		}
	},
	10 * 60_000,
);

test(
	'a worker killed mid-run: what n8n does with its executions; nothing is duplicated at SEEK Pass on retry',
	async () => {
		const CHUNKS = 4;
		const SIZE = 150;
		const tag = `kill${Date.now()}`;
		const webhookId = randomUUID();
		const workflowId = await main().importWorkflow(
			linear('SEEK Pass adds (kill)', [
				webhookNode(webhookId),
				PEOPLE,
				{
					name: 'Add',
					type: `${P}.seekPass`,
					typeVersion: 1,
					position: [440, 0],
					parameters: {
						resource: 'credential',
						operation: 'add',
						credentialType: 'microcredential',
						submissionIdMode: 'derive',
						submissionIdPrefix: tag,
						personKey: '={{ $json.email }}',
						full_name: '={{ $json.name }}',
						issuer_name: 'Scale Academy',
						microcredential_name: 'Queue Mode',
						issue_date: '2024-03-01',
						documentType: 'none',
					},
					credentials: { seekPassOAuth2Api: credentials.seekPassOAuth2Api },
				},
			]),
		);
		await main().activate(workflowId);
		const isAdd = (e: LoggedRequest) =>
			e.service === 'seekPass' && e.method === 'POST' && e.path.includes('/add/');
		let adds = 0;
		let killAt = false;
		onRequest = (e) => {
			if (isAdd(e) && ++adds === 100) killAt = true;
		};
		try {
			const statuses = await Promise.all(
				Array.from({ length: CHUNKS }, (_, chunk) => fire(webhookId, { tag, chunk, size: SIZE })),
			);
			expect(statuses).toEqual(Array(CHUNKS).fill(200));
			for (let i = 0; i < 600 && !killAt; i++) await sleep(100);
			expect(killAt).toBe(true);
			const victim = cluster.workers.find((w) => inFlight(w).length > 0);
			expect(victim).toBeDefined();
			const victimRuns = inFlight(victim!);
			const pid = victim!.n8nPid();
			expect(pid).toBeDefined();
			process.kill(pid!, 'SIGKILL');
			await victim!.exitedPromise();
			figure(
				`killed worker ${cluster.workers.indexOf(victim!) + 1} (pid ${pid}) with executions ${victimRuns.join(', ')} in flight, after ${adds} SEEK Pass adds`,
			);

			const rows = await settled(workflowId, CHUNKS, 180_000);
			const byId = Object.fromEntries(rows.map((r) => [r.id, r.status]));
			figure(
				`after the kill: ${JSON.stringify(byId)} (killed: ${victimRuns.map((id) => `${id}=${byId[id]}`).join(', ')})`,
			);
			// The surviving worker finished everything else.
			for (const r of rows) if (!victimRuns.includes(r.id)) expect(r.status).toBe('success');

			// Retry what did not succeed: n8n's own retry first; chunks still not done after that are
			// redelivered by the sender (what a vendor or upstream system does after a failed call).
			const retries: string[] = [];
			let expected = CHUNKS;
			for (const id of victimRuns) {
				if (byId[id] === 'success') continue;
				const killed = await main().getExecution(id);
				figure(
					`killed execution ${id}: ${byId[id]}, nodes run: ${Object.keys(killed.nodes).join(', ') || 'none'}, error: ${errorMessage(killed.error)}`,
				);
				if (byId[id] !== 'error' && byId[id] !== 'crashed') continue;
				try {
					const retry = await main().rest<{ id: string }>('POST', `/executions/${id}/retry`, {
						loadWorkflow: false,
					});
					expected++;
					const done = await settledOne(retry.id, 120_000);
					const run = await main().getExecution(retry.id);
					retries.push(
						`${id} → n8n retry ${retry.id} ${done.status}${done.status === 'success' ? '' : ` (nodes run: ${Object.keys(run.nodes).join(', ') || 'none'}; ${errorMessage(run.error)})`}`,
					);
				} catch (e) {
					retries.push(`${id} → n8n retry refused: ${errorMessage(e)}`);
				}
			}
			const doneChunks = new Set<number>();
			for (const r of await settled(workflowId, expected, 180_000)) {
				if (r.status !== 'success') continue;
				doneChunks.add(
					Number(
						((await main().getExecution(r.id)).nodes.Batch.items[0][0].body as { chunk: number })
							.chunk,
					),
				);
			}
			const missing = Array.from({ length: CHUNKS }, (_, chunk) => chunk).filter(
				(chunk) => !doneChunks.has(chunk),
			);
			for (const chunk of missing) {
				expect(await fire(webhookId, { tag, chunk, size: SIZE })).toBe(200);
				expected++;
			}
			const all = await settled(workflowId, expected, 180_000);
			figure(
				`retries: ${retries.join('; ') || 'none needed'}; redelivered chunks: ${missing.join(', ') || 'none'}; executions now ${JSON.stringify(Object.fromEntries(all.map((r) => [r.id, r.status])))}`,
			);
			expect(all.slice(all.length - missing.length).map((r) => r.status)).toEqual(
				missing.map(() => 'success'),
			);

			const { history } = (await control('GET', '/seekpass/submissions')) as {
				history: Record<string, { creations: number; repeats: number }>;
			};
			const mine = Object.entries(history).filter(([id]) => id.startsWith(tag));
			const created = mine.filter(([, h]) => h.creations === 1).length;
			const duplicated = mine.filter(([, h]) => h.creations > 1).length;
			const repeats = mine.reduce((s, [, h]) => s + h.repeats, 0);
			figure(
				`SEEK Pass after kill + retry: ids=${mine.length} createdOnce=${created} duplicated=${duplicated} idempotentRepeats=${repeats}`,
			);
			expect(duplicated).toBe(0);
			expect(mine.length).toBe(CHUNKS * SIZE);
			expect(created).toBe(CHUNKS * SIZE);
		} finally {
			onRequest = undefined;
		}
	},
	10 * 60_000,
);
