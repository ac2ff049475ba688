// The Certifier nodes in a real n8n server with this package installed as users install it
// (the harness packs dist/ into the user folder), against the sandbox: every operation in
// workflows run from the editor's REST API, the webhook trigger's refusals and replay on its
// production URL, and the poll trigger's test fetch.
import { createHmac, randomUUID } from 'node:crypto';
import { type Sandbox, startSandbox } from '../../sandbox/index.cjs';
import {
	type ExecutionResult,
	type Json,
	type N8nInstance,
	startN8n,
	type WorkflowJson,
	type WorkflowNode,
} from '../../real-n8n/index.cjs';

const P = 'n8n-nodes-career-credentials';
const SEED_GROUP = '01g90279gp5sbmfek7wymcsvec';
const SECOND_GROUP = '01hq4m8n7v0y5xw2b3c6d9e1fz';
const DESIGN = '01fpwtztwf7sacca5r0c483mnm';
const SECRET = 'whsec_e2e_0123456789abcdef';

let sb: Sandbox;
let n8n: N8nInstance;
let certifier: { id: string; name: string };
let webhookSecret: { id: string; name: string };

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	n8n = await startN8n();
	certifier = {
		id: await n8n.createCredential('certifierApi', 'Certifier sandbox', {
			accessToken: sb.demo.certifier.accessToken,
			apiVersion: sb.demo.certifier.version,
			baseUrl: sb.urls.certifier,
		}),
		name: 'Certifier sandbox',
	};
	webhookSecret = {
		id: await n8n.createCredential('certifierWebhookApi', 'Certifier webhook', { secret: SECRET }),
		name: 'Certifier webhook',
	};
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sb?.close();
});

const manual: WorkflowNode = {
	name: 'Manual Trigger',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
	position: [0, 0],
};

function certifierNode(name: string, parameters: Record<string, unknown>): WorkflowNode {
	return {
		name,
		type: `${P}.certifier`,
		typeVersion: 1,
		parameters,
		credentials: { certifierApi: certifier },
	};
}

/** Manual Trigger → chain[0] → chain[1] → … */
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

/** Manual Trigger → every node, side by side. */
function fan(name: string, nodes: WorkflowNode[]): WorkflowJson {
	const all = [
		manual,
		...nodes.map((n, i) => ({ ...n, position: [220, i * 160] as [number, number] })),
	];
	return {
		name,
		nodes: all,
		connections: {
			[manual.name]: {
				main: [nodes.map((n) => ({ node: n.name, type: 'main' as const, index: 0 }))],
			},
		},
		settings: { executionOrder: 'v1' },
	};
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

test('n8n loads the three Certifier node types and both credential types', async () => {
	expect(await n8n.nodeTypes()).toEqual(
		expect.arrayContaining([
			`${P}.certifier`,
			`${P}.certifierTrigger`,
			`${P}.certifierPollTrigger`,
		]),
	);
	expect(await n8n.credentialTypes()).toEqual(
		expect.arrayContaining(['certifierApi', 'certifierWebhookApi']),
	);
});

test('credential life cycle: create draft → issue → send → get → update (clear expiry) → delete', async () => {
	const id = '={{ $json.id }}';
	const execution = await run(
		chain('Certifier life cycle', [
			certifierNode('Create Draft', {
				resource: 'credential',
				operation: 'create',
				group: { __rl: true, mode: 'id', value: SEED_GROUP },
				recipientName: 'John Doe',
				recipientEmail: 'john.doe@example.com',
				customAttributes: { attribute: [{ tag: 'custom.mentor', value: 'Jane Doe' }] },
			}),
			certifierNode('Issue', { resource: 'credential', operation: 'issue', credentialId: id }),
			certifierNode('Send', {
				resource: 'credential',
				operation: 'send',
				credentialId: id,
				deliveryMethod: 'email',
			}),
			certifierNode('Get', { resource: 'credential', operation: 'get', credentialId: id }),
			certifierNode('Update', {
				resource: 'credential',
				operation: 'update',
				credentialId: id,
				updateFields: { clearExpiryDate: true },
			}),
			certifierNode('Delete', { resource: 'credential', operation: 'delete', credentialId: id }),
		]),
	);
	expect(execution.status).toBe('success');
	const [created] = items(execution, 'Create Draft');
	expect(created).toMatchObject({
		status: 'draft',
		groupId: SEED_GROUP,
		customAttributes: { 'custom.mentor': 'Jane Doe' },
	});
	expect(items(execution, 'Issue')[0]).toMatchObject({ id: created.id, status: 'issued' });
	expect(items(execution, 'Send')[0]).toMatchObject({ id: created.id });
	expect(items(execution, 'Get')[0]).toMatchObject({
		id: created.id,
		group: { id: SEED_GROUP, name: 'Introduction to Data Science' },
	});
	expect(items(execution, 'Update')[0]).toMatchObject({ id: created.id, expiryDate: null });
	expect(items(execution, 'Delete')).toEqual([{ id: created.id, deleted: true }]);
	const body = sb
		.requests({ service: 'certifier', method: 'POST' })
		.find((r) => r.path.endsWith('/v1/credentials'))?.body;
	expect(body).toEqual({
		groupId: SEED_GROUP,
		recipient: { name: 'John Doe', email: 'john.doe@example.com' },
		customAttributes: { 'custom.mentor': 'Jane Doe' },
	});
});

test('create, issue and send, then the designs downloaded as PDF', async () => {
	const execution = await run(
		chain('Certifier designs', [
			certifierNode('Create Issue Send', {
				resource: 'credential',
				operation: 'createIssueSend',
				group: { __rl: true, mode: 'url', value: `https://app.certifier.io/groups/${SEED_GROUP}` },
				recipientName: 'Ada Lovelace',
				recipientEmail: 'ada@example.org',
			}),
			certifierNode('Get Designs', {
				resource: 'credential',
				operation: 'getDesigns',
				credentialId: '={{ $json.id }}',
				download: 'pdf',
			}),
		]),
	);
	const [sent] = items(execution, 'Create Issue Send');
	expect(sent).toMatchObject({
		status: 'issued',
		group: { id: SEED_GROUP, name: 'Introduction to Data Science' },
	});
	const designs = items(execution, 'Get Designs');
	expect(designs.map((d) => d.name)).toEqual(['Classic certificate', 'Round badge']);
	const raw = execution.raw as {
		resultData: {
			runData: Record<
				string,
				Array<{ data: { main: Array<Array<{ binary?: Record<string, { mimeType: string }> }>> } }>
			>;
		};
	};
	const binary = raw.resultData.runData['Get Designs'][0].data.main[0][0].binary;
	expect(binary?.data?.mimeType).toBe('application/pdf');
});

test('lists, search, groups, designs and attributes', async () => {
	await fetch(`${sb.urls.control}/certifier/seed-credentials`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ count: 120, status: 'issued' }),
	});
	const execution = await run(
		fan('Certifier reads', [
			certifierNode('Get Many', { resource: 'credential', operation: 'getAll', returnAll: true }),
			certifierNode('Search', {
				resource: 'credential',
				operation: 'search',
				conditions: {
					condition: [
						{ field: 'recipient.email', stringOperator: 'endsWith', value: '00007@example.org' },
					],
				},
				returnAll: true,
			}),
			certifierNode('Create Group', {
				resource: 'group',
				operation: 'create',
				name: 'Financial Markets',
				design: { __rl: true, mode: 'list', value: DESIGN },
			}),
			certifierNode('Get Group', {
				resource: 'group',
				operation: 'get',
				group: { __rl: true, mode: 'id', value: SEED_GROUP },
			}),
			certifierNode('Groups', { resource: 'group', operation: 'getAll', returnAll: true }),
			certifierNode('Update Group', {
				resource: 'group',
				operation: 'update',
				group: { __rl: true, mode: 'id', value: SECOND_GROUP },
				updateFields: { name: 'Workplace Safety 2' },
			}),
			certifierNode('Designs', { resource: 'design', operation: 'getAll', returnAll: true }),
			certifierNode('Attributes', { resource: 'attribute', operation: 'getAll', customOnly: true }),
		]),
	);
	expect(items(execution, 'Get Many').length).toBeGreaterThanOrEqual(120);
	expect(items(execution, 'Search').map((c) => (c.recipient as Json).email)).toEqual([
		'seed.00007@example.org',
	]);
	expect(items(execution, 'Create Group')[0]).toMatchObject({
		name: 'Financial Markets',
		designIds: [DESIGN],
	});
	expect(items(execution, 'Get Group')[0]).toMatchObject({ id: SEED_GROUP });
	expect(items(execution, 'Groups').length).toBeGreaterThanOrEqual(2);
	expect(items(execution, 'Update Group')[0]).toMatchObject({
		id: SECOND_GROUP,
		name: 'Workplace Safety 2',
	});
	expect(items(execution, 'Designs')).toHaveLength(2);
	expect(items(execution, 'Attributes').map((a) => a.tag)).toEqual([
		'custom.mentor',
		'custom.grade',
		'custom.hours',
	]);
});

test('issue 13 operations: group delete, design get, credential interactions create and list', async () => {
	const { id: draftId } = (await (
		await fetch(`${sb.urls.certifier}/credentials`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sb.demo.certifier.accessToken}`,
				'certifier-version': sb.demo.certifier.version,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ groupId: SEED_GROUP, recipient: { name: 'Ada Lovelace' } }),
		})
	).json()) as { id: string };
	const execution = await run(
		chain('Certifier issue 13', [
			certifierNode('Create Group', {
				resource: 'group',
				operation: 'create',
				name: 'Short-lived',
				design: { __rl: true, mode: 'id', value: DESIGN },
			}),
			certifierNode('Delete Group', {
				resource: 'group',
				operation: 'delete',
				group: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			}),
			certifierNode('Get Design', {
				resource: 'design',
				operation: 'get',
				design: { __rl: true, mode: 'id', value: DESIGN },
			}),
			certifierNode('Record View', {
				resource: 'credentialInteraction',
				operation: 'create',
				credentialId: { __rl: true, mode: 'id', value: draftId },
				eventType: 'credential_shared_to_linkedin',
			}),
			certifierNode('Interactions', {
				resource: 'credentialInteraction',
				operation: 'getAll',
				returnAll: true,
				filters: { credentialId: draftId },
			}),
		]),
	);
	const created = items(execution, 'Create Group')[0];
	expect(items(execution, 'Delete Group')).toEqual([{ id: created.id, deleted: true }]);
	expect(items(execution, 'Get Design')[0]).toMatchObject({ id: DESIGN, type: 'certificate' });
	expect(items(execution, 'Interactions')).toEqual([
		expect.objectContaining({ credentialId: draftId, eventType: 'credential_shared_to_linkedin' }),
	]);
});

test("Certifier's documented error bodies reach the user readable", async () => {
	const execution = await run(
		chain('Certifier error', [
			certifierNode('Get', {
				resource: 'credential',
				operation: 'get',
				credentialId: '01hzzzzzzzzzzzzzzzzzzzzzzz',
			}),
		]),
	);
	expect(execution.status).toBe('error');
	expect(JSON.stringify(execution.nodes.Get.error)).toContain(
		'Certifier answered 404 [not_found]: The requested resource does not exist',
	);
	expect(JSON.stringify(execution.raw)).not.toContain(sb.demo.certifier.accessToken);
});

describe('webhook trigger on its production URL', () => {
	let workflowId: string;
	let url: string;
	const sign = (body: string, secret = SECRET) =>
		createHmac('sha256', secret).update(body).digest('hex');
	const post = async (body: string, headers: Record<string, string>) =>
		await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});
	const event = (id: string) =>
		JSON.stringify({
			id,
			type: 'credential.issued',
			createdAt: new Date().toISOString(),
			data: { resource: { id: 'x', type: 'credential' } },
		});

	beforeAll(async () => {
		const webhookId = randomUUID();
		workflowId = await n8n.importWorkflow({
			name: 'Certifier webhook',
			nodes: [
				{
					name: 'Certifier Trigger',
					type: `${P}.certifierTrigger`,
					typeVersion: 1,
					webhookId,
					position: [0, 0],
					parameters: { events: ['credential.issued'] },
					credentials: { certifierWebhookApi: webhookSecret },
				},
			],
			connections: {},
		});
		await n8n.activate(workflowId);
		url = `${n8n.url}/webhook/${webhookId}/webhook`;
	});

	test('a signed delivery from the sandbox starts a run; its redelivery does not', async () => {
		const before = await n8n.lastExecutionId(workflowId);
		await fetch(`${sb.urls.control}/certifier/webhooks`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url, secret: SECRET, events: ['credential.issued'] }),
		});
		const headers = {
			authorization: `Bearer ${sb.demo.certifier.accessToken}`,
			'certifier-version': sb.demo.certifier.version,
			'content-type': 'application/json',
		};
		const created = (await (
			await fetch(`${sb.urls.certifier}/credentials`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ groupId: SEED_GROUP, recipient: { name: 'Hook' } }),
			})
		).json()) as { id: string };
		await fetch(`${sb.urls.certifier}/credentials/${created.id}/issue`, {
			method: 'POST',
			headers,
		});
		await fetch(`${sb.urls.control}/certifier/webhooks/flush`, { method: 'POST' });
		const execution = await n8n.waitForExecution({ workflowId, afterId: before });
		const [item] = execution.nodes['Certifier Trigger'].items[0];
		expect(item).toMatchObject({ type: 'credential.issued', credentialId: created.id });

		const { events } = (await (
			await fetch(`${sb.urls.control}/certifier/webhooks/events`)
		).json()) as {
			events: Array<{ id: string; type: string; payload: { data: { resource: { id: string } } } }>;
		};
		const issued = events.find(
			(e) => e.type === 'credential.issued' && e.payload.data.resource.id === created.id,
		)!;
		expect(item.id).toBe(issued.id);
		const redelivery = (await (
			await fetch(`${sb.urls.control}/certifier/webhooks/redeliver/${issued.id}`, {
				method: 'POST',
			})
		).json()) as {
			deliveries: Array<{ status: number }>;
		};
		expect(redelivery.deliveries.map((d) => d.status)).toEqual([200]);
		expect(await n8n.lastExecutionId(workflowId)).toBe(execution.id);
	});

	test('wrong secret, altered body and missing header are answered 401 and start nothing', async () => {
		const before = await n8n.lastExecutionId(workflowId);
		const body = event(`01j${randomUUID().replace(/-/g, '').slice(0, 23)}`);
		expect((await post(body, { 'X-Webhook-Signature': sign(body, 'not-the-secret') })).status).toBe(
			401,
		);
		expect(
			(await post(body.replace('"x"', '"y"'), { 'X-Webhook-Signature': sign(body) })).status,
		).toBe(401);
		expect((await post(body, {})).status).toBe(401);
		// The genuine delivery of the same event is the next (and only) run.
		expect((await post(body, { 'X-Webhook-Signature': sign(body) })).status).toBe(200);
		const execution = await n8n.waitForExecution({ workflowId, afterId: before });
		expect(execution.nodes['Certifier Trigger'].items[0][0]).toMatchObject({
			id: JSON.parse(body).id,
		});
		expect(await n8n.lastExecutionId(workflowId)).toBe(execution.id);
	});
});

test('poll trigger: a test fetch returns the newest credential', async () => {
	const workflowId = await n8n.importWorkflow({
		name: 'Certifier poll',
		nodes: [
			{
				name: 'Certifier Poll Trigger',
				type: `${P}.certifierPollTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { watch: 'created', pollTimes: { item: [{ mode: 'everyMinute' }] } },
				credentials: { certifierApi: certifier },
			},
		],
		connections: {},
	});
	const execution = await n8n.runWorkflow(workflowId, { trigger: 'Certifier Poll Trigger' });
	const [item] = execution.nodes['Certifier Poll Trigger'].items[0];
	expect(item).toMatchObject({ id: expect.any(String), group: { id: expect.any(String) } });
	expect(item).not.toHaveProperty('sample');
});
