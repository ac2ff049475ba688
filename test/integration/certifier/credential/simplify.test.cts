// Certifier credential: Simplify on the write operations (issue 15 item 7) — on by default from
// node version 1.1, off on request, absent from version 1, whose saved workflows keep the full output.
import { byId, createDraft, json, SEED_GROUP, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

const SIMPLE = [
	'customAttributes',
	'expiryDate',
	'groupId',
	'id',
	'issueDate',
	'publicId',
	'recipient',
	'status',
];
const keys = (run: Awaited<ReturnType<typeof env.run>>) =>
	Object.keys(json(run)[0])
		.filter((k) => k !== 'group')
		.sort();

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'credential',
	operation: 'createIssueSend',
	group: byId(SEED_GROUP),
	recipientName: 'Ada Lovelace',
	recipientEmail: 'ada@example.org',
	...extra,
});

test('create-issue-send: simplified by default, full when asked, full on version 1', async () => {
	expect(keys(await env.run(create()))).toEqual(SIMPLE);
	const full = keys(await env.run(create({ simplify: false })));
	expect(full).toEqual(expect.arrayContaining([...SIMPLE, 'attributes', 'createdAt', 'updatedAt']));
	expect(keys(await env.run(create(), undefined, { typeVersion: 1 }))).toEqual(full);
});

test('issue, update and send: simplified by default', async () => {
	const id = await createDraft(env);
	const issued = await env.run({ resource: 'credential', operation: 'issue', credentialId: id });
	expect(keys(issued)).toEqual(SIMPLE);
	const updated = await env.run({
		resource: 'credential',
		operation: 'update',
		credentialId: id,
		updateFields: { recipientName: 'Ada King' },
	});
	expect(keys(updated)).toEqual(SIMPLE);
	const sent = await env.run({
		resource: 'credential',
		operation: 'send',
		credentialId: id,
		deliveryMethod: 'email',
	});
	expect(keys(sent)).toEqual(SIMPLE);
});
