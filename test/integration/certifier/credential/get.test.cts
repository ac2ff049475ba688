// Certifier credential: Get with its group (fetched once per distinct group), Certifier's not_found
// with and without Continue on Fail, and 429s absorbed by the shared transport.
import { NodeApiError } from 'n8n-workflow';
import { type CertifierEnv, createDraft, json, SEED_GROUP, startCertifierEnv } from '../env.cjs';

let env: CertifierEnv;
beforeAll(async () => {
	env = await startCertifierEnv();
});
afterAll(async () => await env?.close());
beforeEach(() => env.sb.reset());

test('get includes the group by default, fetched once per distinct group', async () => {
	const ids = [
		await createDraft(env, 'A', 'a@example.org'),
		await createDraft(env, 'B', 'b@example.org'),
	];
	env.sb.clearRequests();
	const run = await env.run(
		{ resource: 'credential', operation: 'get', credentialId: '={{ $json.id }}' },
		ids.map((id) => ({ id })),
	);
	expect(json(run).map((i) => i.group)).toEqual([
		{ id: SEED_GROUP, name: 'Introduction to Data Science' },
		{ id: SEED_GROUP, name: 'Introduction to Data Science' },
	]);
	expect(env.apiRequests({ method: 'GET', pathIncludes: '/groups/' })).toHaveLength(1);
});

test('a missing credential is a readable not_found; with Continue on Fail it is an error item linked to its input', async () => {
	const id = await createDraft(env);
	const failed = await env.run({
		resource: 'credential',
		operation: 'get',
		credentialId: '01hzzzzzzzzzzzzzzzzzzzzzzz',
	});
	expect((failed.error as NodeApiError).message).toBe(
		'Certifier answered 404 [not_found]: The requested resource does not exist',
	);

	const run = await env.run(
		{
			resource: 'credential',
			operation: 'get',
			credentialId: '={{ $json.id }}',
			options: { includeGroup: false },
		},
		[{ id }, { id: '01hzzzzzzzzzzzzzzzzzzzzzzz' }],
		{ continueOnFail: true },
	);
	expect(run.error).toBeUndefined();
	expect(run.output[0][0].json).toMatchObject({ id });
	expect(run.output[0][1]).toEqual({
		json: expect.objectContaining({
			code: 'not_found',
			httpCode: '404',
			error: expect.stringContaining('[not_found]'),
		}),
		pairedItem: { item: 1 },
	});
});

test('429s from Certifier are waited out by the shared transport: every item succeeds', async () => {
	await env.control('POST', '/seed-credentials', { count: 1 });
	const [{ id }] = (await env.control('GET', '/credentials')).data;
	env.sb.setSwitches({ rateLimitPerSecond: 4 });
	const run = await env.run(
		{
			resource: 'credential',
			operation: 'get',
			credentialId: '={{ $json.id }}',
			options: { includeGroup: false },
		},
		Array.from({ length: 12 }, () => ({ id })),
	);
	expect(run.error).toBeUndefined();
	expect(json(run)).toHaveLength(12);
	const gets = env.apiRequests({ method: 'GET' });
	expect(gets.filter((r) => r.status === 429).length).toBeGreaterThan(0);
	expect(gets.filter((r) => r.status === 200)).toHaveLength(12);
});
