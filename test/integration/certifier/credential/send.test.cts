// Certifier credential: Send, when Certifier refuses it.
import { NodeApiError } from 'n8n-workflow';
import { createDraft, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('sending a draft surfaces Certifier’s conflict', async () => {
	const id = await createDraft(env);
	const run = await env.run({ resource: 'credential', operation: 'send', credentialId: id });
	expect(run.error).toBeInstanceOf(NodeApiError);
	expect((run.error as NodeApiError).message).toContain(
		'Certifier answered 409 [conflict]: Only issued credentials can be sent',
	);
	expect((run.error as NodeApiError).httpCode).toBe('409');
});
