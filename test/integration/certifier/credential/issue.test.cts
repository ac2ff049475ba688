// Certifier credential: Issue a draft (and Send it), as the usual draft → issue → send flow.
import { createDraft, json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('draft → issue → send: the recipient gets one email', async () => {
	const id = await createDraft(env);
	const issued = await env.run({ resource: 'credential', operation: 'issue', credentialId: id });
	expect(json(issued)[0]).toMatchObject({ id, status: 'issued' });
	const sent = await env.run({
		resource: 'credential',
		operation: 'send',
		credentialId: id,
		deliveryMethod: 'email',
	});
	expect(sent.error).toBeUndefined();
	expect(
		env.apiRequests({ method: 'POST', pathIncludes: `/credentials/${id}/send` })[0].body,
	).toEqual({
		deliveryMethod: 'email',
	});
	const { sends } = await env.control('GET', '/sends');
	expect(sends).toEqual([expect.objectContaining({ credentialId: id, to: 'ada@example.org' })]);
});
