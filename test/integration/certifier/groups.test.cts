// Group operations with the group and design pickers in their three modes.
import {
	byId,
	byUrl,
	certifierEnv,
	type CertifierEnv,
	fromList,
	json,
	SEED_DESIGNS,
	SEED_GROUP,
} from './env.cjs';

let env: CertifierEnv;
beforeAll(async () => {
	env = await certifierEnv();
});
afterAll(async () => await env?.close());
beforeEach(() => env.sb.reset());

test('create with a design from the list plus another design, then get it by URL', async () => {
	const created = await env.run({
		resource: 'group',
		operation: 'create',
		name: 'Financial Markets',
		design: fromList(SEED_DESIGNS[0]),
		additionalFields: {
			additionalDesignIds: [SEED_DESIGNS[1]],
			learningEventUrl: 'https://example.org/markets',
		},
	});
	expect(created.error).toBeUndefined();
	expect(env.apiRequests('POST', '/groups')[0].body).toEqual({
		name: 'Financial Markets',
		designIds: SEED_DESIGNS,
		learningEventUrl: 'https://example.org/markets',
	});
	const id = String(json(created)[0].id);
	const got = await env.run({
		resource: 'group',
		operation: 'get',
		group: byUrl(`https://app.certifier.io/groups/${id}`),
	});
	expect(json(got)[0]).toMatchObject({ id, name: 'Financial Markets', designIds: SEED_DESIGNS });
});

test('a group URL that is not Certifier’s is refused by the picker before the node runs', async () => {
	await expect(
		env.run({ resource: 'group', operation: 'get', group: byUrl('https://example.org/groups/x') }),
	).rejects.toThrow('Not a Certifier group URL');
	expect(env.apiRequests()).toHaveLength(0);
});

test('update renames and replaces designs; an unknown design is Certifier’s validation_error', async () => {
	const run = await env.run({
		resource: 'group',
		operation: 'update',
		group: byId(SEED_GROUP),
		updateFields: { name: 'Data Science 101', designIds: [SEED_DESIGNS[1]] },
	});
	expect(json(run)[0]).toMatchObject({
		id: SEED_GROUP,
		name: 'Data Science 101',
		designIds: [SEED_DESIGNS[1]],
	});
	const bad = await env.run({
		resource: 'group',
		operation: 'update',
		group: byId(SEED_GROUP),
		updateFields: { designIds: ['01aaaaaaaaaaaaaaaaaaaaaaaa'] },
	});
	expect((bad.error as Error).message).toContain('[validation_error]');
});

test('an unknown group is not_found', async () => {
	const run = await env.run({
		resource: 'group',
		operation: 'get',
		group: byId('01aaaaaaaaaaaaaaaaaaaaaaaa'),
	});
	expect((run.error as Error).message).toBe(
		'Certifier answered 404 [not_found]: The requested resource does not exist',
	);
});
