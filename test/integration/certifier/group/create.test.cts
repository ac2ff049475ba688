// Certifier group: Create with the design picker, read back by the group's dashboard URL.
import { byUrl, fromList, json, SEED_DESIGNS, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

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
	expect(env.apiRequests({ method: 'POST', pathIncludes: '/groups' })[0].body).toEqual({
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
