import { NodeApiError, type JsonObject } from 'n8n-workflow';
import type { ApiClient } from '../common/transport/client';
import { parseClaimLink, type ClaimLink } from './helpers/claim-link';
import { SMART_RESUME_PATHS, SMART_RESUME_REDIRECT_KEY } from './constants';
import type { PushBody } from './types';

/** Typed calls to CredentialConnect; everything else (auth, retries, errors) is the transport's. */
export class SmartResumeClient {
	constructor(private readonly api: ApiClient) {}

	/** POST /api/v1/credentials; the answer's claim link and the identifier token in it. */
	async push(body: PushBody, itemIndex: number): Promise<ClaimLink> {
		const answer = await this.api.request<unknown>(
			{ method: 'POST', path: SMART_RESUME_PATHS.credentials, body },
			itemIndex,
		);
		const link = claimUrlOf(answer);
		if (link === undefined) {
			throw new NodeApiError(
				this.api.node,
				{ message: 'SmartResume answered without a claim link' } as JsonObject,
				{
					message: `SmartResume accepted the push but its answer has no "${SMART_RESUME_REDIRECT_KEY}"`,
					description: 'The credentials may be stored; the link to claim them is unknown. Check the answer format with SmartResume.',
					itemIndex,
				},
			);
		}
		return parseClaimLink(link);
	}
}

/** [assumed key] {"redirect_url": "..."}; a bare URL string is read too, as "the response includes the redirect URL". */
function claimUrlOf(answer: unknown): string | undefined {
	if (typeof answer === 'string') return /^https?:\/\//i.test(answer.trim()) ? answer.trim() : undefined;
	const value = (answer as Record<string, unknown> | null)?.[SMART_RESUME_REDIRECT_KEY];
	return typeof value === 'string' && value !== '' ? value : undefined;
}
