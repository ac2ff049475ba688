// Every Certifier value the emulator relies on, with its source: [doc] = the vendor's
// published reference (developers.certifier.io, ../../shared/api/certifier-reference.md),
// [assumed] = our reading where the vendor says nothing. Change a guess here, nowhere else.

/** [doc] The only API version; sent as the Certifier-Version header. */
export const API_VERSION = '2022-10-26';
export const VERSION_HEADER = 'certifier-version';
/** [doc] Path of the API under the service prefix (https://api.certifier.io/v1). */
export const API_BASE = '/v1';
/** [assumed] Where the emulator serves design previews ("immutable CDN URLs" in the doc). */
export const CDN_BASE = '/cdn';

/**
 * [doc] Error codes; `vendor` marks the messages the vendor shows verbatim (always used
 * for that code). [assumed] the other messages: our wording, the handler's detail wins.
 */
export const ERRORS = {
	missing_version: {
		status: 400,
		vendor: true,
		message: 'The request is missing the required Certifier-Version header',
	},
	invalid_version: {
		status: 400,
		vendor: false,
		message: `The Certifier-Version header is invalid; the supported version is ${API_VERSION}`,
	},
	invalid_json: { status: 400, vendor: false, message: 'The request body is not valid JSON' },
	validation_error: { status: 400, vendor: false, message: 'The request is invalid' },
	unauthorized: {
		status: 401,
		vendor: true,
		message: 'A valid authentication token was not provided with the request',
	},
	payment_required: {
		status: 402,
		vendor: true,
		message: 'The requested feature is only available to premium organizations',
	},
	forbidden: {
		status: 403,
		vendor: false,
		message: 'You do not have permission to perform this action',
	},
	not_found: { status: 404, vendor: true, message: 'The requested resource does not exist' },
	conflict: {
		status: 409,
		vendor: false,
		message: 'The request conflicts with the current state of the resource',
	},
	rate_limited: { status: 429, vendor: true, message: 'You have exceeded the rate limit' },
	internal_server_error: {
		status: 500,
		vendor: true,
		message: "There was a problem on Certifier's end",
	},
} as const;
export type ErrorCode = keyof typeof ERRORS;

/** [doc] limit default 20, max 100 for every list (certifier.readme.io/reference/pagination). */
export const PAGE_DEFAULT_LIMIT = 20;
export const PAGE_MAX_LIMIT = 100;
/** [assumed] Order of plain GET lists (no sort parameter documented): newest first. */
export const DEFAULT_SORT = { property: 'createdAt', order: 'desc' } as const;

/** [doc] Credential statuses. `scheduled` and `expired` are derived from the dates [assumed]. */
export const CREDENTIAL_STATUSES = ['draft', 'scheduled', 'issued', 'expired'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/** [doc] The only delivery method of POST /credentials/{id}/send. */
export const DELIVERY_METHODS = ['email'] as const;

/**
 * Response statuses of the writes. [doc] says 200 + object for create; [assumed] for the
 * rest: 200 + the credential for issue/send/create-issue-send/PATCH, 204 empty for DELETE.
 */
export const STATUS_CREATED = 200;
export const STATUS_DELETED = 204;

// [assumed] An unknown groupId on POST /credentials is a 400 validation_error naming
// groupId (the doc does not say; a 404 would read as "route not found"): see store.create.

/** [assumed] Features refused with 402 payment_required when the org is switched to non-premium. */
export const PREMIUM_FEATURES = ['send', 'create-issue-send'] as const;

/**
 * Search ([doc] developers.certifier.io/docs/api-reference/credentials/search-credentials):
 * filter = {AND|OR|NOT: [node, ...]} nested; a leaf is the field path as nested objects
 * ending in {operator: value}, e.g. {"recipient": {"email": {"endsWith": "@x.com"}}}.
 * [doc] string operators and enum `in`; [assumed] date operators, case-insensitive
 * contains/startsWith/endsWith, several operators in one leaf = all must hold, several
 * fields in one node = all must hold, and the list of searchable fields below.
 */
export const STRING_OPERATORS = ['equals', 'contains', 'startsWith', 'endsWith', 'in'] as const;
export const ENUM_OPERATORS = ['equals', 'in'] as const;
export const DATE_OPERATORS = ['equals', 'gt', 'gte', 'lt', 'lte'] as const;
export type FieldKind = 'string' | 'enum' | 'date';
export const SEARCH_FIELDS: Record<string, FieldKind> = {
	id: 'string',
	publicId: 'string',
	groupId: 'string',
	status: 'enum',
	'recipient.id': 'string',
	'recipient.name': 'string',
	'recipient.email': 'string',
	issueDate: 'date',
	expiryDate: 'date',
	createdAt: 'date',
	updatedAt: 'date',
};
/** Custom attributes are searchable as {"customAttributes": {"custom.<tag>": {...}}} [assumed]. */
export const SEARCH_CUSTOM_PREFIX = 'customAttributes.';
export const SORT_PROPERTIES = [
	'createdAt',
	'updatedAt',
	'issueDate',
	'expiryDate',
	'recipient.name',
	'recipient.email',
	'status',
	'id',
] as const;

// The vendor's event list is one fact shared with the node: the emulator reads the node's copy.
import { CERTIFIER_WEBHOOK_EVENTS } from '../../nodes/Certifier/constants';
export const WEBHOOK_EVENTS = CERTIFIER_WEBHOOK_EVENTS;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** [doc] Header with hex HMAC-SHA256(secret, raw body); no timestamp (the doc's Node sample uses hex). */
export const SIGNATURE_HEADER = 'X-Webhook-Signature';

/**
 * [doc] Credential interaction event types and who triggered them
 * (developers.certifier.io/reference/the-credential-interaction-object); one fact shared with
 * the node, read from its copy.
 */
import { CERTIFIER_INTERACTION_EVENT_TYPES } from '../../nodes/Certifier/constants';
export const INTERACTION_EVENT_TYPES = CERTIFIER_INTERACTION_EVENT_TYPES;
export type InteractionEventType = (typeof INTERACTION_EVENT_TYPES)[number];
export const TRIGGERED_BY = ['recipient', 'guest'] as const;
export type TriggeredBy = (typeof TRIGGERED_BY)[number];
/** [assumed] How triggeredBy is set for API-created interactions is not published. */
export const API_INTERACTION_TRIGGERED_BY: TriggeredBy = 'guest';
/**
 * The webhook an interaction triggers: [second-hand] (vendor forum) credential_viewed →
 * credential.viewed; [assumed] downloads → credential.downloaded, shares and LinkedIn profile
 * additions → credential.shared, the rest (link copied, verified) → no webhook.
 */
export function interactionWebhook(eventType: InteractionEventType): WebhookEvent | undefined {
	if (eventType === 'credential_viewed') return 'credential.viewed';
	if (eventType === 'credential_downloaded') return 'credential.downloaded';
	if (eventType.startsWith('credential_shared_to_') || eventType.includes('linkedin'))
		return 'credential.shared';
	return undefined;
}

/** [assumed] The organisation behind the demo token; no organisation endpoint is documented. */
export const ORGANISATION = {
	id: '01g8zz6x4t7vj5m0c2k9r3d1qa',
	name: 'Sandbox Academy',
	url: 'https://academy.example.org',
};

/** Fixtures present after every reset; the group id is the one of the vendor's curl example. */
export const SEED_GROUP_ID = '01g90279gp5sbmfek7wymcsvec';
export const SEED_AT = '2024-01-15T09:00:00.000Z';
/** [doc] Design types: `certificate` is published; `badge` [assumed]. */
export const SEED_DESIGNS = [
	{ id: '01fpwtztwf7sacca5r0c483mnm', name: 'Classic certificate', type: 'certificate' },
	{ id: '01hz2ej4yzdcfkq9fa78nhyj0x', name: 'Round badge', type: 'badge' },
] as const;
export interface GroupFixture {
	id: string;
	name: string;
	designIds: string[];
	learningEventUrl: string | null;
	/** [assumed] Hidden group setting behind "expiryDate by default uses the group's settings". */
	validityMonths: number | null;
}
export const SEED_GROUPS: GroupFixture[] = [
	{
		id: SEED_GROUP_ID,
		name: 'Introduction to Data Science',
		designIds: SEED_DESIGNS.map((d) => d.id),
		learningEventUrl: 'https://academy.example.org/courses/intro-data-science',
		validityMonths: 12,
	},
	{
		id: '01hq4m8n7v0y5xw2b3c6d9e1fz',
		name: 'Workplace Safety Essentials',
		designIds: [SEED_DESIGNS[0].id],
		learningEventUrl: null,
		validityMonths: null,
	},
];
/** [assumed shape, as Pipedream's Certifier app reads it]: {tag, name, isDefault}. */
export const SEED_ATTRIBUTES = [
	{ tag: 'recipient.name', name: 'Recipient Name', isDefault: true },
	{ tag: 'recipient.email', name: 'Recipient Email', isDefault: true },
	{ tag: 'group.name', name: 'Group Name', isDefault: true },
	{ tag: 'certificate.uuid', name: 'Credential ID', isDefault: true },
	{ tag: 'certificate.issued_on', name: 'Issue Date', isDefault: true },
	{ tag: 'certificate.expired_on', name: 'Expiry Date', isDefault: true },
	{ tag: 'custom.mentor', name: 'Mentor', isDefault: false },
	{ tag: 'custom.grade', name: 'Grade', isDefault: false },
	{ tag: 'custom.hours', name: 'Course Hours', isDefault: false },
] as const;
export const CUSTOM_ATTRIBUTE_PREFIX = 'custom.';

/** Upper bound of POST /_control/certifier/seed-credentials, to keep a typo from eating the heap. */
export const SEED_MAX = 20_000;
