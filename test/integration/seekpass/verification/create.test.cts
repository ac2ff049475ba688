// verification:create/get and the six webhook operations against the sandbox.
import { NodeApiError } from 'n8n-workflow';
import { control } from '../control.cjs';
import { jsonOf, startSeekPassEnv, type SeekPassEnv } from '../env.cjs';

let env: SeekPassEnv;
beforeAll(async () => {
	env = await startSeekPassEnv();
});
afterAll(async () => {
	await env?.close();
});
beforeEach(() => env.sb.reset());

describe('verification', () => {
	test('create sends display options, callback, sources and metadata, and gives link and request id', async () => {
		const run = await env.run({
			resource: 'verification',
			operation: 'create',
			partner_name: 'Acme Recruiting',
			verificationFields: {
				callback_url: 'https://www.example.com/back',
				partner_logo_url: 'https://www.example.com/logo.png',
				request_source: { sources: [{ name: 'Acme' }, { name: 'JobBoard' }] },
			},
			metadata: { position_title: 'Nurse', applied_on_seek: true },
		});

		expect(run.error).toBeUndefined();
		const [out] = jsonOf(run);
		expect(out).toEqual({
			requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			redirectUri: expect.stringContaining(`#clientId=${env.sb.demo.seekPass.clientId}&content=`),
			contentId: out.requestId,
			clientId: env.sb.demo.seekPass.clientId,
		});
		expect(env.apiRequests({ pathIncludes: '/verify/' })[0].body).toEqual({
			request_id: out.requestId,
			callback_url: 'https://www.example.com/back',
			display_options: { partner_name: 'Acme Recruiting', partner_logo_url: 'https://www.example.com/logo.png' },
			request_source: [{ name: 'Acme' }, { name: 'JobBoard' }],
			metadata: { position_title: 'Nurse', applied_on_seek: true },
		});
	});

	test('get reads the result once the person has verified', async () => {
		const created = await env.run({
			resource: 'verification',
			operation: 'create',
			partner_name: 'Acme',
			verificationFields: { request_id: 'vr-1' },
		});
		expect(jsonOf(created)[0].requestId).toBe('vr-1');
		const get = () => env.run({ resource: 'verification', operation: 'get', requestId: 'vr-1' });

		expect(jsonOf(await get())[0]).toMatchObject({ request_id: 'vr-1', status: 'incomplete' });
		await control(env.sb, '/verifications/vr-1', {
			status: 'verified',
			credential: { full_name: 'Sam Person', date_of_birth: '1991-02-03' },
		});
		expect(jsonOf(await get())[0]).toEqual({
			request_id: 'vr-1',
			status: 'verified',
			credential: { full_name: 'Sam Person', date_of_birth: '1991-02-03' },
			verified_at: expect.any(String),
		});
	});

	test('a bad URL fails naming the field, before any request', async () => {
		const run = await env.run({
			resource: 'verification',
			operation: 'create',
			partner_name: 'Acme',
			verificationFields: { callback_url: 'www.example.com/back' },
		});
		expect((run.error as Error).message).toMatch(/in item 0: callback_url: must be a URL/);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});
});

describe('webhooks', () => {
	test('create, get, getAll, update, rotateSecret, delete', async () => {
		const op = (operation: string, parameters: Record<string, unknown> = {}) =>
			env.run({ resource: 'webhook', operation, ...parameters } as never);

		const created = jsonOf(await op('create', { url: 'https://n8n.example.com/webhook/a', webhookFields: { name: 'A' } }))[0];
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
		expect(all.map((w) => w.url)).toEqual(['https://n8n.example.com/webhook/a', 'https://n8n.example.com/webhook/b']);
		expect(all.every((w) => !('secret' in w))).toBe(true);
		expect(jsonOf(await op('getAll', { returnAll: false, limit: 1 }))).toHaveLength(1);

		const updated = jsonOf(await op('update', { webhookId: id, updateFields: { description: 'events', url: 'https://n8n.example.com/webhook/c' } }))[0];
		expect(updated).toEqual({ id, name: 'A', description: 'events', url: 'https://n8n.example.com/webhook/c' });
		expect(env.apiRequests().at(-1)?.body).toEqual({ id, description: 'events', url: 'https://n8n.example.com/webhook/c' });

		const rotated = jsonOf(await op('rotateSecret', { webhookId: id }))[0];
		expect(rotated.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(rotated.secret).not.toBe(created.secret);

		expect(jsonOf(await op('delete', { webhookId: id }))).toEqual([{ id, deleted: true }]);
		const gone = await op('get', { webhookId: id });
		expect(gone.error).toBeInstanceOf(NodeApiError);
		expect((gone.error as NodeApiError).httpCode).toBe('404');
		expect(JSON.stringify(gone.error)).not.toContain(created.secret as string);
	});

	test('update without anything to change fails before any request', async () => {
		const run = await env.run({ resource: 'webhook', operation: 'update', webhookId: 'w1', updateFields: {} });
		expect((run.error as Error).message).toMatch(/in item 0: updateFields: give at least one of url, name, description/);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});
});
