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

/**
 * v2 assets (files attached to a credential), per credential type; a type not listed takes none.
 * [published: https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/] assets
 * only on education, microcredential, english_proficiency and universal_credential items;
 * [published: https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/]
 * universal: pdf, png, jpg; [published: https://developer.seekpass.co/id/docs/guide/english-proficiency-field-descriptions/]
 * English: PDF only; [assumed] the tokens `pdf`/`png`/`jpg` for education and microcredential and
 * `open_cert` for OpenCert documents (the guide names the format, not the token).
 */
export const SEEK_PASS_ASSET_TYPES: Readonly<Record<string, readonly SeekPassAssetType[]>> = {
	education: ['pdf', 'png', 'jpg', 'open_cert'],
	microcredential: ['pdf', 'png', 'jpg', 'open_cert'],
	english_proficiency: ['pdf'],
	universal_credential: ['pdf', 'png', 'jpg'],
};
export type SeekPassAssetType = 'pdf' | 'png' | 'jpg' | 'open_cert';

/** [published: https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/] At most this many assets per credential. */
export const SEEK_PASS_MAX_ASSETS: Readonly<Record<string, number>> = { universal_credential: 1 };

/**
 * [assumed] The Content-Type an upload link is made for, per asset type. The guide requires the
 * PUT's Content-Type to equal the one named when the link was made (its example: application/pdf).
 */
export const SEEK_PASS_ASSET_CONTENT_TYPES: ReadonlyArray<{
	assetType: SeekPassAssetType;
	contentType: string;
}> = [
	{ assetType: 'pdf', contentType: 'application/pdf' },
	{ assetType: 'png', contentType: 'image/png' },
	{ assetType: 'jpg', contentType: 'image/jpeg' },
	{ assetType: 'open_cert', contentType: 'application/json' },
];

/** [published: https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/] Types v1 does not carry (so neither does a v1 batch). */
export const SEEK_PASS_V2_ONLY_TYPES: readonly string[] = ['universal_credential'];

/**
 * Where a batch item's `partner_chain` goes when it is not inside the fields:
 * v2 beside `fields` for career_history [published: https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/]
 * and digital_identity [assumed]; v1 at `data` level for digital_identity
 * [published: https://developer.seekpass.co/en-au/docs/guide/digital-identity-field-descriptions/].
 */
export const SEEK_PASS_BATCH_CHAIN_OUTSIDE = {
	v2: ['digital_identity', 'career_history'],
	v1: ['digital_identity'],
} as const satisfies Record<'v1' | 'v2', readonly string[]>;
