// Submissions made through the node itself, for the status tests.
import type { SeekPassEnv } from './env.cjs';

/** Adds microcredentials with the given ids through the node itself. */
export async function addSubmissions(env: SeekPassEnv, ids: string[]): Promise<void> {
	const run = await env.run(
		{
			resource: 'credential',
			operation: 'add',
			// v1 ids: the Status API is documented for them (reference §8).
			apiVersion: 'v1',
			credentialType: 'microcredential',
			submissionIdMode: 'given',
			submissionId: '={{ $json.id }}',
			full_name: 'Ada Lovelace',
			issuer_name: 'Acme',
			microcredential_name: '={{ "Course " + $json.id }}',
			issue_date: '2024-01-01',
		},
		ids.map((id) => ({ id })),
	);
	expect(run.error).toBeUndefined();
}
