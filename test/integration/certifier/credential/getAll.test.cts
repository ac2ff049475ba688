// Certifier credential: Get Many over Certifier's cursor pagination (2,500 credentials, counted page requests).
import { json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('Return All over 2,500 credentials: every one once, in 25 page requests of 100', async () => {
	await env.control('POST', '/seed-credentials', { count: 2500 });
	const run = await env.run({ resource: 'credential', operation: 'getAll', returnAll: true });
	expect(run.error).toBeUndefined();
	const items = json(run);
	expect(items).toHaveLength(2500);
	expect(new Set(items.map((i) => i.id)).size).toBe(2500);
	const pages = env.apiRequests({ method: 'GET' }).filter((r) => r.path.endsWith('/credentials'));
	expect(pages).toHaveLength(25);
	expect(pages.every((r) => String(r.query.limit) === '100')).toBe(true);
	expect(pages.filter((r) => r.query.cursor === undefined)).toHaveLength(1);
	expect(run.output[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
});

test('Limit 150: two requests (100 + 50) and 150 items', async () => {
	await env.control('POST', '/seed-credentials', { count: 300 });
	const run = await env.run({
		resource: 'credential',
		operation: 'getAll',
		returnAll: false,
		limit: 150,
	});
	expect(json(run)).toHaveLength(150);
	expect(env.apiRequests({ method: 'GET' }).map((r) => String(r.query.limit))).toEqual([
		'100',
		'50',
	]);
});

test('Simplify (default from version 1.1) leaves ten fields at most per credential; off keeps all', async () => {
	await env.control('POST', '/seed-credentials', { count: 3 });
	const simple = json(
		await env.run({ resource: 'credential', operation: 'getAll', returnAll: true }),
	);
	expect(simple).toHaveLength(3);
	for (const item of simple) {
		expect(Object.keys(item).length).toBeLessThanOrEqual(10);
		expect(item).not.toHaveProperty('attributes');
		expect(item).toHaveProperty('recipient');
	}
	const full = json(
		await env.run({
			resource: 'credential',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		}),
	);
	expect(full.map((item) => Object.keys(item).length)).toEqual([11, 11, 11]);
	expect(simple.map((item) => item.id)).toEqual(full.map((item) => item.id));
});
