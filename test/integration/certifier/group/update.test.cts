// Certifier group: Update (rename, replace designs) and Certifier's validation_error.
import { byId, json, SEED_DESIGNS, SEED_GROUP, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

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

test('the deprecated design fields update legacy groups, but are refused next to designIds before any request', async () => {
	const legacy = await env.run({
		resource: 'group',
		operation: 'update',
		group: byId(SEED_GROUP),
		updateFields: { certificateDesignId: SEED_DESIGNS[0] },
	});
	expect(legacy.error).toBeUndefined();
	expect(env.apiRequests({ method: 'PATCH' })[0].body).toEqual({
		certificateDesignId: SEED_DESIGNS[0],
	});
	const mixed = await env.run({
		resource: 'group',
		operation: 'update',
		group: byId(SEED_GROUP),
		updateFields: { designIds: [SEED_DESIGNS[1]], badgeDesignId: SEED_DESIGNS[1] },
	});
	expect((mixed.error as Error).message).toBe(
		'Invalid group update in item 0: badgeDesignId: is deprecated and cannot be sent together with designIds; list the design under designIds (field “Update Fields › Badge Design ID (Deprecated)”)',
	);
	expect(env.apiRequests({ method: 'PATCH' })).toHaveLength(1);
});
