// Every SEEK Pass value the sandbox relies on, with where it comes from:
// [doc] = the public guide (/work/shared/api/seek-pass.md, seeds/seekpass-*.txt);
// [assumed] = our reading where the guide is silent. Correct them here, nowhere else.

/** Paths relative to the service prefix (/seekpass). [doc] unless marked. */
export const PATHS = {
	token: '/api/partner/v1/oauth/token.json',
	addV1: '/api/partner/v1/add/:credential_type.json',
	/** [assumed] the v2 single-type path was not stored; same body as v1. */
	addV2: '/api/partner/v2/add/requests/:credential_type.json',
	batchV1: '/api/partner/v1/add/batch.json',
	batchV2: '/api/partner/v2/add/requests/batch.json',
	statusOne: '/api/partner/v1/submissions/:id/status.json',
	statusMany: '/api/partner/v1/submissions/status.json',
	verifyCreate: '/api/partner/v2/verify/requests/digital_identity.json',
	/** [assumed] path of "the verification status API". */
	verifyGet: '/api/partner/v2/verify/requests/:request_id.json',
	webhooks: '/api/partner/v2/webhooks',
	webhook: '/api/partner/v2/webhooks/:id',
	webhookSecret: '/api/partner/v2/webhooks/:id/secret',
	/** [assumed] where the sandbox's presigned batch-asset uploads go (unauthenticated PUT of raw bytes). */
	upload: '/uploads/:token',
	/** Holder-facing pages the redirect URIs point at (the sandbox's stand-in for the SEEK Pass app). */
	holderAdd: '/partner/add/:credential_type',
	holderVerify: '/partner/verify',
} as const;

export const SCOPES = [
	'write.education',
	'write.english_proficiency',
	'write.microcredential',
	'write.digital_identity',
	'read.digital_identity',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Credential types with a documented field list, and the scope their Add call needs. [doc] */
export const CREDENTIAL_TYPES = [
	'education',
	'english_proficiency',
	'microcredential',
	'digital_identity',
] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];
export const WRITE_SCOPE: Record<CredentialType, Scope> = {
	education: 'write.education',
	english_proficiency: 'write.english_proficiency',
	microcredential: 'write.microcredential',
	digital_identity: 'write.digital_identity',
};

/** document_type allowed per credential type. [doc] */
export const DOCUMENT_TYPES: Record<CredentialType, readonly [string, ...string[]]> = {
	education: ['pdf', 'open_cert', 'none'],
	english_proficiency: ['english_assessment'],
	microcredential: ['pdf', 'png', 'jpg', 'open_cert', 'none'],
	digital_identity: ['none'],
};

/**
 * [assumed] `data.document`: absent or ignored for `none`; for `open_cert` a non-empty string
 * or an OpenCert JSON object (the guide's example sends the placeholder "<OPEN_CERTS>");
 * for file types (pdf, png, jpg, english_assessment) an http(s) URL.
 */
export const URL_DOCUMENT_TYPES = ['pdf', 'png', 'jpg', 'english_assessment'] as const;

/** Same `id` within this window returns the same redirect_uri; pending data is deleted after it. [doc] */
export const IDEMPOTENCY_WINDOW_MS = 48 * 60 * 60 * 1000;

/** At most this many ids per batch status call. [doc] */
export const STATUS_BATCH_MAX = 30;

/**
 * Batch body (v1 and v2 alike) [doc keys, assumed shape]:
 * {
 *   digital_identity?:          { credential_id, fields, document_type?, document? }   // one item (singular key)
 *   career_history?:            { credential_id, fields }                              // one item (singular key)
 *   education_items?:           [{ credential_id, fields, document_type?, document? }]
 *   microcredential_items?:     [ same ]
 *   english_proficiency_items?: [ same ]
 *   right_to_work_items?:       [{ credential_id, fields }]
 *   universal_credential_items?:[{ credential_id, fields }]
 *   assets?:                    [{ key, content_type }]   // → presigned upload URLs in the answer
 * }
 * - `fields` of the four documented types is validated like `data.credential` of a single Add;
 *   right_to_work / career_history / universal_credential fields are not documented: any object.
 * - document_type defaults to 'none'; the same per-type document rules apply.
 * - Each credential_id is a submission id in the Status API (all items of a batch share one
 *   request and one status); at least one item; credential_ids unique within the batch.
 * - Sending the same set of credential_ids within 48 h returns the same redirect_uri; a
 *   credential_id already pending in a different request → 409 conflict.
 * - Scopes: the write scope of every documented type present; the other types need none.
 * - Answer: 201 { redirect_uri, assets?: [{ key, upload_url, expires_at }] }.
 */
export const BATCH_ITEM_KEYS = {
	digital_identity: { type: 'digital_identity', many: false },
	career_history: { type: 'career_history', many: false },
	education_items: { type: 'education', many: true },
	microcredential_items: { type: 'microcredential', many: true },
	english_proficiency_items: { type: 'english_proficiency', many: true },
	right_to_work_items: { type: 'right_to_work', many: true },
	universal_credential_items: { type: 'universal_credential', many: true },
} as const;
export type BatchKey = keyof typeof BATCH_ITEM_KEYS;
export const MAX_BATCH_ASSETS = 20;
/** [assumed] lifetime of a presigned upload URL. */
export const UPLOAD_URL_TTL_MS = 60 * 60 * 1000;

/** Redirect URIs [doc format; host = the sandbox]. `&` stays literal (the `\u0026` in the guide is a curl artefact). */
export function addRedirectUri(
	origin: string,
	type: string,
	clientId: string,
	documentType: string | undefined,
	content: string,
): string {
	const params = [
		`clientId=${clientId}`,
		...(documentType ? [`documentType=${documentType}`] : []),
		`content=${content}`,
	];
	return `${origin}/seekpass/partner/add/${type}#${params.join('&')}`;
}
/** [assumed] verify redirect: same pattern as Add, content = request_id. */
export function verifyRedirectUri(origin: string, clientId: string, requestId: string): string {
	return `${origin}/seekpass/partner/verify#clientId=${clientId}&content=${requestId}`;
}

/** Token response [doc: JWT HS512; assumed: standard OAuth fields]. */
export const TOKEN_TYPE = 'Bearer';
export const JWT_ALG = 'HS512';

/**
 * Error body [assumed; the guide's status table was not stored]: OAuth style for every error,
 * { error: <code>, error_description: <message>, details?: [{ field, message }] }.
 * 401 invalid_token / invalid_client, 403 insufficient_scope (with WWW-Authenticate, RFC 6750),
 * 400 invalid_request / invalid_scope / unsupported_grant_type, 404 not_found,
 * 409 conflict, 422 validation_error, 429 rate_limited.
 */
export const VALIDATION_STATUS = 422;

/**
 * Webhooks [doc: HMAC-SHA256 hex, timestamp inside the HMAC; assumed: names and joining].
 * The secret is 64 hex chars, used as the HMAC key as it is written (UTF-8 text, not hex-decoded).
 * X-Timestamp is real wall-clock unix seconds (the receiver checks it against its own clock),
 * while created_at in the payload follows the sandbox's virtual clock.
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
