// Certifier credential: Search with the filter builder and raw JSON, paged by Certifier's cursor.
import { NodeOperationError } from 'n8n-workflow';
import { json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

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
	expect(env.apiRequests({ method: 'POST', pathIncludes: '/search' })[0].body).toEqual({
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
	expect(env.apiRequests({ method: 'POST', pathIncludes: '/search' })).toHaveLength(1);
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
	const bodies = env
		.apiRequests({ method: 'POST', pathIncludes: '/search' })
		.map((r) => r.body as { cursor?: string });
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
		'Invalid filter condition 1 in item 0: value: yesterday is not a date (YYYY-MM-DD) or an ISO 8601 date-time (field “Conditions › Value”)',
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

test('Simplify (default from version 1.1) trims each match; off, and version 1, keep the full credential', async () => {
	const search = {
		resource: 'credential',
		operation: 'search',
		conditions: { condition: [{ field: 'status', statuses: ['draft'] }] },
		returnAll: true,
	};
	const simple = json(await env.run(search));
	expect(simple).toHaveLength(3);
	expect(simple.every((item) => Object.keys(item).length <= 10 && !('updatedAt' in item))).toBe(
		true,
	);
	const full = json(await env.run({ ...search, simplify: false }));
	const version1 = json(await env.run(search, undefined, { typeVersion: 1 }));
	expect(full.every((item) => Object.keys(item).length === 11)).toBe(true);
	expect(version1).toEqual(full);
});
