// Every SEEK Pass value the sandbox relies on, with where it comes from:
// [published: <url>] = the vendor's developer guide (our digest with the source of each section:
// /work/shared/api/seek-pass-reference.md); [assumed] = our reading where the guide is silent
// (the readings shared with the node are fixed in SEEKPASS-CONTRACT.md). Correct them here only.
// The sandbox keeps its own copy of these facts: it never imports node code.

/** [assumed] longest partner id (v1 `id`, v2 `credential_id`) taken; the guide gives none. */
export const MAX_ID_LENGTH = 255;

/** Paths relative to the service prefix (/seekpass). */
export const PATHS = {
	/** [published: https://developer.seekpass.co/docs/guide/oauth-authentication] */
	token: '/api/partner/v1/oauth/token.json',
	/**
	 * [published: https://developer.seekpass.co/docs/guide/redirect-user] printed for education; the
	 * other types follow the guide's rule (the endpoint named after the credential type).
	 */
	addV1: '/api/partner/v1/add/:credential_type.json',
	/**
	 * [published:
	 * https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/ and
	 * https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/ (printed
	 * without .json)]; [assumed] the same pattern for the other types. The type is taken with or
	 * without `.json`.
	 */
	addV2: '/api/partner/v2/add/requests/:credential_type',
	/** [published: https://developer.seekpass.co/docs/guide/batch-field-descriptions] */
	batchV1: '/api/partner/v1/add/batch.json',
	/**
	 * [published: https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/];
	 * [assumed] also answered without `.json`, like every v2 add path.
	 */
	batchV2: ['/api/partner/v2/add/requests/batch.json', '/api/partner/v2/add/requests/batch'],
	/** [published: https://developer.seekpass.co/docs/guide/check-submission-status] */
	statusOne: '/api/partner/v1/submissions/:id/status.json',
	/** [published: https://developer.seekpass.co/docs/guide/check-submission-status] */
	statusMany: '/api/partner/v1/submissions/status.json',
	/** [published: https://developer.seekpass.co/docs/guide/vwsp-integration-flow] */
	verifyCreate: '/api/partner/v2/verify/requests/digital_identity.json',
	/** [assumed] path of "the verification status API". */
	verifyGet: '/api/partner/v2/verify/requests/:request_id.json',
	/** [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/] */
	webhooks: '/api/partner/v2/webhooks',
	/** [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/] */
	webhook: '/api/partner/v2/webhooks/:id',
	/** [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/] */
	webhookSecret: '/api/partner/v2/webhooks/:id/secret',
	/**
	 * [assumed] the sandbox's stand-in for the presigned storage URLs of batch assets: an
	 * unauthenticated PUT of raw bytes whose query string (expires, signature) carries the
	 * permission.
	 */
	upload: '/_uploads/:key',
	/**
	 * Holder-facing pages the redirect URIs point at (the sandbox's stand-in for the SEEK Pass app).
	 */
	holderAdd: '/partner/add/:page',
	holderVerify: '/partner/verify',
} as const;

/**
 * The eight OAuth scopes. [published:
 * https://developer.seekpass.co/docs/guide/oauth-authentication; the last three:
 * https://developer.seekpass.co/en-au/docs/guide/right-to-work-field-descriptions/,
 * https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/,
 * https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/]
 */
export const SCOPES = [
	'write.education',
	'write.english_proficiency',
	'write.microcredential',
	'write.digital_identity',
	'read.digital_identity',
	'write.right_to_work',
	'write.career_history',
	'write.universal',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Credential types with a published field table. [published: each type's page, e.g.
 * https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/ lists all seven]
 */
export const CREDENTIAL_TYPES = [
	'education',
	'english_proficiency',
	'microcredential',
	'digital_identity',
	'right_to_work',
	'career_history',
	'universal_credential',
] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/**
 * Types the v1 Add (single and batch) takes. [published:
 * https://developer.seekpass.co/docs/guide/redirect-user and each type's page; career history: its
 * older copy, https://developer.seekpass.co/docs/guide/career-history-field-descriptions/].
 * Universal credential is v2-only [published:
 * https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/].
 */
export const V1_TYPES = [
	'education',
	'english_proficiency',
	'microcredential',
	'digital_identity',
	'right_to_work',
	'career_history',
] as const satisfies readonly CredentialType[];
export type V1Type = (typeof V1_TYPES)[number];

/** The scope an Add of each type needs. [published: the pages named at SCOPES] */
export const WRITE_SCOPE: Record<CredentialType, Scope> = {
	education: 'write.education',
	english_proficiency: 'write.english_proficiency',
	microcredential: 'write.microcredential',
	digital_identity: 'write.digital_identity',
	right_to_work: 'write.right_to_work',
	career_history: 'write.career_history',
	universal_credential: 'write.universal',
};
/**
 * Verify with SEEK Pass. [published:
 * https://developer.seekpass.co/docs/guide/vwsp-integration-flow]
 */
export const VERIFY_CREATE_SCOPES: readonly Scope[] = [
	'write.digital_identity',
	'read.digital_identity',
];
/**
 * Reading a verification result. [published:
 * https://developer.seekpass.co/docs/guide/oauth-authentication]
 */
export const VERIFY_GET_SCOPES: readonly Scope[] = ['read.digital_identity'];

/**
 * v1 `document_type` per type. [published: the newer lists on each type's page, e.g.
 * https://developer.seekpass.co/id/docs/guide/microcredential-field-descriptions/]
 */
export const DOCUMENT_TYPES: Record<V1Type, readonly [string, ...string[]]> = {
	education: ['pdf', 'open_cert', 'none'],
	english_proficiency: ['english_assessment'],
	microcredential: ['pdf', 'png', 'jpg', 'open_cert', 'none'],
	digital_identity: ['none'],
	right_to_work: ['none'],
	career_history: ['none'],
};

/**
 * [assumed] v1 `data.document`: required unless document_type is `none`; an http(s) URL for the
 * file types, an OpenCert JSON object or string for `open_cert`. English proficiency has one
 * document_type (`english_assessment`), and its newer page makes the document optional [published:
 * https://developer.seekpass.co/id/docs/guide/english-proficiency-field-descriptions/], so there it
 * is optional (URL or null).
 */
export const URL_DOCUMENT_TYPES = ['pdf', 'png', 'jpg', 'english_assessment'] as const;
export const OPTIONAL_DOCUMENT_TYPES: readonly V1Type[] = ['english_proficiency'];

/**
 * Where `partner_chain` sits. v1: digital identity → `data.partner_chain` [published:
 * https://developer.seekpass.co/en-au/docs/guide/digital-identity-field-descriptions/]; English →
 * `data.credential.test_scores.partner_chain` [published, as printed:
 * https://developer.seekpass.co/id/docs/guide/english-proficiency-field-descriptions/]; others →
 * `data.credential.partner_chain` [published: each type's page]. v2: career history → top level
 * beside `fields` [published:
 * https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/]; digital
 * identity → top level [assumed]; English → `fields.test_scores.partner_chain`; others →
 * `fields.partner_chain` [assumed: v2 `fields` = v1 `data.credential`].
 */
export const PARTNER_CHAIN_BESIDE_FIELDS: readonly CredentialType[] = [
	'career_history',
	'digital_identity',
];

/**
 * Digital identity enums. [published:
 * https://developer.seekpass.co/en-au/docs/guide/digital-identity-field-descriptions/]
 */
export const IDENTITY_DOCUMENT_VALIDITY = [
	'manual',
	'government_database',
	'verifiable_credential',
] as const;
export const IDENTITY_DOCUMENT_LIVENESS = ['automated', 'in_person'] as const;
export const IDENTITY_DOCUMENT_PERSON_MATCH = [
	'manual',
	'automated',
	'government_database',
] as const;

/**
 * Right to work: `singapore_work_rights` is required for this country (its enum is not published:
 * [assumed] any non-empty string). [published:
 * https://developer.seekpass.co/en-au/docs/guide/right-to-work-field-descriptions/]
 */
export const SINGAPORE = 'SG';

/**
 * v2 `assets` per type: only these four take them [published:
 * https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/]; at most one on a
 * universal credential, pdf/png/jpg [published:
 * https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/].
 * `asset_type` tokens for the others [assumed]: the guide names PDF/PNG/JPG/OpenCert documents for
 * education and L&D and a PDF for English but prints no token for them.
 */
export const ASSET_TYPES: Partial<Record<CredentialType, readonly [string, ...string[]]>> = {
	education: ['pdf', 'png', 'jpg', 'open_cert'],
	microcredential: ['pdf', 'png', 'jpg', 'open_cert'],
	english_proficiency: ['pdf'],
	universal_credential: ['pdf', 'png', 'jpg'],
};
export const MAX_ASSETS: Partial<Record<CredentialType, number>> = { universal_credential: 1 };

/** [assumed] the Content-Type an upload link is made for, per asset_type. */
export const ASSET_CONTENT_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	open_cert: 'application/json',
};

/** [assumed] lifetime of a presigned upload link (the guide gives none). */
export const UPLOAD_LINK_TTL_MS = 15 * 60 * 1000;

/**
 * v2 batch keys [published:
 * https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/]: digital_identity and
 * career_history are one object, the others arrays. [assumed] none is required on its own, but a
 * batch carries at least one credential.
 */
export const BATCH_ITEM_KEYS = {
	digital_identity: { type: 'digital_identity', many: false },
	education_items: { type: 'education', many: true },
	microcredential_items: { type: 'microcredential', many: true },
	english_proficiency_items: { type: 'english_proficiency', many: true },
	right_to_work_items: { type: 'right_to_work', many: true },
	career_history: { type: 'career_history', many: false },
	universal_credential_items: { type: 'universal_credential', many: true },
} as const satisfies Record<string, { type: CredentialType; many: boolean }>;
export type BatchKey = keyof typeof BATCH_ITEM_KEYS;

/**
 * Same id within this window → the same answer; pending data is deleted after it [published:
 * https://developer.seekpass.co/docs/guide/redirect-user]. [assumed] the rule holds for v2
 * `credential_id`s too (single: its id; batch: the top-level id), and the status API answers for
 * them.
 */
export const IDEMPOTENCY_WINDOW_MS = 48 * 60 * 60 * 1000;

/**
 * At most this many ids per bulk status call. [published:
 * https://developer.seekpass.co/docs/guide/check-submission-status]
 */
export const STATUS_BATCH_MAX = 30;

/**
 * Path of the holder page per type in the redirect URI. [published:
 * https://developer.seekpass.co/docs/guide/redirect-user] for education, englishProficiency,
 * microcredential and batch; [assumed] the other four (same camelCase rule).
 */
export const REDIRECT_PAGES: Record<CredentialType | 'batch', string> = {
	education: 'education',
	english_proficiency: 'englishProficiency',
	microcredential: 'microcredential',
	digital_identity: 'digitalIdentity',
	right_to_work: 'rightToWork',
	career_history: 'careerHistory',
	universal_credential: 'universalCredential',
	batch: 'batch',
};

/**
 * Redirect URI [published: https://developer.seekpass.co/docs/guide/redirect-user; host = the
 * sandbox]: fragment clientId, documentType (v1 single only; [assumed] absent on v2, which has no
 * document_type), content = SEEK Pass request id. `&` stays literal (the `\u0026` in the guide is a
 * curl artefact).
 */
export function addRedirectUri(
	origin: string,
	page: CredentialType | 'batch',
	clientId: string,
	documentType: string | undefined,
	content: string,
): string {
	const params = [
		`clientId=${clientId}`,
		...(documentType ? [`documentType=${documentType}`] : []),
		`content=${content}`,
	];
	return `${origin}/seekpass/partner/add/${REDIRECT_PAGES[page]}#${params.join('&')}`;
}
/** [assumed] verify redirect: same pattern as Add, content = request_id. */
export function verifyRedirectUri(origin: string, clientId: string, requestId: string): string {
	return `${origin}/seekpass/partner/verify#clientId=${clientId}&content=${requestId}`;
}

/**
 * Token: a JWT, HS512 [published: https://developer.seekpass.co/docs/guide/oauth-authentication];
 * token_type / expires_in / scope members [assumed].
 */
export const TOKEN_TYPE = 'Bearer';
export const JWT_ALG = 'HS512';

/**
 * Error body [assumed; the guide's status table is not readable]: OAuth style for every error,
 * { error: <code>, error_description: <message>, details?: [{ field, message }] }.
 * 401 invalid_token / invalid_client, 403 insufficient_scope (with WWW-Authenticate, RFC 6750),
 * 400 invalid_request / invalid_scope / unsupported_grant_type / validation_error,
 * 404 not_found, 409 conflict, 429 rate_limited.
 */
export const VALIDATION_STATUS = 400;

/**
 * Webhooks [published: https://developer.seekpass.co/en-au/docs/guide/vwsp-webhooks/ — HMAC-SHA256
 * hex, timestamp inside the HMAC, example header names; assumed: the names as given, the joining,
 * the tolerance]. The secret is 64 hex chars, used as the HMAC key as written (UTF-8 text, not
 * hex-decoded). X-Timestamp is real wall-clock unix seconds (the receiver checks it against its own
 * clock), while created_at in the payload follows the sandbox's virtual clock.
 */
export const WEBHOOK = {
	signatureHeader: 'X-Signature',
	timestampHeader: 'X-Timestamp',
	signedString: (timestamp: string, rawBody: string) => `${timestamp}.${rawBody}`,
	toleranceSeconds: 300,
	secretBytes: 32,
	eventTypes: [
		'vwsp_request.verified',
		'vwsp_request.canceled',
		'vwsp_request.incomplete',
	] as const,
} as const;
/** [assumed] webhook list and get omit the secret; create and rotate return it. */
export const WEBHOOK_LIST_INCLUDES_SECRET = false;

/** What the sandbox's holder page "verifies" when a test does not say. */
export const DEMO_VERIFIED_CREDENTIAL = {
	full_name: 'Sam Sandbox',
	date_of_birth: '1990-01-01',
} as const;
