import type { EnvironmentHosts } from '../common/environment';

/** Every SEEK Pass value we rely on. [doc] = stated by the partner guide, [assumed] = our reading. */

export const SEEK_PASS_HOSTS: EnvironmentHosts = {
	staging: 'https://app.seekpass-staging.com', // [doc]
	production: 'https://app.seekpass.co', // [assumed]: not in the stored guide
};

export const SEEK_PASS_PATHS = {
	// Named for the grant, not "token": the path is no secret, but a token-named key reads as one to the lint.
	grant: '/api/partner/v1/oauth/token.json', // [doc]
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

export const SEEK_PASS_CREDENTIAL_TYPES = [
	'education',
	'english_proficiency',
	'microcredential',
	'digital_identity',
] as const; // [doc]
export type SeekPassCredentialType = (typeof SEEK_PASS_CREDENTIAL_TYPES)[number];

/** [doc] The document_type values each credential type accepts. */
export const SEEK_PASS_DOCUMENT_TYPES = {
	education: ['pdf', 'open_cert', 'none'],
	english_proficiency: ['english_assessment'],
	microcredential: ['pdf', 'png', 'jpg', 'open_cert', 'none'],
	digital_identity: ['none'],
} as const satisfies Record<SeekPassCredentialType, readonly string[]>;

/** [assumed] Document types whose `document` is the URL of a file SEEK Pass downloads. */
export const SEEK_PASS_URL_DOCUMENT_TYPES: readonly string[] = [
	'pdf',
	'png',
	'jpg',
	'english_assessment',
];

/**
 * [assumed] OpenCert JSON goes into `document` as a JSON object; the guide's example shows only
 * the placeholder "<OPEN_CERTS>". Set false to send it as JSON text instead.
 */
export const SEEK_PASS_OPENCERT_AS_OBJECT = true;

/** [doc] Enumerations of the digital_identity fields. */
export const SEEK_PASS_IDENTITY_ENUMS = {
	identity_document_validity: ['manual', 'government_database', 'verifiable_credential'],
	identity_document_liveness: ['automated', 'in_person'],
	identity_document_person_match: ['manual', 'automated', 'government_database'],
} as const;

/**
 * [doc] The fields whose values make two submissions "the same credential" (a re-submission
 * replaces the earlier one). Used to derive a stable submission id. digital_identity has none
 * documented: the person alone identifies it.
 */
export const SEEK_PASS_IDENTIFYING_FIELDS: Record<SeekPassCredentialType, readonly string[]> = {
	education: ['course_name', 'conferral_year', 'majors', 'with_honours'],
	english_proficiency: ['test_name', 'test_provider'],
	microcredential: ['microcredential_name', 'issuer_name'],
	digital_identity: [],
};

/**
 * [doc keys; assumed item shape] v2 batch body: one key per credential type. digital_identity is
 * a single object, the others arrays; each item is {credential_id, fields, document_type?, document?}.
 */
export const SEEK_PASS_BATCH_KEYS: Record<SeekPassCredentialType, { key: string; many: boolean }> =
	{
		education: { key: 'education_items', many: true },
		english_proficiency: { key: 'english_proficiency_items', many: true },
		microcredential: { key: 'microcredential_items', many: true },
		digital_identity: { key: 'digital_identity', many: false },
	};

/** [doc] Other v2 batch keys, whose field lists were not stored: passed through unchecked. */
export const SEEK_PASS_BATCH_OTHER_KEYS = {
	rightToWork: 'right_to_work_items',
	careerHistory: 'career_history',
	universalCredential: 'universal_credential_items',
	assets: 'assets',
} as const;

/** [doc] Status API accepts at most this many ids per request. */
export const SEEK_PASS_STATUS_BATCH_SIZE = 30;

/** [doc] A repeated submission id within this window returns the same link. */
export const SEEK_PASS_IDEMPOTENCY_WINDOW_HOURS = 48;

/** [doc] Redirect URI fragment keys: #clientId=…&documentType=…&content=… */
export const SEEK_PASS_REDIRECT_KEYS = {
	clientId: 'clientId',
	documentType: 'documentType',
	content: 'content',
} as const;

/** [doc] Verification statuses, which are also the webhook event names (`vwsp_request.<status>`). */
export const SEEK_PASS_VERIFICATION_EVENTS = ['verified', 'canceled', 'incomplete'] as const;
export type SeekPassVerificationEvent = (typeof SEEK_PASS_VERIFICATION_EVENTS)[number];
/** [doc] Prefix of a webhook payload's `type`. */
export const SEEK_PASS_EVENT_TYPE_PREFIX = 'vwsp_request.';

/**
 * Webhook signature [doc: HMAC-SHA256 hex over the timestamp and the raw body; assumed: header
 * names, how the two are joined, tolerance]. The trigger lets users override all of them.
 */
export const SEEK_PASS_WEBHOOK_DEFAULTS = {
	signatureHeader: 'X-Signature',
	timestampHeader: 'X-Timestamp',
	/** `{timestamp}` and `{body}` are replaced by the timestamp header and the raw request body. */
	signedPayload: '{timestamp}.{body}',
	toleranceSeconds: 300,
} as const;

/**
 * How many recent event ids the trigger remembers to refuse replays. Older events are refused
 * by the timestamp tolerance anyway, so this only has to cover one tolerance window of traffic.
 */
export const SEEK_PASS_REPLAY_MEMORY = 1000;

/** [assumed] SEEK Pass signals an expired token with 401. */
export const SEEK_PASS_TOKEN_EXPIRED_STATUS = [401];
