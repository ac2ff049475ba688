// Certifier credential: Delete.
import { NodeApiError } from 'n8n-workflow';
import { createDraft, json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('delete removes the credential', async () => {
	const id = await createDraft(env);
	const run = await env.run({ resource: 'credential', operation: 'delete', credentialId: id });
	expect(json(run)).toEqual([{ id, deleted: true }]);
	const after = await env.run({ resource: 'credential', operation: 'get', credentialId: id });
	expect((after.error as NodeApiError).httpCode).toBe('404');
});
