import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { ApiClient } from '../../common/transport/client';
import { CertifierClient } from '../client';
import { CERTIFIER_SERVICE } from '../constants';

/** Editor look-ups are interactive: fail fast rather than wait through long backoffs. */
export async function editorClient(ctx: ILoadOptionsFunctions): Promise<CertifierClient> {
	return new CertifierClient(
		await ApiClient.create(ctx, CERTIFIER_SERVICE, {
			retry: { maxAttempts: 2, maxTotalWaitMs: 5_000 },
			timeoutMs: 15_000,
		}),
	);
}
