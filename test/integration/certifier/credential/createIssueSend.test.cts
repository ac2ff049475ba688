// Certifier credential: Create, Issue and Send in one call: the group fetched once per run, bad
// input refused before any request, and Certifier's plan limits as readable errors.
import { NodeApiError } from 'n8n-workflow';
import { byId, json, SECOND_GROUP, SEED_GROUP, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('create-issue-send: issued, emailed, with the group; each group fetched once for all items', async () => {
	const input = [
		{ name: 'A', email: 'a@example.org', group: SEED_GROUP },
		{ name: 'B', email: 'b@example.org', group: SEED_GROUP },
		{ name: 'C', email: 'c@example.org', group: SECOND_GROUP },
		{ name: 'D', email: 'd@example.org', group: SEED_GROUP },
	];
	const run = await env.run(
		{
			resource: 'credential',
			operation: 'createIssueSend',
			group: byId('={{ $json.group }}'),
			recipientName: '={{ $json.name }}',
			recipientEmail: '={{ $json.email }}',
		},
		input,
	);
	expect(run.error).toBeUndefined();
	const items = json(run);
	expect(
		items.map((i) => [
			i.status,
			(i.recipient as { name: string }).name,
			(i.group as { name: string }).name,
		]),
	).toEqual([
		['issued', 'A', 'Introduction to Data Science'],
		['issued', 'B', 'Introduction to Data Science'],
		['issued', 'C', 'Workplace Safety Essentials'],
		['issued', 'D', 'Introduction to Data Science'],
	]);
	expect(run.output[0].map((i) => i.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
		{ item: 3 },
	]);
	expect(
		env
			.apiRequests({ method: 'GET', pathIncludes: '/groups/' })
			.map((r) => r.path)
			.sort(),
	).toEqual(
		[`/groups/${SECOND_GROUP}`, `/groups/${SEED_GROUP}`].map((p) => `/certifier/v1${p}`).sort(),
	);
	expect((await env.control('GET', '/sends')).sends).toHaveLength(4);
});

test('create-issue-send whose email expression is empty is refused before any request', async () => {
	const run = await env.run({
		resource: 'credential',
		operation: 'createIssueSend',
		group: byId(SEED_GROUP),
		recipientName: 'A',
		recipientEmail: '={{ $json.email }}',
	});
	expect((run.error as Error).message).toContain('recipient.email: is required to send by email');
	expect(env.apiRequests()).toHaveLength(0);
});

test("a non-premium organisation gets Certifier's payment_required as a readable error", async () => {
	await env.control('POST', '/plan', { premium: false });
	const run = await env.run({
		resource: 'credential',
		operation: 'createIssueSend',
		group: byId(SEED_GROUP),
		recipientName: 'A',
		recipientEmail: 'a@example.org',
		options: { includeGroup: false },
	});
	expect(run.error).toBeInstanceOf(NodeApiError);
	expect((run.error as NodeApiError).message).toBe(
		'Certifier answered 402 [payment_required]: The requested feature is only available to premium organizations',
	);
});
