// Certifier credential: Update, including clearing the expiry date.
import { createDraft, json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('update can clear the expiry date (expiryDate: null)', async () => {
	const id = await createDraft(env);
	const before = await env.run({ resource: 'credential', operation: 'get', credentialId: id });
	expect(json(before)[0].expiryDate).not.toBeNull();
	const run = await env.run({
		resource: 'credential',
		operation: 'update',
		credentialId: id,
		updateFields: { clearExpiryDate: true },
	});
	expect(run.error).toBeUndefined();
	expect(env.apiRequests({ method: 'PATCH' })[0].body).toEqual({ expiryDate: null });
	expect(json(run)[0]).toMatchObject({ id, expiryDate: null });
});

test('update changes recipient and custom attributes; nothing to update is refused before sending', async () => {
	const id = await createDraft(env);
	const run = await env.run({
		resource: 'credential',
		operation: 'update',
		credentialId: id,
		updateFields: {
			recipientName: 'Ada King',
			expiryDate: '2031-12-31',
			customAttributes: { attribute: [{ tag: 'custom.grade', value: 'A' }] },
		},
	});
	expect(json(run)[0]).toMatchObject({
		recipient: { name: 'Ada King' },
		expiryDate: '2031-12-31',
		customAttributes: { 'custom.grade': 'A' },
	});
	env.sb.clearRequests();
	const empty = await env.run({
		resource: 'credential',
		operation: 'update',
		credentialId: id,
		updateFields: {},
	});
	expect((empty.error as Error).message).toContain('add at least one field to update');
	expect(env.apiRequests()).toHaveLength(0);
});
