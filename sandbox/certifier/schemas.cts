// zod schemas of the Certifier request bodies and queries: the published field tables of
// shared/api/certifier-reference.md (required, types, enums; see constants.cts for what is [doc]
// and what is [assumed]). A missing required field is a 400 validation_error naming it. Checks
// that need state (group exists, attribute known) live in store.cts.
import { z } from 'zod';
import { SandboxHttpError } from '../core/types.cjs';
import {
	DELIVERY_METHODS,
	INTERACTION_EVENT_TYPES,
	PAGE_DEFAULT_LIMIT,
	PAGE_MAX_LIMIT,
	SEED_MAX,
	TRIGGERED_BY,
	WEBHOOK_EVENTS,
} from './constants.cjs';

const requiredText = z.string({ required_error: 'is required' }).trim().min(1, 'is required');

/** YYYY-MM-DD and a real calendar day ([doc] "only YYYY-MM-DD format is allowed"). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isoDay = z
	.string()
	.regex(DAY, 'must be a date in YYYY-MM-DD format')
	// zod 3 runs refinements even after the regex failed, so this must cope with any string.
	.refine((s) => {
		const d = new Date(`${s}T00:00:00.000Z`);
		return !DAY.test(s) || (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(s));
	}, 'is not a calendar date');

// Not strict: clients are seen sending recipient.id (e.g. null); the vendor ignores it [assumed].
const recipient = z.object({
	name: requiredText,
	email: z.string().email('must be a valid email address').optional(),
});

const customAttributes = z.record(z.string(), z.string());

export const createCredentialBody = z
	.object({
		groupId: requiredText,
		recipient,
		issueDate: isoDay.optional(),
		// [doc] a YYYY-MM-DD string on create (null clears it on PATCH only)
		expiryDate: isoDay.optional(),
		customAttributes: customAttributes.optional(),
	})
	.strict();
export type CreateCredentialBody = z.infer<typeof createCredentialBody>;

export const patchCredentialBody = z
	.object({
		recipient: recipient.partial().optional(),
		issueDate: isoDay.optional(),
		expiryDate: isoDay.nullable().optional(),
		customAttributes: customAttributes.optional(),
	})
	.strict();
export type PatchCredentialBody = z.infer<typeof patchCredentialBody>;

export const sendCredentialBody = z.object({ deliveryMethod: z.enum(DELIVERY_METHODS) }).strict();

const designIds = z.array(z.string().min(1)).min(1, 'must list at least one design');
/**
 * [doc] The legacy design fields are still accepted (deprecated) and must never be sent together
 * with designIds; [assumed] such a request is refused with a validation_error naming the field.
 */
const legacyDesigns = {
	certificateDesignId: z.string().min(1).optional(),
	badgeDesignId: z.string().min(1).optional(),
};
function noMixedDesigns(
	body: { designIds?: string[]; certificateDesignId?: string; badgeDesignId?: string },
	ctx: z.RefinementCtx,
): void {
	if (body.designIds === undefined) return;
	for (const field of ['certificateDesignId', 'badgeDesignId'] as const)
		if (body[field] !== undefined)
			ctx.addIssue({ code: 'custom', path: [field], message: 'must not be sent with designIds' });
}
/** [doc] name*, designIds (≥1) — or the legacy shape with at least one of its two designs. */
export const createGroupBody = z
	.object({
		name: requiredText,
		designIds: designIds.optional(),
		learningEventUrl: z.string().url('must be a URL').optional(),
		...legacyDesigns,
	})
	.strict()
	.superRefine((body, ctx) => {
		noMixedDesigns(body, ctx);
		if (!body.designIds && !body.certificateDesignId && !body.badgeDesignId)
			ctx.addIssue({ code: 'custom', path: ['designIds'], message: 'is required' });
	});
export type CreateGroupBody = z.infer<typeof createGroupBody>;
export const patchGroupBody = z
	.object({
		name: z.string().trim().min(1).optional(),
		designIds: designIds.optional(),
		learningEventUrl: z.string().url('must be a URL').optional(),
		...legacyDesigns,
	})
	.strict()
	.superRefine(noMixedDesigns);
export type PatchGroupBody = z.infer<typeof patchGroupBody>;

/** [doc] POST /credential-interactions: credentialId* and eventType* (the published enum). */
export const createInteractionBody = z
	.object({
		credentialId: requiredText,
		eventType: z.enum(INTERACTION_EVENT_TYPES, { required_error: 'is required' }),
	})
	.strict();

export const limitParam = z.coerce
	.number()
	.int('must be an integer')
	.min(1, 'must be at least 1')
	.max(PAGE_MAX_LIMIT, `must be at most ${PAGE_MAX_LIMIT}`)
	.default(PAGE_DEFAULT_LIMIT);
export const listQuery = z
	.object({ cursor: z.string().min(1).optional(), limit: limitParam })
	.passthrough();
export const interactionsQuery = listQuery.extend({ credentialId: z.string().min(1).optional() });

/** The filter tree is checked node by node in search.cts, where field kinds are known. */
export const searchBody = z
	.object({
		filter: z.record(z.string(), z.unknown()).optional(),
		sort: z
			.object({ property: z.string(), order: z.enum(['asc', 'desc']).default('asc') })
			.strict()
			.optional(),
		cursor: z.string().min(1).nullable().optional(),
		limit: limitParam,
	})
	.strict();

// Control API bodies.
export const webhookConfigBody = z
	.object({
		url: z.string().url(),
		secret: z.string().min(1).optional(),
		events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).optional(),
	})
	.strict();
export const interactionBody = z
	.object({
		eventType: z.enum(INTERACTION_EVENT_TYPES),
		triggeredBy: z.enum(TRIGGERED_BY).default('recipient'),
	})
	.strict();
export const seedCredentialsBody = z
	.object({
		count: z.number().int().min(1).max(SEED_MAX),
		groupId: z.string().optional(),
		status: z.enum(['draft', 'issued']).default('draft'),
	})
	.strict();
export const planBody = z.object({ premium: z.boolean() }).strict();

function describe(error: z.ZodError, root: string): string {
	return error.issues
		.map((i) => {
			const path = [root, ...i.path].filter((p) => p !== '').join('.');
			const message =
				i.code === 'unrecognized_keys'
					? `unknown field(s) ${i.keys.join(', ')}`
					: i.code === 'invalid_type' && i.received === 'undefined'
						? 'is required'
						: i.message;
			return path ? `${path}: ${message}` : message;
		})
		.join('; ');
}

/** Parses or throws a 400 validation_error whose message names each offending field. */
export function parse<S extends z.ZodTypeAny>(schema: S, value: unknown, root = ''): z.output<S> {
	const result = schema.safeParse(value ?? {});
	if (!result.success)
		throw new SandboxHttpError(400, 'validation_error', describe(result.error, root));
	return result.data;
}
