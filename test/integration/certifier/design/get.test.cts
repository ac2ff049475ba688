// Certifier design: Get, by ID and by dashboard URL.
import { NodeApiError } from 'n8n-workflow';
import { byId, byUrl, json, SEED_DESIGNS, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('get returns the published design object, by ID or by URL', async () => {
	const run = await env.run({
		resource: 'design',
		operation: 'get',
		design: byId(SEED_DESIGNS[0]),
	});
	expect(json(run)).toEqual([
		{
			id: SEED_DESIGNS[0],
			name: 'Classic certificate',
			type: 'certificate',
			previewUrl: expect.stringMatching(/^http:.*\.png$/),
			createdAt: expect.any(String),
			updatedAt: expect.any(String),
		},
	]);
	const byLink = await env.run({
		resource: 'design',
		operation: 'get',
		design: byUrl(`https://app.certifier.io/designs/${SEED_DESIGNS[1]}`),
	});
	expect(json(byLink)[0]).toMatchObject({ id: SEED_DESIGNS[1] });
});

test('an unknown design is a 404 from Certifier', async () => {
	const run = await env.run({
		resource: 'design',
		operation: 'get',
		design: byId('01aaaaaaaaaaaaaaaaaaaaaaaa'),
	});
	expect((run.error as NodeApiError).httpCode).toBe('404');
});
