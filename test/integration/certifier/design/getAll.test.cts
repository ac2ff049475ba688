// Certifier design: Get Many, with Limit.
import { type CertifierEnv, json, startCertifierEnv } from '../env.cjs';

let env: CertifierEnv;
beforeAll(async () => {
	env = await startCertifierEnv();
});
afterAll(async () => await env?.close());
beforeEach(() => env.sb.reset());

test('designs list, with a limit', async () => {
	const designs = await env.run({
		resource: 'design',
		operation: 'getAll',
		returnAll: false,
		limit: 1,
	});
	expect(json(designs)).toHaveLength(1);
});
