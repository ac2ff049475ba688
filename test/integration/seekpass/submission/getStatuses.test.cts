// submission:getStatuses against the sandbox: unknown ids reported instead of dropped, and ids
// from all items asked for 30 at a time.
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';
import { addSubmissions } from '../submissions.cjs';

const env = seekPassEnvPerFile();

test('1,000 ids from 1,000 items cost 34 status requests, one output item per id in input order', async () => {
	const known = ['known-0', 'known-1', 'known-2'];
	await addSubmissions(env, known);
	await env.control('POST', '/submissions/known-1', { status: 'canceled' });
	env.sb.clearRequests();

	const ids = Array.from({ length: 1000 }, (_, i) =>
		i % 400 === 0 ? known[i / 400] : `unknown-${i}`,
	);
	const run = await env.run(
		{ resource: 'submission', operation: 'getStatuses', submissionIds: '={{ $json.id }}' },
		ids.map((id) => ({ id })),
	);

	expect(run.error).toBeUndefined();
	const statusRequests = env.apiRequests({ pathIncludes: '/submissions/status.json' });
	expect(statusRequests).toHaveLength(34);
	expect(env.apiRequests()).toHaveLength(34);
	expect(statusRequests.every((r) => (r.body as { ids: string[] }).ids.length <= 30)).toBe(true);
	// Requests run concurrently, so the log's order is not the input's: compare as sets.
	expect(statusRequests.flatMap((r) => (r.body as { ids: string[] }).ids).sort()).toEqual(
		[...ids].sort(),
	);

	const out = run.output[0];
	expect(out).toHaveLength(1000);
	expect(out.map((item) => item.json.submissionId)).toEqual(ids);
	expect(out.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	expect(out[0].json).toEqual({
		submissionId: 'known-0',
		found: true,
		status: 'incomplete',
		finalized_at: null,
	});
	expect(out[400].json).toMatchObject({ submissionId: 'known-1', found: true, status: 'canceled' });
	expect(out[1].json).toEqual({
		submissionId: 'unknown-1',
		found: false,
		status: 'not_found',
		finalized_at: null,
	});
	expect(out.filter((item) => item.json.found === false)).toHaveLength(997);
});

test('takes several ids per item, as a list or as text, and asks for a repeated id once', async () => {
	await addSubmissions(env, ['a', 'b', 'c']);
	env.sb.clearRequests();
	const run = await env.run(
		{ resource: 'submission', operation: 'getStatuses', submissionIds: '={{ $json.ids }}' },
		[{ ids: ['a', 'b'] }, { ids: 'c, a\nzz' }],
	);

	expect(run.error).toBeUndefined();
	expect(jsonOf(run).map((j) => [j.submissionId, j.status])).toEqual([
		['a', 'incomplete'],
		['b', 'incomplete'],
		['c', 'incomplete'],
		['a', 'incomplete'],
		['zz', 'not_found'],
	]);
	expect(run.output[0].map((i) => i.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 0 },
		{ item: 1 },
		{ item: 1 },
		{ item: 1 },
	]);
	const [request] = env.apiRequests({ pathIncludes: '/submissions/status.json' });
	expect((request.body as { ids: string[] }).ids).toEqual(['a', 'b', 'c', 'zz']);
});

test('an item without ids fails naming the item, before any request', async () => {
	const run = await env.run(
		{ resource: 'submission', operation: 'getStatuses', submissionIds: '={{ $json.ids }}' },
		[{ ids: 'a' }, { ids: '' }],
	);
	expect((run.error as Error).message).toMatch(
		/in item 1: submissionIds: must name at least one ID/,
	);
	expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
});
