import { baseUrlOf, type EnvironmentHosts } from '../common/environment';
import type { ServiceDefinition, VendorError } from '../common/transport/service';

/** Every SEEK Pass value we rely on. [doc] = stated by the partner guide, [assumed] = our reading. */

export const SEEK_PASS_HOSTS: EnvironmentHosts = {
	staging: 'https://app.seekpass-staging.com', // [doc]
	production: 'https://app.seekpass.co', // [assumed]: not in the stored guide
};

export const SEEK_PASS_PATHS = {
	oauth: '/api/partner/v1/oauth/token.json', // [doc]
	addV1: (type: string) => `/api/partner/v1/add/${type}.json`, // [doc]
	addV2: (type: string) => `/api/partner/v2/add/requests/${type}.json`, // [assumed]
	batchV1: '/api/partner/v1/add/batch.json', // [doc]
	batchV2: '/api/partner/v2/add/requests/batch.json', // [doc]
	status: (id: string) => `/api/partner/v1/submissions/${encodeURIComponent(id)}/status.json`, // [doc]
	statuses: '/api/partner/v1/submissions/status.json', // [doc]
	verifyCreate: '/api/partner/v2/verify/requests/digital_identity.json', // [doc]
	verifyGet: (id: string) => `/api/partner/v2/verify/requests/${encodeURIComponent(id)}.json`, // [assumed]
	webhooks: '/api/partner/v2/webhooks', // [doc]
	webhook: (id: string) => `/api/partner/v2/webhooks/${encodeURIComponent(id)}`, // [doc]
	webhookSecret: (id: string) => `/api/partner/v2/webhooks/${encodeURIComponent(id)}/secret`, // [doc]
} as const;

export const SEEK_PASS_SCOPES = [
	'write.education',
	'write.english_proficiency',
	'write.microcredential',
	'write.digital_identity',
	'read.digital_identity',
] as const; // [doc]

/** [doc] Status API accepts at most this many ids per request. */
export const SEEK_PASS_STATUS_BATCH_SIZE = 30;

/** [doc] A repeated submission id within this window returns the same link. */
export const SEEK_PASS_IDEMPOTENCY_WINDOW_HOURS = 48;

/** [assumed] SEEK Pass signals an expired token with 401. */
export const SEEK_PASS_TOKEN_EXPIRED_STATUS = [401];

/** [assumed] Error body: {"error": {"code", "message", "details": [{"field", "message"}]}} or RFC 6749's {"error", "error_description"}. */
export function parseSeekPassError(body: unknown): VendorError | undefined {
	if (body === null || typeof body !== 'object') {
		return typeof body === 'string' && body ? { message: body.slice(0, 500) } : undefined;
	}
	const root = body as Record<string, unknown>;
	if (typeof root.error === 'string') {
		return { code: root.error, message: typeof root.error_description === 'string' ? root.error_description : undefined };
	}
	const error = (root.error ?? root) as Record<string, unknown>;
	const details = Array.isArray(error.details) ? (error.details as Array<Record<string, unknown>>) : [];
	return {
		code: typeof error.code === 'string' ? error.code : undefined,
		message: typeof error.message === 'string' ? error.message : undefined,
		fields: details.map((d) => String(d.field ?? '')).filter(Boolean),
	};
}

export const SEEK_PASS_SERVICE: ServiceDefinition = {
	displayName: 'SEEK Pass',
	credentialType: 'seekPassOAuth2Api',
	baseUrl: (credentials) => baseUrlOf(credentials, SEEK_PASS_HOSTS),
	tokenExpiredStatusCodes: SEEK_PASS_TOKEN_EXPIRED_STATUS,
	parseError: parseSeekPassError,
	secretFields: ['clientSecret'],
};
