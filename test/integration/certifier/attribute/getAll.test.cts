// Certifier attribute: Get Many, narrowed to custom attributes.
import { type CertifierEnv, json, startCertifierEnv } from '../env.cjs';

let env: CertifierEnv;
beforeAll(async () => {
	env = await startCertifierEnv();
});
afterAll(async () => await env?.close());
beforeEach(() => env.sb.reset());

test('attributes can be narrowed to custom ones', async () => {
	const attributes = await env.run({
		resource: 'attribute',
		operation: 'getAll',
		customOnly: true,
	});
	expect(json(attributes).map((a) => a.tag)).toEqual([
		'custom.mentor',
		'custom.grade',
		'custom.hours',
	]);
});
