// zod schemas of the SEEK Pass request bodies, from /work/shared/api/seek-pass.md.
// Objects are strict: a misspelt field is a 422 naming it, which is what a client test wants.
import { z } from 'zod';
import {
	BATCH_ITEM_KEYS,
	CREDENTIAL_TYPES,
	DOCUMENT_TYPES,
	MAX_BATCH_ASSETS,
	STATUS_BATCH_MAX,
	URL_DOCUMENT_TYPES,
	type CredentialType,
} from './constants.cjs';

const text = z.string().trim().min(1, 'must not be empty');
const year = z.string().regex(/^\d{4}$/, 'must be a year, YYYY');
const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
	.refine(
		(s) =>
			!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
			new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
		'is not a calendar date',
	);
const score = z.union([z.string().trim().min(1), z.number()]);
const httpUrl = z
	.string()
	.url('must be a URL')
	.refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');
const partnerChain = z.array(z.object({ name: text }).strict());

const education = z
	.object({
		full_name: text,
		education_provider: text,
		course_name: text,
		conferral_year: year.optional(),
		awaiting_graduation: z.boolean().optional(),
		has_majors: z.boolean().optional(),
		majors: z.array(text).optional(),
		with_honours: z.boolean().optional(),
		partner_chain: partnerChain.optional(),
		transcript: z
			.object({
				overall: z.object({ issuance_date: date, score: score.optional() }).strict(),
				subjects: z
					.array(
						z
							.object({
								name: text,
								code: text,
								grade: text,
								completion_date: date,
								credit: score.optional(),
								score: score.optional(),
							})
							.strict(),
					)
					.optional(),
			})
			.strict()
			.optional(),
	})
	.strict()
	.superRefine((c, ctx) => {
		if (c.conferral_year === undefined && c.awaiting_graduation !== true) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['conferral_year'],
				message: 'is required unless awaiting_graduation is true',
			});
		}
	});

const cefr = text;
const englishProficiency = z
	.object({
		full_name: text,
		test_provider: text,
		test_name: text,
		completion_date: date,
		expiry_date: date.optional(),
		test_scores: z
			.object({
				cefr_scores: z
					.object({
						combined: cefr.optional(),
						reading: cefr.optional(),
						listening: cefr.optional(),
						speaking: cefr.optional(),
						writing: cefr.optional(),
					})
					.strict(),
				overall: z.object({ score, scale: text }).strict(),
				subskills: z.array(z.object({ skill: text, score }).strict()).optional(),
			})
			.strict(),
		partner_chain: partnerChain.optional(),
	})
	.strict();

const microcredential = z
	.object({
		full_name: text,
		issuer_name: text,
		microcredential_name: text,
		issue_date: date,
		expiry_date: date.optional(),
		assessment_result: text.optional(),
		partner_chain: partnerChain.optional(),
	})
	.strict();

const digitalIdentity = z
	.object({
		full_name: text,
		identity_document_validity: z.enum(['manual', 'government_database', 'verifiable_credential']),
		identity_document_liveness: z.enum(['automated', 'in_person']),
		identity_document_person_match: z.enum(['manual', 'automated', 'government_database']),
		date_of_birth: date.optional(),
	})
	.strict();

export const CREDENTIAL_SCHEMAS: Record<CredentialType, z.ZodTypeAny> = {
	education,
	english_proficiency: englishProficiency,
	microcredential,
	digital_identity: digitalIdentity,
};

export function isCredentialType(type: string): type is CredentialType {
	return (CREDENTIAL_TYPES as readonly string[]).includes(type);
}

/** Checks `document` against `document_type` (rules in constants.cts), reporting at `path`. */
function checkDocument(
	documentType: string,
	document: unknown,
	ctx: z.RefinementCtx,
	path: (string | number)[],
): void {
	if (documentType === 'none') return;
	if (document === undefined || document === null || document === '') {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path,
			message: `is required when document_type is ${documentType}`,
		});
		return;
	}
	if ((URL_DOCUMENT_TYPES as readonly string[]).includes(documentType)) {
		const ok = httpUrl.safeParse(document).success;
		if (!ok)
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path,
				message: `must be an http(s) URL of the ${documentType} file`,
			});
		return;
	}
	// open_cert: the OpenCert JSON itself, or a string carrying it / pointing to it.
	if (typeof document !== 'string' && (typeof document !== 'object' || Array.isArray(document))) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path,
			message: 'must be an OpenCert JSON object or a string',
		});
	}
}

const documentValue = z.union([z.string(), z.record(z.unknown())]);

export function addBodySchema(type: CredentialType) {
	return z
		.object({
			id: z.string().trim().min(1, 'must not be empty').max(255),
			document_type: z.enum(DOCUMENT_TYPES[type]),
			credential_type: z.literal(type, {
				errorMap: () => ({ message: `must be "${type}", the credential type in the path` }),
			}),
			data: z
				.object({ credential: CREDENTIAL_SCHEMAS[type], document: documentValue.optional() })
				.strict(),
		})
		.strict()
		.superRefine((body, ctx) =>
			checkDocument(body.document_type, body.data.document, ctx, ['data', 'document']),
		);
}
export type AddBody = {
	id: string;
	document_type: string;
	credential_type: CredentialType;
	data: { credential: Record<string, unknown>; document?: unknown };
};

function batchItem(type: string) {
	const fields = isCredentialType(type) ? CREDENTIAL_SCHEMAS[type] : z.record(z.unknown());
	if (!isCredentialType(type)) return z.object({ credential_id: text, fields }).strict();
	return z
		.object({
			credential_id: text,
			document_type: z.enum(DOCUMENT_TYPES[type]).optional(),
			document: documentValue.optional(),
			fields,
		})
		.strict()
		.superRefine((item, ctx) =>
			checkDocument(item.document_type ?? 'none', item.document, ctx, ['document']),
		);
}

const batchShape = Object.fromEntries(
	Object.entries(BATCH_ITEM_KEYS).map(([key, { type, many }]) => [
		key,
		(many ? z.array(batchItem(type)) : batchItem(type)).optional(),
	]),
) as Record<string, z.ZodTypeAny>;

export const batchBodySchema = z
	.object({
		...batchShape,
		assets: z
			.array(z.object({ key: text, content_type: text }).strict())
			.max(MAX_BATCH_ASSETS)
			.optional(),
	})
	.strict()
	.superRefine((body, ctx) => {
		const ids = batchCredentialIds(body as Record<string, unknown>);
		if (ids.length === 0)
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [],
				message: 'a batch needs at least one credential item',
			});
		const seen = new Set<string>();
		for (const id of ids) {
			if (seen.has(id))
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: [],
					message: `credential_id "${id}" appears more than once`,
				});
			seen.add(id);
		}
		const keys = new Set<string>();
		for (const [i, asset] of (
			(body as { assets?: Array<{ key: string }> }).assets ?? []
		).entries()) {
			if (keys.has(asset.key))
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['assets', i, 'key'],
					message: 'must be unique',
				});
			keys.add(asset.key);
		}
	});

export interface BatchItem {
	credential_id: string;
	fields: Record<string, unknown>;
	document_type?: string;
	document?: unknown;
}
export type BatchBody = Partial<Record<string, BatchItem | BatchItem[]>> & {
	assets?: Array<{ key: string; content_type: string }>;
};

/** Items of a (validated) batch as [batch key, item] pairs. */
export function batchItems(body: Record<string, unknown>): Array<[string, BatchItem]> {
	const out: Array<[string, BatchItem]> = [];
	for (const key of Object.keys(BATCH_ITEM_KEYS)) {
		const value = body[key];
		if (Array.isArray(value)) for (const item of value) out.push([key, item as BatchItem]);
		else if (value && typeof value === 'object') out.push([key, value as BatchItem]);
	}
	return out;
}

export function batchCredentialIds(body: Record<string, unknown>): string[] {
	return batchItems(body).map(([, item]) => item.credential_id);
}

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
		request_id: z.string().trim().min(1).max(255).optional(),
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
