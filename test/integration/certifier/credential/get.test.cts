// Certifier credential: Get with its group (fetched once per distinct group), Certifier's not_found
// with and without Continue on Fail, 429s absorbed by the shared transport, Simplify, and the
// credential picker in its three modes plus the plain string saved workflows hold.
import { NodeApiError } from 'n8n-workflow';
import {
	byId,
	byUrl,
	createDraft,
	fromList,
	json,
	SEED_GROUP,
	startCertifierEnv,
} from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

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

const SIMPLE_FIELDS = [
	'customAttributes',
	'expiryDate',
	'group',
	'groupId',
	'id',
	'issueDate',
	'publicId',
	'recipient',
	'status',
];
const FULL_FIELDS = [...SIMPLE_FIELDS, 'attributes', 'createdAt', 'updatedAt'].sort();

test('Simplify is on by default from version 1.1 (ten fields at most); off, or in version 1, the full credential', async () => {
	const id = await createDraft(env);
	const get = { resource: 'credential', operation: 'get', credentialId: id };
	const simple = await env.run(get);
	expect(simple.node.typeVersion).toBe(1.1);
	expect(simple.node.parameters.simplify).toBe(true);
	expect(Object.keys(json(simple)[0]).sort()).toEqual(SIMPLE_FIELDS);
	expect(json(simple)[0]).toMatchObject({
		id,
		status: 'draft',
		recipient: { name: 'Ada Lovelace', email: 'ada@example.org' },
		group: { id: SEED_GROUP, name: 'Introduction to Data Science' },
	});
	const full = await env.run({ ...get, simplify: false });
	expect(Object.keys(json(full)[0]).sort()).toEqual(FULL_FIELDS);
	const version1 = await env.run(get, undefined, { typeVersion: 1 });
	expect(version1.node.parameters).not.toHaveProperty('simplify');
	expect(Object.keys(json(version1)[0]).sort()).toEqual(FULL_FIELDS);
	expect(json(version1)[0]).toEqual(json(full)[0]);
});

test('the credential picker: a saved plain-string ID, By ID, By URL and From List all get the same credential', async () => {
	const id = await createDraft(env);
	const modes = [id, byId(id), byUrl(`https://app.certifier.io/credentials/${id}`), fromList(id)];
	for (const credentialId of modes) {
		for (const typeVersion of [1, 1.1]) {
			const run = await env.run(
				{ resource: 'credential', operation: 'get', credentialId },
				undefined,
				{ typeVersion },
			);
			expect(run.error).toBeUndefined();
			expect(json(run)[0]).toMatchObject({ id });
		}
	}
	expect(env.apiRequests({ method: 'GET', pathIncludes: `/credentials/${id}` })).toHaveLength(8);
});

test('a credential URL that is not Certifier’s is refused by the picker before the node runs', async () => {
	await expect(
		env.run({
			resource: 'credential',
			operation: 'get',
			credentialId: byUrl('https://example.org/credentials/x'),
		}),
	).rejects.toThrow('Not a Certifier credential URL');
	expect(env.apiRequests()).toHaveLength(0);
});

test('an ID that comes out empty is refused before any request, naming the item and field', async () => {
	const run = await env.run(
		{ resource: 'credential', operation: 'get', credentialId: '={{ $json.id }}' },
		[{ id: '  ' }],
	);
	expect((run.error as Error).message).toBe('Invalid credential ID in item 0: is required');
	expect(env.apiRequests()).toHaveLength(0);
});
