// zod schemas of the other SEEK Pass request bodies (status, verify, webhooks) and of the
// control API; the Add bodies are in add-bodies.cts, the credential fields in fields.cts.
import { z } from 'zod';
import { SCOPES, STATUS_BATCH_MAX } from './constants.cjs';
import { date, httpUrl, id, text } from './fields.cjs';

export const statusBatchSchema = z
	.object({
		ids: z
			.array(text)
			.min(1, 'must list at least one id')
			.max(STATUS_BATCH_MAX, `must list at most ${STATUS_BATCH_MAX} ids`),
	})
	.strict();

export const verifyCreateSchema = z
	.object({
		request_id: id.optional(),
		callback_url: httpUrl.optional(),
		display_options: z
			.object({ partner_name: text, partner_logo_url: httpUrl.optional() })
			.strict(),
		request_source: z.array(z.object({ name: text }).strict()).optional(),
		metadata: z
			.object({
				position_title: z.string().optional(),
				position_url: z.string().optional(),
				position_location: z.string().optional(),
				job_categories: z.string().optional(),
				applied_on_seek: z.boolean().optional(),
			})
			.strict()
			.optional(),
	})
	.strict();
export type VerifyCreateBody = z.infer<typeof verifyCreateSchema>;

export const webhookCreateSchema = z
	.object({
		name: z.string().max(255).optional(),
		description: z.string().max(1000).optional(),
		url: httpUrl,
	})
	.strict();
export const webhookUpdateSchema = z
	.object({
		id: text,
		name: z.string().max(255).optional(),
		description: z.string().max(1000).optional(),
		url: httpUrl.optional(),
	})
	.strict();

// Control API bodies.
export const submissionControlSchema = z
	.object({ status: z.enum(['verified', 'canceled']) })
	.strict();
export const verificationControlSchema = z
	.object({
		status: z.enum(['verified', 'canceled', 'incomplete']),
		credential: z.object({ full_name: text, date_of_birth: date }).strict().optional(),
	})
	.strict();
export const webhookSendSchema = z
	.object({
		/** The raw body to send; default: a fresh event for `request_id`. */
		body: z.union([z.string(), z.record(z.unknown())]).optional(),
		request_id: z.string().optional(),
		type: z.string().optional(),
		/** Unix seconds to put in X-Timestamp (and sign); default now. */
		timestamp: z.union([z.number().int(), z.string()]).optional(),
		/** Sent as is instead of the correct signature. */
		signature: z.string().optional(),
		/** Sign with this secret instead of the webhook's. */
		secret: z.string().optional(),
	})
	.strict();
export const clientControlSchema = z
	.object({
		client_id: text,
		client_secret: text,
		/** The scopes this partner was granted (a subset of the eight). */
		scopes: z.array(z.enum(SCOPES)).min(1, 'must grant at least one scope'),
	})
	.strict();
