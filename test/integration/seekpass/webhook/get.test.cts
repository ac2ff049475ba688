// webhook:get against the sandbox, and the Webhook picker every webhook operation shares: from
// the list, by ID, and the plain text ID of workflows saved before it was a picker.
import { listSearch } from '../../../../nodes/SeekPass/methods';
import { seekPassEditorContext } from '../editor-context.cjs';
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';

const env = seekPassEnvPerFile();

async function createWebhook(url: string, name?: string): Promise<string> {
	const run = await env.run({
		resource: 'webhook',
		operation: 'create',
		url,
		webhookFields: name ? { name } : {},
	});
	expect(run.error).toBeUndefined();
	return jsonOf(run)[0].id as string;
}

test('the picker lists the registered webhooks, filtered by name, URL or ID', async () => {
	const a = await createWebhook('https://n8n.example.com/webhook/a', 'Alpha');
	const b = await createWebhook('https://n8n.example.com/webhook/b');
	const ctx = seekPassEditorContext({
		environment: 'custom',
		customBaseUrl: env.sb.urls.seekPass,
		clientId: env.sb.demo.seekPass.clientId,
		clientSecret: env.sb.demo.seekPass.clientSecret,
	});

	expect((await listSearch.searchWebhooks.call(ctx)).results).toEqual([
		{ name: 'Alpha (https://n8n.example.com/webhook/a)', value: a },
		{ name: 'https://n8n.example.com/webhook/b', value: b },
	]);
	expect((await listSearch.searchWebhooks.call(ctx, 'ALPHA')).results).toEqual([
		{ name: 'Alpha (https://n8n.example.com/webhook/a)', value: a },
	]);
	expect(
		(await listSearch.searchWebhooks.call(ctx, 'webhook/b')).results.map((r) => r.value),
	).toEqual([b]);
	expect((await listSearch.searchWebhooks.call(ctx, b)).results.map((r) => r.value)).toEqual([b]);
});

test.each([
	['picked from the list', (id: string) => ({ __rl: true, mode: 'list', value: id })],
	['given by ID', (id: string) => ({ __rl: true, mode: 'id', value: ` ${id} ` })],
	['a plain text ID (a workflow saved before the picker)', (id: string) => id],
])('get, rotateSecret, update and delete take a webhook %s', async (_, webhookId) => {
	const id = await createWebhook('https://n8n.example.com/webhook/a', 'Alpha');
	const op = async (operation: string, parameters: Record<string, unknown> = {}) => {
		const run = await env.run({
			resource: 'webhook',
			operation,
			webhookId: webhookId(id),
			...parameters,
		} as never);
		expect(run.error).toBeUndefined();
		return jsonOf(run)[0];
	};

	expect(await op('get')).toEqual({
		id,
		name: 'Alpha',
		description: null,
		url: 'https://n8n.example.com/webhook/a',
	});
	expect((await op('rotateSecret')).secret).toMatch(/^[0-9a-f]{64}$/);
	expect(await op('update', { updateFields: { name: 'Beta' } })).toMatchObject({
		id,
		name: 'Beta',
	});
	expect(await op('delete')).toEqual({ id, deleted: true });
	expect(await env.control('GET', '/webhooks')).toEqual([]);
});

test('a webhook ID an expression leaves empty fails naming the item, before any request', async () => {
	const run = await env.run(
		{
			resource: 'webhook',
			operation: 'get',
			webhookId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		},
		[{ id: ' ' }],
	);
	expect((run.error as Error).message).toMatch(/in item 0: .*is required/);
	expect(env.apiRequests()).toEqual([]);
});
