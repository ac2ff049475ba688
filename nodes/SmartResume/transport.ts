import { baseUrlOf } from '../common/environment';
import type { ApiClient } from '../common/transport/client';
import type { Service, VendorError } from '../common/transport/service';
import {
	SMART_RESUME_HOSTS,
	SMART_RESUME_PATHS,
	SMART_RESUME_TOKEN_EXPIRED_STATUS,
} from './constants';
import { readPushAnswer, type PushAnswer } from './helpers/push-answer';
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

	/** POST /api/v1/credentials; a success answer is read, never refused (see readPushAnswer). */
	async push(body: PushBody, itemIndex: number): Promise<PushAnswer> {
		const response = await this.api.send<unknown>(
			{ method: 'POST', path: SMART_RESUME_PATHS.credentials, body },
			itemIndex,
		);
		return readPushAnswer(response.status, response.body, response.headers.location);
	}
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
