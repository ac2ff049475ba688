// Certifier group: Get Many.
import { type CertifierEnv, json, startCertifierEnv } from '../env.cjs';

let env: CertifierEnv;
beforeAll(async () => {
	env = await startCertifierEnv();
});
afterAll(async () => await env?.close());
beforeEach(() => env.sb.reset());

test('groups list', async () => {
	const groups = await env.run({ resource: 'group', operation: 'getAll', returnAll: true });
	expect(
		json(groups)
			.map((g) => g.name)
			.sort(),
	).toEqual(['Introduction to Data Science', 'Workplace Safety Essentials']);
});
