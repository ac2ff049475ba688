// Certifier group: Get Many.
import { json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('groups list', async () => {
	const groups = await env.run({ resource: 'group', operation: 'getAll', returnAll: true });
	expect(
		json(groups)
			.map((g) => g.name)
			.sort(),
	).toEqual(['Introduction to Data Science', 'Workplace Safety Essentials']);
});
