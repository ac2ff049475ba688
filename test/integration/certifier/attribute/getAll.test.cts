// Certifier attribute: Get Many, narrowed to custom attributes.
import { json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

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
