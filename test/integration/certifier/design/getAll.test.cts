// Certifier design: Get Many, with Limit.
import { json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('designs list, with a limit', async () => {
	const designs = await env.run({
		resource: 'design',
		operation: 'getAll',
		returnAll: false,
		limit: 1,
	});
	expect(json(designs)).toHaveLength(1);
});
