/**
 * Every Certifier value we rely on. [doc] = developers.certifier.io reference (as summarised in
 * shared/api/certifier.md), [second-hand] = forum posts and other clients, [assumed] = our reading.
 */

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

/** [doc] Credential statuses; `scheduled` and `expired` follow from the dates. */
export const CERTIFIER_STATUSES = ['draft', 'scheduled', 'issued', 'expired'] as const;

/** [doc] The only delivery method of POST /credentials/{id}/send. */
export const CERTIFIER_DELIVERY_METHODS = ['email'] as const;

/** [doc] Custom attribute tags start with this; the others (recipient.name, …) are built in. */
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
 * Search (POST /credentials/search). [doc]: filter = {AND|OR|NOT: [node, …]}, a leaf is the
 * field path as nested objects ending in {operator: value}; string operators equals, contains,
 * startsWith, endsWith, in; status accepts equals and in. [assumed]: the date operators and
 * which fields are searchable and sortable.
 */
export const CERTIFIER_STRING_OPERATORS = [
	'equals',
	'contains',
	'startsWith',
	'endsWith',
	'in',
] as const; // [doc]
export const CERTIFIER_ENUM_OPERATORS = ['equals', 'in'] as const; // [doc]
export const CERTIFIER_DATE_OPERATORS = ['equals', 'gt', 'gte', 'lt', 'lte'] as const; // [assumed]
export type CertifierOperator =
	| (typeof CERTIFIER_STRING_OPERATORS)[number]
	| (typeof CERTIFIER_DATE_OPERATORS)[number];
/** [assumed] Custom attributes are searched as {"customAttributes": {"custom.<tag>": {…}}}. */
export const CERTIFIER_SEARCH_CUSTOM_FIELD = 'customAttributes';
export const CERTIFIER_SORT_PROPERTIES = [
	'createdAt', // [doc]
	'updatedAt',
	'issueDate',
	'expiryDate',
	'recipient.name',
	'recipient.email',
	'status',
	'id',
] as const; // [assumed] apart from createdAt

/** [doc] Webhook event types (viewed/downloaded/shared [second-hand]). */
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
/** [doc] Hex HMAC-SHA256 of the raw body with the endpoint's secret (hex [assumed]); no timestamp. */
export const CERTIFIER_SIGNATURE_HEADER = 'x-webhook-signature';
