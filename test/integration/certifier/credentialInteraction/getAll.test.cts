// Certifier credential interaction: Get Many, of every credential or filtered by one, paged.
import { createDraft, json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

async function interact(credentialId: string, eventType: string) {
	await env.api('POST', '/credential-interactions', { credentialId, eventType });
}

test('lists all interactions, or those of one credential (the published filter)', async () => {
	const ada = await createDraft(env, 'Ada', 'ada@example.org');
	const bob = await createDraft(env, 'Bob', 'bob@example.org');
	await interact(ada, 'credential_viewed');
	await interact(bob, 'credential_downloaded');
	await interact(ada, 'credential_verified');

	const all = await env.run({
		resource: 'credentialInteraction',
		operation: 'getAll',
		returnAll: true,
	});
	expect(json(all)).toHaveLength(3);

	const one = await env.run({
		resource: 'credentialInteraction',
		operation: 'getAll',
		returnAll: true,
		filters: { credentialId: ada },
	});
	expect(
		json(one)
			.map((i) => [i.credentialId, i.eventType])
			.sort(),
	).toEqual([
		[ada, 'credential_verified'],
		[ada, 'credential_viewed'],
	]);
	const query = env.apiRequests({ method: 'GET', pathIncludes: '/credential-interactions' }).at(-1);
	expect(query?.query).toMatchObject({ credentialId: ada });
});

test('a limit stops paging early', async () => {
	const id = await createDraft(env);
	for (let i = 0; i < 4; i++) await interact(id, 'credential_viewed');
	const run = await env.run({ resource: 'credentialInteraction', operation: 'getAll', limit: 2 });
	expect(json(run)).toHaveLength(2);
	expect(
		env.apiRequests({ method: 'GET', pathIncludes: '/credential-interactions' })[0].query,
	).toMatchObject({ limit: '2' });
});
