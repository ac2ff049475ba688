// Certifier group: Delete, and Certifier's refusal while credentials of the group exist.
import { NodeApiError } from 'n8n-workflow';
import { byId, createDraft, json, SEED_DESIGNS, SEED_GROUP, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('delete removes the group for good', async () => {
	const { id } = await env.api('POST', '/groups', { name: 'Pilot', designIds: [SEED_DESIGNS[0]] });
	const run = await env.run({ resource: 'group', operation: 'delete', group: byId(id) });
	expect(json(run)).toEqual([{ id, deleted: true }]);
	expect(env.apiRequests({ method: 'DELETE' }).map((r) => r.path)).toEqual([
		expect.stringMatching(new RegExp(`/v1/groups/${id}$`)),
	]);
	const after = await env.run({ resource: 'group', operation: 'get', group: byId(id) });
	expect((after.error as NodeApiError).httpCode).toBe('404');
});

test('a group that still has credentials is refused (and kept), as an error item when continuing', async () => {
	await createDraft(env);
	const run = await env.run(
		{ resource: 'group', operation: 'delete', group: byId(SEED_GROUP) },
		undefined,
		{ continueOnFail: true },
	);
	expect(run.error).toBeUndefined();
	expect(run.output[0][0]).toEqual({
		json: expect.objectContaining({ code: 'conflict', httpCode: '409' }),
		pairedItem: { item: 0 },
	});
	expect(await env.api('GET', `/groups/${SEED_GROUP}`)).toMatchObject({ id: SEED_GROUP });
});

test('an empty group is refused before any request', async () => {
	const run = await env.run({ resource: 'group', operation: 'delete', group: '={{ $json.id }}' }, [
		{ id: ' ' },
	]);
	expect((run.error as Error).message).toBe('Invalid group in item 0: is required');
	expect(env.apiRequests()).toHaveLength(0);
});
