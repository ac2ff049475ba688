// submission:getStatus against the sandbox: statuses as the holder changes them, an unknown id
// reported instead of dropped.
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';
import { addSubmissions } from '../submissions.cjs';

const env = seekPassEnvPerFile();

test('reads incomplete, then verified after the holder accepts; an unknown id is reported', async () => {
	await addSubmissions(env, ['sub-1']);
	const get = (id: string) =>
		env.run({ resource: 'submission', operation: 'getStatus', submissionId: id });

	expect(jsonOf(await get('sub-1'))).toEqual([
		{ submissionId: 'sub-1', found: true, status: 'incomplete', finalized_at: null },
	]);
	await env.control('POST', '/submissions/sub-1', { status: 'verified' });
	expect(jsonOf(await get('sub-1'))).toEqual([
		{
			submissionId: 'sub-1',
			found: true,
			status: 'verified',
			finalized_at: expect.stringMatching(/^\d{4}-/),
		},
	]);
	expect(jsonOf(await get('nobody-knows-me'))).toEqual([
		{ submissionId: 'nobody-knows-me', found: false, status: 'not_found', finalized_at: null },
	]);
});

test('node version 1 keeps the id under `id`, as saved workflows read it', async () => {
	await addSubmissions(env, ['sub-v1']);
	const run = await env.run(
		{ resource: 'submission', operation: 'getStatus', submissionId: 'sub-v1' },
		undefined,
		{ typeVersion: 1 },
	);
	expect(jsonOf(run)).toEqual([
		{ id: 'sub-v1', found: true, status: 'incomplete', finalized_at: null },
	]);
});
