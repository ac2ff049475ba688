/**
 * Every Certifier value we rely on, each marked with where it comes from: [published: <url>] =
 * the vendor's published reference (restated in shared/api/certifier-reference.md), [assumed] =
 * our reading where the reference says nothing (or only another client or a forum post does).
 */

// [published: https://developers.certifier.io/reference/authentication]
export const CERTIFIER_DEFAULT_BASE_URL = 'https://api.certifier.io/v1';
// [published: https://developers.certifier.io/reference/authentication]
export const CERTIFIER_DEFAULT_VERSION = '2022-10-26';
// [published: https://developers.certifier.io/reference/authentication]
export const CERTIFIER_VERSION_HEADER = 'Certifier-Version';

/** Paths under the base URL. */
export const CERTIFIER_PATHS = {
	// [published: https://developers.certifier.io/docs/api-reference/credentials/create-a-credential]
	credentials: '/credentials',
	// [published: https://developers.certifier.io/docs/api-reference/credentials/get-a-credential]
	credential: (id: string) => `/credentials/${encodeURIComponent(id)}`,
	// [published: https://developers.certifier.io/docs/api-reference/credentials/issue-a-credential]
	issue: (id: string) => `/credentials/${encodeURIComponent(id)}/issue`,
	// [published: https://developers.certifier.io/docs/api-reference/credentials/send-a-credential]
	send: (id: string) => `/credentials/${encodeURIComponent(id)}/send`,
	// [published: https://developers.certifier.io/docs/api-reference/credentials/create-issue-and-send-a-credential]
	createIssueSend: '/credentials/create-issue-send',
	// [published: https://developers.certifier.io/docs/api-reference/credentials/get-credential-design-templates]
	designsOf: (id: string) => `/credentials/${encodeURIComponent(id)}/designs`,
	// [published: https://developers.certifier.io/docs/api-reference/credentials/search-credentials]
	search: '/credentials/search',
	// [published: https://developers.certifier.io/docs/api-reference/groups/list-groups]
	groups: '/groups',
	// [published: https://developers.certifier.io/docs/api-reference/groups/get-a-group] (also update and delete)
	group: (id: string) => `/groups/${encodeURIComponent(id)}`,
	// [assumed] the list is not in the published reference (only GET /designs/{id} is).
	designs: '/designs',
	// [published: https://developers.certifier.io/docs/api-reference/designs/get-a-design]
	design: (id: string) => `/designs/${encodeURIComponent(id)}`,
	// [assumed] not in the published reference; Pipedream's client calls it.
	attributes: '/attributes',
	// [published: https://developers.certifier.io/docs/api-reference/credential-interactions/list-credential-interactions] (also create)
	interactions: '/credential-interactions',
} as const;

/** [published: https://certifier.readme.io/reference/pagination] Largest page the list endpoints serve. */
export const CERTIFIER_MAX_PAGE_SIZE = 100;

/** [published: https://developers.certifier.io/reference/the-credential-object] Credential statuses. */
export const CERTIFIER_STATUSES = ['draft', 'scheduled', 'issued', 'expired'] as const;

/** [published: https://developers.certifier.io/docs/api-reference/credentials/send-a-credential] The only delivery method. */
export const CERTIFIER_DELIVERY_METHODS = ['email'] as const;

/**
 * [published: https://developers.certifier.io/reference/the-credential-object] Custom attribute
 * tags start with this; the others (recipient.name, …) are built in.
 */
export const CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX = 'custom.';

/**
 * [assumed] Ids look like lower-case ULIDs (every id in the reference does). Used only to
 * recognise an id inside a dashboard URL; "By ID" accepts any non-empty value.
 */
export const CERTIFIER_ID_REGEX = '[0-9a-z]{26}';

/**
 * [assumed] Dashboard addresses users copy from the browser: the web app lives on
 * app.certifier.io and shows a credential, group or design under its id (the recipient's wallet
 * page is built from publicId instead; its pattern is not published).
 */
export const CERTIFIER_APP_URL = 'https://app.certifier.io';
export const CERTIFIER_URLS = {
	credential: (id: string) => `${CERTIFIER_APP_URL}/credentials/${id}`,
	group: (id: string) => `${CERTIFIER_APP_URL}/groups/${id}`,
	design: (id: string) => `${CERTIFIER_APP_URL}/designs/${id}`,
	credentialPattern: `https?://app\\.certifier\\.io/.*credentials/(${CERTIFIER_ID_REGEX})`,
	groupPattern: `https?://app\\.certifier\\.io/.*groups/(${CERTIFIER_ID_REGEX})`,
	designPattern: `https?://app\\.certifier\\.io/.*designs/(${CERTIFIER_ID_REGEX})`,
} as const;

/**
 * Search (POST /credentials/search) [published: https://developers.certifier.io/docs/api-reference/credentials/search-credentials]:
 * filter = {AND|OR|NOT: [node, …]}, a leaf is the field path as nested objects ending in
 * {operator: value}; string operators equals, contains, startsWith, endsWith, in; status accepts
 * equals and in. [assumed]: the date operators and which fields are searchable and sortable.
 */
export const CERTIFIER_STRING_OPERATORS = [
	'equals',
	'contains',
	'startsWith',
	'endsWith',
	'in',
] as const; // [published: https://developers.certifier.io/docs/api-reference/credentials/search-credentials]
// [published: https://developers.certifier.io/docs/api-reference/credentials/search-credentials]
export const CERTIFIER_ENUM_OPERATORS = ['equals', 'in'] as const;
export const CERTIFIER_DATE_OPERATORS = ['equals', 'gt', 'gte', 'lt', 'lte'] as const; // [assumed]
export type CertifierOperator =
	| (typeof CERTIFIER_STRING_OPERATORS)[number]
	| (typeof CERTIFIER_DATE_OPERATORS)[number];
/** [assumed] Custom attributes are searched as {"customAttributes": {"custom.<tag>": {…}}}. */
export const CERTIFIER_SEARCH_CUSTOM_FIELD = 'customAttributes';
export const CERTIFIER_SORT_PROPERTIES = [
	'createdAt', // [published: https://developers.certifier.io/docs/api-reference/credentials/search-credentials]
	'updatedAt',
	'issueDate',
	'expiryDate',
	'recipient.name',
	'recipient.email',
	'status',
	'id',
] as const; // [assumed] apart from createdAt

/**
 * [assumed] Webhook event types: the reference lists none (its example shows credential.created,
 * https://developers.certifier.io/docs/api-reference/webhooks); this is the dashboard's set as
 * reported on the vendor's forum (https://developers.certifier.io/discuss/6925d7787540c9d1c292462f).
 */
export const CERTIFIER_WEBHOOK_EVENTS = [
	'credential.created',
	'credential.updated',
	'credential.deleted',
	'credential.issued',
	'credential.viewed',
	'credential.downloaded',
	'credential.shared',
] as const;
export type CertifierWebhookEvent = (typeof CERTIFIER_WEBHOOK_EVENTS)[number];
/**
 * [published: https://developers.certifier.io/docs/api-reference/webhooks] Hex HMAC-SHA256 of the raw body with the endpoint's secret;
 * no timestamp header.
 */
export const CERTIFIER_SIGNATURE_HEADER = 'x-webhook-signature';

/** [published: https://developers.certifier.io/reference/the-credential-interaction-object] */
export const CERTIFIER_INTERACTION_EVENT_TYPES = [
	'credential_viewed',
	'credential_shared_to_linkedin',
	'credential_added_to_linkedin_profile',
	'credential_shared_to_facebook',
	'credential_shared_to_twitter',
	'credential_shared_to_messenger',
	'credential_shared_to_whatsapp',
	'credential_shared_to_pinterest',
	'credential_shared_to_telegram',
	'credential_shared_to_weibo',
	'credential_downloaded',
	'credential_link_copied',
	'credential_verified',
] as const;

/**
 * [published: https://developers.certifier.io/docs/api-reference/credential-templates/create-a-credential-template] Deprecated group fields,
 * still accepted for the time being; never sent together with designIds
 * ([published: https://developers.certifier.io/docs/api-reference/credential-templates/update-a-credential-template]).
 */
export const CERTIFIER_LEGACY_DESIGN_FIELDS = ['certificateDesignId', 'badgeDesignId'] as const;
