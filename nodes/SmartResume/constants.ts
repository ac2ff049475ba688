import { baseUrlOf, type EnvironmentHosts } from '../common/environment';
import type { ServiceDefinition, VendorError } from '../common/transport/service';

/** Every SmartResume value we rely on. [doc] = CredentialConnect v1.3 guide, [assumed] = our reading. */

export const SMART_RESUME_HOSTS: EnvironmentHosts = {
	staging: 'https://mystage.smartresume.com', // [doc]
	production: 'https://my.smartresume.com', // [doc]
};

export const SMART_RESUME_PATHS = {
	oauth: '/api/v1/token', // [doc]
	credentials: '/api/v1/credentials', // [doc]
} as const;

/** [doc] The scope string the guide sends with every token request. */
export const SMART_RESUME_SCOPE = 'delete readonly replace';

/** [assumed] An expired (60 min idle) token is answered with 401; the guide only says "detect it". */
export const SMART_RESUME_TOKEN_EXPIRED_STATUS = [401];

/** [assumed] 1EdTech Imsx_StatusInfo error body. */
export function parseSmartResumeError(body: unknown): VendorError | undefined {
	if (body === null || typeof body !== 'object') {
		return typeof body === 'string' && body ? { message: body.slice(0, 500) } : undefined;
	}
	const root = body as Record<string, unknown>;
	if (typeof root.error === 'string') {
		return { code: root.error, message: typeof root.error_description === 'string' ? root.error_description : undefined };
	}
	const minor = (root.imsx_codeMinor as Record<string, unknown> | undefined)?.imsx_codeMinorField;
	const fields = Array.isArray(minor)
		? (minor as Array<Record<string, unknown>>).map((f) => String(f.imsx_codeMinorFieldName ?? '')).filter(Boolean)
		: [];
	return {
		code: typeof root.imsx_codeMajor === 'string' ? root.imsx_codeMajor : undefined,
		message: typeof root.imsx_description === 'string' ? root.imsx_description : undefined,
		fields,
	};
}

export const SMART_RESUME_SERVICE: ServiceDefinition = {
	displayName: 'SmartResume',
	credentialType: 'smartResumeOAuth2Api',
	baseUrl: (credentials) => baseUrlOf(credentials, SMART_RESUME_HOSTS),
	tokenExpiredStatusCodes: SMART_RESUME_TOKEN_EXPIRED_STATUS,
	parseError: parseSmartResumeError,
	secretFields: ['clientSecret'],
};
