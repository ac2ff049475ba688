// Get Many over Certifier's cursor pagination (2,500 credentials, counted page requests),
// Search with the filter builder and raw JSON, and 429s absorbed by the shared transport.
import { NodeOperationError } from 'n8n-workflow';
import { certifierEnv, type CertifierEnv, json } from './env.cjs';

let env: CertifierEnv;
beforeAll(async () => {
	env = await certifierEnv();
});
afterAll(async () => await env?.close());
beforeEach(() => env.sb.reset());

describe('get many', () => {
	test('Return All over 2,500 credentials: every one once, in 25 page requests of 100', async () => {
		await env.control('POST', '/seed-credentials', { count: 2500 });
		const run = await env.run({ resource: 'credential', operation: 'getAll', returnAll: true });
		expect(run.error).toBeUndefined();
		const items = json(run);
		expect(items).toHaveLength(2500);
		expect(new Set(items.map((i) => i.id)).size).toBe(2500);
		const pages = env.apiRequests('GET').filter((r) => r.path.endsWith('/credentials'));
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
		expect(env.apiRequests('GET').map((r) => String(r.query.limit))).toEqual(['100', '50']);
	});

	test('groups and designs list; attributes can be narrowed to custom ones', async () => {
		const groups = await env.run({ resource: 'group', operation: 'getAll', returnAll: true });
		expect(
			json(groups)
				.map((g) => g.name)
				.sort(),
		).toEqual(['Introduction to Data Science', 'Workplace Safety Essentials']);
		const designs = await env.run({
			resource: 'design',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		});
		expect(json(designs)).toHaveLength(1);
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
});

describe('search', () => {
	beforeEach(async () => {
		await env.control('POST', '/seed-credentials', { count: 5, status: 'issued' });
		await env.control('POST', '/seed-credentials', { count: 3, status: 'draft' });
	});

	test('builder conditions become the documented filter; sort is sent as chosen', async () => {
		const run = await env.run({
			resource: 'credential',
			operation: 'search',
			filterMode: 'builder',
			combinator: 'AND',
			conditions: {
				condition: [
					{ field: 'status', statuses: ['issued'] },
					{ field: 'recipient.email', stringOperator: 'endsWith', value: '@example.org' },
					{
						field: 'recipient.name',
						stringOperator: 'equals',
						value: 'Seed Recipient 00002',
						negate: true,
					},
				],
			},
			returnAll: true,
			options: { sortProperty: 'recipient.name', sortOrder: 'asc' },
		});
		expect(run.error).toBeUndefined();
		expect(env.apiRequests('POST', '/search')[0].body).toEqual({
			filter: {
				AND: [
					{ status: { equals: 'issued' } },
					{ recipient: { email: { endsWith: '@example.org' } } },
					{ NOT: [{ recipient: { name: { equals: 'Seed Recipient 00002' } } }] },
				],
			},
			sort: { property: 'recipient.name', order: 'asc' },
			limit: 100,
		});
		expect(json(run).map((c) => (c.recipient as { name: string }).name)).toEqual([
			'Seed Recipient 00001',
			'Seed Recipient 00003',
			'Seed Recipient 00004',
			'Seed Recipient 00005',
		]);
	});

	test('OR of statuses via raw JSON, paged with a small limit', async () => {
		const run = await env.run({
			resource: 'credential',
			operation: 'search',
			filterMode: 'json',
			filterJson: JSON.stringify({
				OR: [{ status: { equals: 'draft' } }, { status: { equals: 'expired' } }],
			}),
			returnAll: false,
			limit: 2,
		});
		expect(json(run).map((c) => c.status)).toEqual(['draft', 'draft']);
		expect(env.apiRequests('POST', '/search')).toHaveLength(1);
	});

	test('Return All pages through the search results with Certifier’s cursor', async () => {
		await env.control('POST', '/seed-credentials', { count: 250, status: 'draft' });
		const run = await env.run({
			resource: 'credential',
			operation: 'search',
			filterMode: 'builder',
			conditions: { condition: [{ field: 'status', statuses: ['draft'] }] },
			returnAll: true,
		});
		expect(json(run)).toHaveLength(253);
		const bodies = env.apiRequests('POST', '/search').map((r) => r.body as { cursor?: string });
		expect(bodies).toHaveLength(3);
		expect(bodies[0].cursor).toBeUndefined();
		expect(bodies.slice(1).every((b) => typeof b.cursor === 'string')).toBe(true);
	});

	test('a condition with the wrong operator for its field is refused before any request', async () => {
		const run = await env.run({
			resource: 'credential',
			operation: 'search',
			conditions: { condition: [{ field: 'issueDate', dateOperator: 'gt', value: 'yesterday' }] },
		});
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect((run.error as Error).message).toBe(
			'Invalid filter condition 1 in item 0: value: yesterday is not a date (YYYY-MM-DD) or an ISO 8601 date-time',
		);
		expect(env.apiRequests()).toHaveLength(0);
	});

	test('a raw filter Certifier rejects surfaces its validation_error', async () => {
		const run = await env.run({
			resource: 'credential',
			operation: 'search',
			filterMode: 'json',
			filterJson: '{"status": {"contains": "iss"}}',
		});
		expect((run.error as Error).message).toMatch(
			/^Certifier answered 400 \[validation_error\]: filter\.status\.contains/,
		);
	});
});

describe('rate limits', () => {
	test('429s from Certifier are waited out by the shared transport: every item succeeds', async () => {
		await env.control('POST', '/seed-credentials', { count: 1 });
		const [{ id }] = (await env.control('GET', '/credentials')).data;
		env.sb.setSwitches({ rateLimitPerSecond: 4 });
		const run = await env.run(
			{
				resource: 'credential',
				operation: 'get',
				credentialId: '={{ $json.id }}',
				options: { includeGroup: false },
			},
			{ input: Array.from({ length: 12 }, () => ({ json: { id } })) },
		);
		expect(run.error).toBeUndefined();
		expect(json(run)).toHaveLength(12);
		const gets = env.apiRequests('GET');
		expect(gets.filter((r) => r.status === 429).length).toBeGreaterThan(0);
		expect(gets.filter((r) => r.status === 200)).toHaveLength(12);
	});
});
