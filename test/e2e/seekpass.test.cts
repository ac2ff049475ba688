// The SEEK Pass nodes in a real n8n server with this package installed as users install
// it, against the sandbox: every operation in workflows run through the editor's REST
// API, and the trigger registered by n8n's activation, fed by the sandbox's signed
// events on its production URL, refusing what it must.
import { createHmac, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index.cjs';
import {
	startN8n,
	type ExecutionResult,
	type Json,
	type N8nInstance,
	type WorkflowJson,
	type WorkflowNode,
} from '../../real-n8n/index.cjs';
import { batchFromItems } from '../integration/seekpass/batch-fixtures.cjs';

const P = 'n8n-nodes-career-credentials';

let sb: Sandbox;
let n8n: N8nInstance;
let credential: { id: string; name: string };

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	n8n = await startN8n();
	credential = {
		id: await n8n.createCredential('seekPassOAuth2Api', 'SEEK Pass sandbox', {
			environment: 'custom',
			customBaseUrl: sb.urls.seekPass,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
			scope:
				'write.education write.english_proficiency write.microcredential write.digital_identity read.digital_identity',
		}),
		name: 'SEEK Pass sandbox',
	};
}, 20 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sb?.close();
}, 60_000);

const manual: WorkflowNode = {
	name: 'Manual Trigger',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
};

function seekPass(name: string, parameters: Record<string, unknown>): WorkflowNode {
	return {
		name,
		type: `${P}.seekPass`,
		typeVersion: 1,
		parameters,
		credentials: { seekPassOAuth2Api: credential },
	};
}

/** Manual Trigger → nodes[0] → nodes[1] → … */
function chain(name: string, nodes: WorkflowNode[]): WorkflowJson {
	const all = [manual, ...nodes].map((n, i) => ({
		...n,
		position: [i * 220, 0] as [number, number],
	}));
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < all.length; i++)
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

async function run(workflow: WorkflowJson): Promise<ExecutionResult> {
	return await n8n.runWorkflow(await n8n.importWorkflow(workflow));
}

function items(execution: ExecutionResult, node: string): Json[] {
	const result = execution.nodes[node];
	if (!result || result.error)
		throw n8n.failure(`${node}: ${JSON.stringify(result?.error ?? 'did not run').slice(0, 1500)}`);
	return result.items[0] ?? [];
}

const control = async (route: string, body?: unknown) =>
	await fetch(`${sb.urls.control}/seekpass${route}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	}).then(async (r) => (await r.json()) as Json);

test('n8n loads both SEEK Pass node types and the credential type', async () => {
	expect(await n8n.nodeTypes()).toEqual(
		expect.arrayContaining([`${P}.seekPass`, `${P}.seekPassTrigger`]),
	);
	expect(await n8n.credentialTypes()).toEqual(expect.arrayContaining(['seekPassOAuth2Api']));
});

test('add (the vendor example) → get status → get many statuses', async () => {
	const example = JSON.parse(
		fs.readFileSync(path.resolve(__dirname, '../fixtures/seekpass/education-example.json'), 'utf8'),
	);
	const execution = await run(
		chain('SEEK Pass add and status', [
			seekPass('Add', {
				resource: 'credential',
				operation: 'add',
				credentialType: 'education',
				submissionIdMode: 'given',
				submissionId: example.id,
				full_name: 'John Smith',
				education_provider: 'University of Melbourne',
				course_name: 'Bachelor of Commerce',
				conferral_year: '2024',
				educationFields: { has_majors: true, majors: ['Finance'], with_honours: true },
				documentType: 'open_cert',
				openCertDocument: '<OPEN_CERTS>',
			}),
			seekPass('Get Status', {
				resource: 'submission',
				operation: 'getStatus',
				submissionId: '={{ $json.submissionId }}',
			}),
			seekPass('Get Statuses', {
				resource: 'submission',
				operation: 'getStatuses',
				submissionIds: '={{ [$json.id, "unknown-e2e"] }}',
			}),
		]),
	);
	expect(execution.status).toBe('success');
	expect(items(execution, 'Add')[0]).toMatchObject({
		submissionId: example.id,
		documentType: 'open_cert',
		clientId: sb.demo.seekPass.clientId,
	});
	expect(items(execution, 'Add')[0].redirectUri).not.toContain('u0026');
	expect(
		sb
			.requests({ service: 'seekPass', pathIncludes: '/add/education.json' })
			.find((r) => r.status === 201)?.body,
	).toEqual(example);
	expect(items(execution, 'Get Status')).toEqual([
		{ id: example.id, found: true, status: 'incomplete', finalized_at: null },
	]);
	expect(items(execution, 'Get Statuses').map((j) => [j.id, j.status])).toEqual([
		[example.id, 'incomplete'],
		['unknown-e2e', 'not_found'],
	]);
});

test('add batch from items grouped by person', async () => {
	const execution = await run(
		chain('SEEK Pass batch', [
			{
				name: 'People',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: `return [
  { json: { email: 'ann@example.com', type: 'education', name: 'Ann Lee', provider: 'Uni', course: 'BSc', year: '2023', file: 'data' },
    binary: { data: { data: Buffer.from('%PDF-1.4 BSc').toString('base64'), mimeType: 'application/pdf', fileName: 'bsc.pdf' } } },
  { json: { email: 'ann@example.com', type: 'microcredential', name: 'Ann Lee', issuer: 'Acme', badge: 'Excel', issued: '2024-03-01' } },
];`,
				},
			},
			// Add's fields, each from the item: the type comes from the item too.
			seekPass('Add Batch', {
				...batchFromItems,
				// Only the education item has a file: the row gives the others none.
				assets: {
					asset: [
						{ assetType: 'pdf', source: 'binary', binaryProperty: '={{ $json.file ?? "" }}' },
					],
				},
			}),
		]),
	);
	const [out] = items(execution, 'Add Batch');
	expect(items(execution, 'Add Batch')).toHaveLength(1);
	expect(out).toMatchObject({
		person: 'ann@example.com',
		redirectUri: expect.stringContaining('/partner/add/batch#'),
	});
	expect((out.credentials as Json[]).map((c) => c.credentialType)).toEqual([
		'education',
		'microcredential',
	]);
	// The PDF from the item's binary data went to the upload link SEEK Pass returned.
	expect((out.credentials as Array<{ assets: Json[] }>).map((c) => c.assets)).toEqual([
		[expect.objectContaining({ assetType: 'pdf', bytes: 12, status: 'uploaded' })],
		[],
	]);
	expect(out.uploadsFailed).toBe(0);
});

test('verification create, then get once verified', async () => {
	const requestId = `e2e-${randomUUID()}`;
	const created = await run(
		chain('SEEK Pass verify', [
			seekPass('Create', {
				resource: 'verification',
				operation: 'create',
				partner_name: 'Acme',
				verificationFields: { request_id: requestId },
			}),
		]),
	);
	expect(items(created, 'Create')[0]).toMatchObject({
		requestId,
		redirectUri: expect.stringContaining(`content=${requestId}`),
	});
	await control(`/verifications/${requestId}`, {
		status: 'verified',
		credential: { full_name: 'Sam Person', date_of_birth: '1991-02-03' },
	});
	const got = await run(
		chain('SEEK Pass verify get', [
			seekPass('Get', { resource: 'verification', operation: 'get', requestId }),
		]),
	);
	expect(items(got, 'Get')[0]).toMatchObject({
		request_id: requestId,
		status: 'verified',
		credential: { full_name: 'Sam Person' },
	});
});

test('webhooks: create → get → update → rotate secret → get many → delete', async () => {
	const id = '={{ $("Create").item.json.id }}';
	const execution = await run(
		chain('SEEK Pass webhooks', [
			seekPass('Create', {
				resource: 'webhook',
				operation: 'create',
				url: 'https://hooks.example.com/a',
				webhookFields: { name: 'A' },
			}),
			seekPass('Get', { resource: 'webhook', operation: 'get', webhookId: id }),
			seekPass('Update', {
				resource: 'webhook',
				operation: 'update',
				webhookId: id,
				updateFields: { description: 'e2e' },
			}),
			seekPass('Rotate', { resource: 'webhook', operation: 'rotateSecret', webhookId: id }),
			seekPass('Get Many', { resource: 'webhook', operation: 'getAll', returnAll: true }),
			seekPass('Delete', { resource: 'webhook', operation: 'delete', webhookId: id }),
		]),
	);
	const [created] = items(execution, 'Create');
	expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
	expect(items(execution, 'Get')[0]).toEqual({
		id: created.id,
		name: 'A',
		description: null,
		url: 'https://hooks.example.com/a',
	});
	expect(items(execution, 'Update')[0]).toMatchObject({ id: created.id, description: 'e2e' });
	expect(items(execution, 'Rotate')[0].secret).not.toBe(created.secret);
	expect(items(execution, 'Get Many').some((w) => w.id === created.id && !('secret' in w))).toBe(
		true,
	);
	expect(items(execution, 'Delete')).toEqual([{ id: created.id, deleted: true }]);
});

test('bad input fails naming item and field, before any request', async () => {
	sb.clearRequests();
	const execution = await run(
		chain('SEEK Pass bad input', [
			seekPass('Add', {
				resource: 'credential',
				operation: 'add',
				credentialType: 'education',
				full_name: 'John Smith',
				education_provider: 'Uni',
				course_name: 'BSc',
				conferral_year: '',
			}),
		]),
	);
	expect(execution.status).toBe('error');
	expect(JSON.stringify(execution.nodes.Add.error)).toContain(
		'in item 0: conferral_year: is required unless awaiting_graduation is true',
	);
	expect(sb.requests({ service: 'seekPass' })).toEqual([]);
});

describe('trigger on its production URL', () => {
	let workflowId: string;
	let url: string;
	let hook: { id: string; secret: string };

	beforeAll(async () => {
		const webhookId = randomUUID();
		workflowId = await n8n.importWorkflow({
			name: 'SEEK Pass trigger',
			nodes: [
				{
					name: 'SEEK Pass Trigger',
					type: `${P}.seekPassTrigger`,
					typeVersion: 1,
					webhookId,
					position: [0, 0],
					parameters: { events: ['verified'], options: { fetchVerificationResult: true } },
					credentials: { seekPassOAuth2Api: credential },
				},
			],
			connections: {},
		});
		await n8n.activate(workflowId);
		url = `${n8n.url}/webhook/${webhookId}/webhook`;
		const hooks = (await fetch(`${sb.urls.control}/seekpass/webhooks`).then((r) =>
			r.json(),
		)) as Array<{ id: string; url: string; secret: string }>;
		hook = hooks.find((h) => h.url === url)!;
	});

	test('activation registered the trigger’s URL at SEEK Pass', () => {
		expect(hook).toMatchObject({ id: expect.any(String), url });
	});

	test('a verified event starts a run carrying the verification result; its replay does not', async () => {
		const requestId = `e2e-${randomUUID()}`;
		await run(
			chain('create', [
				seekPass('Create', {
					resource: 'verification',
					operation: 'create',
					partner_name: 'Acme',
					verificationFields: { request_id: requestId },
				}),
			]),
		);
		const before = await n8n.lastExecutionId(workflowId);
		const fired = (await control(`/verifications/${requestId}`, {
			status: 'verified',
			credential: { full_name: 'Sam Person', date_of_birth: '1991-02-03' },
		})) as { event: { event_id: string }; deliveries: Array<{ status: number }> };
		expect(fired.deliveries.map((d) => d.status)).toEqual([200]);
		const execution = await n8n.waitForExecution({ workflowId, afterId: before });
		expect(execution.nodes['SEEK Pass Trigger'].items[0][0]).toMatchObject({
			event: 'verified',
			request_id: requestId,
			verification: {
				status: 'verified',
				credential: { full_name: 'Sam Person', date_of_birth: '1991-02-03' },
			},
		});

		const replay = (await control(
			`/webhooks/${hook.id}/redeliver/${fired.event.event_id}`,
			{},
		)) as { status: number };
		expect(replay.status).toBe(200);
		expect(await n8n.lastExecutionId(workflowId)).toBe(execution.id);
	});

	test('the workflow as n8n’s REST API returns it holds the webhook secret only sealed', async () => {
		const workflow = await n8n.rest<{ staticData?: unknown }>('GET', `/workflows/${workflowId}`);
		const text = JSON.stringify(workflow);
		expect(text).toContain('webhookSecretSealed');
		expect(text).toContain(hook.id);
		expect(text).not.toContain(hook.secret);
	});

	test('wrong secret, changed body, stale timestamp and missing headers: 401, nothing starts', async () => {
		const before = await n8n.lastExecutionId(workflowId);
		const send = async (body: Record<string, unknown>) =>
			((await control(`/webhooks/${hook.id}/send`, body)) as { status: number }).status;
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

		expect(await send({ request_id: 'x', secret: 'a'.repeat(64) })).toBe(401);
		expect(
			await send({ body: original.replace('verified', 'canceled'), timestamp, signature }),
		).toBe(401);
		expect(await send({ request_id: 'x', timestamp: timestamp - 301 })).toBe(401);
		const bare = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: original,
		});
		expect(bare.status).toBe(401);
		expect(await send({ body: '{"hello":"world"}' })).toBe(400);
		expect(await n8n.lastExecutionId(workflowId)).toBe(before);
	});

	test('deactivation deletes the webhook at SEEK Pass', async () => {
		await n8n.deactivate(workflowId);
		const hooks = (await fetch(`${sb.urls.control}/seekpass/webhooks`).then((r) =>
			r.json(),
		)) as Array<{ url: string }>;
		expect(hooks.some((h) => h.url === url)).toBe(false);
	});
});
