import { z } from 'zod';
import {
	CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX,
	CERTIFIER_DELIVERY_METHODS,
	CERTIFIER_INTERACTION_EVENT_TYPES,
	CERTIFIER_LEGACY_DESIGN_FIELDS,
	CERTIFIER_MAX_PAGE_SIZE,
	CERTIFIER_SORT_PROPERTIES,
} from './constants';

/** zod schemas of Certifier's request bodies, from shared/api/certifier-reference.md. Field names are Certifier's. */

/** [published: https://developers.certifier.io/docs/api-reference/credentials/create-a-credential] "only YYYY-MM-DD format is allowed"; a real calendar day. */
export const isoDay = z
	.string({ invalid_type_error: 'must be a date in YYYY-MM-DD format' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD format')
	.refine((s) => {
		const date = new Date(`${s}T00:00:00.000Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
	}, 'is not a calendar date');

const required = z.string({ required_error: 'is required' }).trim().min(1, 'is required');
const email = z.string().trim().email('must be a valid email address');

/** Tags as Certifier stores them ("custom.<tag>"); values are plain text. */
export const customAttributesSchema = z.record(
	z.string().regex(/^custom\.\S+$/, 'must be a custom attribute tag such as custom.mentor'),
	z.string(),
);

/** The editor's list of {tag, value} rows, turned into Certifier's key-value object. */
export const customAttributeRowsSchema = z
	.array(
		z.object({
			tag: required.transform((tag) =>
				tag.startsWith(CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX)
					? tag
					: `${CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX}${tag}`,
			),
			value: z.string({ invalid_type_error: 'must be text' }),
		}),
	)
	.superRefine((rows, ctx) => {
		const seen = new Set<string>();
		rows.forEach((row, index) => {
			if (seen.has(row.tag)) {
				ctx.addIssue({
					code: 'custom',
					path: [index, 'tag'],
					message: `${row.tag} is given more than once`,
				});
			}
			seen.add(row.tag);
		});
	})
	.transform((rows) => Object.fromEntries(rows.map((row) => [row.tag, row.value])));

const expiryNotBeforeIssue = (body: { issueDate?: string; expiryDate?: string | null }) =>
	!body.issueDate || !body.expiryDate || body.expiryDate >= body.issueDate;
const expiryRule = { message: 'must not be before issueDate', path: ['expiryDate'] };

const createFields = {
	groupId: required,
	recipient: z.object({ name: required, email: email.optional() }).strict(),
	issueDate: isoDay.optional(),
	expiryDate: isoDay.optional(),
	customAttributes: customAttributesSchema.optional(),
};

/** POST /credentials [published: https://developers.certifier.io/docs/api-reference/credentials/create-a-credential]. */
export const createCredentialSchema = z
	.object(createFields)
	.strict()
	.refine(expiryNotBeforeIssue, expiryRule);
export type CreateCredentialBody = z.infer<typeof createCredentialSchema>;

/** POST /credentials/create-issue-send: the same body; sending by email needs the address. */
export const createIssueSendSchema = z
	.object({
		...createFields,
		recipient: z
			.object({
				name: required,
				email: z.string({ required_error: 'is required to send by email' }).pipe(email),
			})
			.strict(),
	})
	.strict()
	.refine(expiryNotBeforeIssue, expiryRule);

/** PATCH /credentials/{id} [published: https://developers.certifier.io/docs/api-reference/credentials/update-a-credential]; `expiryDate: null` clears it. */
export const updateCredentialSchema = z
	.object({
		recipient: z.object({ name: required.optional(), email: email.optional() }).strict().optional(),
		issueDate: isoDay.optional(),
		expiryDate: isoDay.nullable().optional(),
		customAttributes: customAttributesSchema.optional(),
	})
	.strict()
	.refine(expiryNotBeforeIssue, expiryRule)
	.refine((body) => Object.keys(body).length > 0, 'add at least one field to update');
export type UpdateCredentialBody = z.infer<typeof updateCredentialSchema>;

/** POST /credentials/{id}/send [published: https://developers.certifier.io/docs/api-reference/credentials/send-a-credential]. */
export const sendCredentialSchema = z
	.object({ deliveryMethod: z.enum(CERTIFIER_DELIVERY_METHODS) })
	.strict();

const url = z.string().trim().url('must be a URL such as https://example.org/course');
const designIds = z.array(required).min(1, 'must list at least one design');

/**
 * The deprecated design fields (certificateDesignId, badgeDesignId): accepted by Certifier for
 * groups still on the legacy shape, but never in the same request as designIds.
 */
const legacyDesignFields = {
	certificateDesignId: required.optional(),
	badgeDesignId: required.optional(),
};
function refuseMixedDesigns(
	body: { designIds?: unknown } & Partial<
		Record<(typeof CERTIFIER_LEGACY_DESIGN_FIELDS)[number], unknown>
	>,
	ctx: z.RefinementCtx,
): void {
	if (body.designIds === undefined) return;
	for (const field of CERTIFIER_LEGACY_DESIGN_FIELDS) {
		if (body[field] !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: [field],
				message:
					'is deprecated and cannot be sent together with designIds; list the design under designIds',
			});
		}
	}
}

/** POST /groups: name and at least one design (designIds, or the legacy pair without it). */
export const createGroupSchema = z
	.object({
		name: required,
		designIds: designIds.optional(),
		learningEventUrl: url.optional(),
		...legacyDesignFields,
	})
	.strict()
	.superRefine((body, ctx) => {
		refuseMixedDesigns(body, ctx);
		if (!body.designIds && !body.certificateDesignId && !body.badgeDesignId) {
			ctx.addIssue({ code: 'custom', path: ['designIds'], message: 'is required' });
		}
	});

/** PATCH /groups/{id}: designIds replaces the whole ordered list. */
export const updateGroupSchema = z
	.object({
		name: required.optional(),
		designIds: designIds.optional(),
		learningEventUrl: url.optional(),
		...legacyDesignFields,
	})
	.strict()
	.superRefine(refuseMixedDesigns)
	.refine((body) => Object.keys(body).length > 0, 'add at least one field to update');

/** POST /credential-interactions: both fields required, eventType one of the published 13. */
export const createInteractionSchema = z
	.object({
		credentialId: required,
		eventType: z.enum(CERTIFIER_INTERACTION_EVENT_TYPES, {
			required_error: 'is required',
			invalid_type_error: 'must be one of the published event types',
		}),
	})
	.strict();
export type CreateInteractionBody = z.infer<typeof createInteractionSchema>;

/** POST /credentials/search [published: https://developers.certifier.io/docs/api-reference/credentials/search-credentials]: the filter tree is built and checked in filter.ts. */
export const searchBodySchema = z
	.object({
		filter: z.record(z.string(), z.unknown()).optional(),
		sort: z
			.object({ property: z.enum(CERTIFIER_SORT_PROPERTIES), order: z.enum(['asc', 'desc']) })
			.strict()
			.optional(),
		cursor: z.string().min(1).optional(),
		limit: z.number().int().min(1).max(CERTIFIER_MAX_PAGE_SIZE),
	})
	.strict();
export type SearchBody = z.infer<typeof searchBodySchema>;
