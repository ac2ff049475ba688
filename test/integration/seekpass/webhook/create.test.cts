// webhook:create against the sandbox, and the created webhook through the other five operations
// (get, getAll, update, rotateSecret, delete): only create and rotateSecret output its secret.
import { NodeApiError } from 'n8n-workflow';
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';

const env = seekPassEnvPerFile();

test('create, get, getAll, update, rotateSecret, delete', async () => {
	const op = (operation: string, parameters: Record<string, unknown> = {}) =>
		env.run({ resource: 'webhook', operation, ...parameters } as never);

	const created = jsonOf(
		await op('create', { url: 'https://n8n.example.com/webhook/a', webhookFields: { name: 'A' } }),
	)[0];
	expect(created).toEqual({
		id: expect.any(String),
		name: 'A',
		description: null,
		url: 'https://n8n.example.com/webhook/a',
		secret: expect.stringMatching(/^[0-9a-f]{64}$/),
	});
	const id = created.id as string;

	expect(jsonOf(await op('get', { webhookId: id }))).toEqual([
		{ id, name: 'A', description: null, url: 'https://n8n.example.com/webhook/a' },
	]);
	await op('create', { url: 'https://n8n.example.com/webhook/b' });
	const all = jsonOf(await op('getAll', { returnAll: true }));
	expect(all.map((w) => w.url)).toEqual([
		'https://n8n.example.com/webhook/a',
		'https://n8n.example.com/webhook/b',
	]);
	expect(all.every((w) => !('secret' in w))).toBe(true);
	expect(jsonOf(await op('getAll', { returnAll: false, limit: 1 }))).toHaveLength(1);

	const updated = jsonOf(
		await op('update', {
			webhookId: id,
			updateFields: { description: 'events', url: 'https://n8n.example.com/webhook/c' },
		}),
	)[0];
	expect(updated).toEqual({
		id,
		name: 'A',
		description: 'events',
		url: 'https://n8n.example.com/webhook/c',
	});
	expect(env.apiRequests().at(-1)?.body).toEqual({
		id,
		description: 'events',
		url: 'https://n8n.example.com/webhook/c',
	});

	const rotated = jsonOf(await op('rotateSecret', { webhookId: id }))[0];
	expect(rotated.secret).toMatch(/^[0-9a-f]{64}$/);
	expect(rotated.secret).not.toBe(created.secret);

	expect(jsonOf(await op('delete', { webhookId: id }))).toEqual([{ id, deleted: true }]);
	const gone = await op('get', { webhookId: id });
	expect(gone.error).toBeInstanceOf(NodeApiError);
	expect((gone.error as NodeApiError).httpCode).toBe('404');
	expect(JSON.stringify(gone.error)).not.toContain(created.secret as string);
});
