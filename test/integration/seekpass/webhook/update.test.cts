// webhook:update against the sandbox.
import { seekPassEnvPerFile } from '../env.cjs';

const env = seekPassEnvPerFile();

test('update without anything to change fails before any request', async () => {
	const run = await env.run({
		resource: 'webhook',
		operation: 'update',
		webhookId: 'w1',
		updateFields: {},
	});
	expect((run.error as Error).message).toMatch(
		/in item 0: updateFields: give at least one of url, name, description/,
	);
	expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
});
