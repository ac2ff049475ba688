// Certifier group: Get, with the group picker's URL mode guarding what it accepts.
import { byId, byUrl, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('a group URL that is not Certifier’s is refused by the picker before the node runs', async () => {
	await expect(
		env.run({ resource: 'group', operation: 'get', group: byUrl('https://example.org/groups/x') }),
	).rejects.toThrow('Not a Certifier group URL');
	expect(env.apiRequests()).toHaveLength(0);
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
