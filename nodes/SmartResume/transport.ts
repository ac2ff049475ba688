import { NodeApiError, type JsonObject } from 'n8n-workflow';
import { baseUrlOf } from '../common/environment';
import type { ApiClient } from '../common/transport/client';
import type { Service, VendorError } from '../common/transport/service';
import {
	SMART_RESUME_HOSTS,
	SMART_RESUME_PATHS,
	SMART_RESUME_REDIRECT_KEY,
	SMART_RESUME_TOKEN_EXPIRED_STATUS,
} from './constants';
import { parseClaimLink, type ClaimLink } from './helpers/claim-link';
import type { PushBody } from './types';

/** [assumed] 1EdTech Imsx_StatusInfo error body. */
export function parseSmartResumeError(body: unknown): VendorError | undefined {
	if (body === null || typeof body !== 'object') {
		return typeof body === 'string' && body ? { message: body.slice(0, 500) } : undefined;
	}
	const root = body as Record<string, unknown>;
	if (typeof root.error === 'string') {
		return {
			code: root.error,
			message: typeof root.error_description === 'string' ? root.error_description : undefined,
		};
	}
	const minor = (root.imsx_codeMinor as Record<string, unknown> | undefined)?.imsx_codeMinorField;
	const fields = Array.isArray(minor)
		? (minor as Array<Record<string, unknown>>)
				.map((f) => String(f.imsx_codeMinorFieldName ?? ''))
				.filter(Boolean)
		: [];
	return {
		code: typeof root.imsx_codeMajor === 'string' ? root.imsx_codeMajor : undefined,
		message: typeof root.imsx_description === 'string' ? root.imsx_description : undefined,
		fields,
	};
}

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
					description:
						'The credentials may be stored; the link to claim them is unknown. Check the answer format with SmartResume.',
					itemIndex,
				},
			);
		}
		return parseClaimLink(link);
	}
}

/** [assumed key] {"redirect_url": "..."}; a bare URL string is read too, as "the response includes the redirect URL". */
function claimUrlOf(answer: unknown): string | undefined {
	if (typeof answer === 'string')
		return /^https?:\/\//i.test(answer.trim()) ? answer.trim() : undefined;
	const value = (answer as Record<string, unknown> | null)?.[SMART_RESUME_REDIRECT_KEY];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

export const SMART_RESUME_SERVICE: Service<SmartResumeClient> = {
	client: (api) => new SmartResumeClient(api),
	displayName: 'SmartResume',
	credentialType: 'smartResumeOAuth2Api',
	baseUrl: (credentials) => baseUrlOf(credentials, SMART_RESUME_HOSTS),
	tokenExpiredStatusCodes: SMART_RESUME_TOKEN_EXPIRED_STATUS,
	parseError: parseSmartResumeError,
	secretFields: ['clientSecret'],
};
