import type { ServiceDefinition, VendorError } from '../common/transport/service';

/** Every Certifier value we rely on. [doc] = developers.certifier.io reference, [assumed] = our reading. */

export const CERTIFIER_DEFAULT_BASE_URL = 'https://api.certifier.io/v1'; // [doc]
export const CERTIFIER_DEFAULT_VERSION = '2022-10-26'; // [doc]
export const CERTIFIER_VERSION_HEADER = 'Certifier-Version'; // [doc]

export const CERTIFIER_PATHS = {
	credentials: '/credentials', // [doc]
	credential: (id: string) => `/credentials/${encodeURIComponent(id)}`, // [doc]
	issue: (id: string) => `/credentials/${encodeURIComponent(id)}/issue`, // [doc]
	send: (id: string) => `/credentials/${encodeURIComponent(id)}/send`, // [doc]
	createIssueSend: '/credentials/create-issue-send', // [doc]
	designsOf: (id: string) => `/credentials/${encodeURIComponent(id)}/designs`, // [doc]
	search: '/credentials/search', // [doc]
	groups: '/groups', // [doc]
	group: (id: string) => `/groups/${encodeURIComponent(id)}`, // [doc]
	designs: '/designs', // [second-hand]
	design: (id: string) => `/designs/${encodeURIComponent(id)}`, // [second-hand]
	attributes: '/attributes', // [second-hand]
	interactions: '/credential-interactions', // [second-hand]
} as const;

/** [assumed from groups] Largest page the list endpoints serve. */
export const CERTIFIER_MAX_PAGE_SIZE = 100;

/** [doc] Error body: {"error": {"code", "message"}}. */
export function parseCertifierError(body: unknown): VendorError | undefined {
	if (body === null || typeof body !== 'object') {
		return typeof body === 'string' && body ? { message: body.slice(0, 500) } : undefined;
	}
	const error = (body as Record<string, unknown>).error as Record<string, unknown> | undefined;
	if (!error || typeof error !== 'object') return undefined;
	return {
		code: typeof error.code === 'string' ? error.code : undefined,
		message: typeof error.message === 'string' ? error.message : undefined,
	};
}

export const CERTIFIER_SERVICE: ServiceDefinition = {
	displayName: 'Certifier',
	credentialType: 'certifierApi',
	baseUrl: (credentials) => String(credentials.baseUrl || CERTIFIER_DEFAULT_BASE_URL),
	// Access tokens are static (created in the dashboard): a 401 cannot be cured by renewing.
	tokenExpiredStatusCodes: undefined,
	parseError: parseCertifierError,
	secretFields: ['accessToken'],
};
