import { z } from 'zod';
import {
	SEEK_PASS_DOCUMENT_TYPES,
	SEEK_PASS_IDENTITY_ENUMS,
	SEEK_PASS_OPTIONAL_DOCUMENT_TYPES,
	SEEK_PASS_SINGAPORE,
	SEEK_PASS_URL_DOCUMENT_TYPES,
	type SeekPassCredentialType,
	type SeekPassV1Type,
} from './constants';

/**
 * zod schemas of what the node sends to SEEK Pass, from shared/api/seek-pass-reference.md §5
 * (field tables per type). Field names are the vendor's, so a validation error names the field
 * as the guide and the editor do. Objects are strict: a misspelt key in JSON input is reported
 * instead of being silently dropped.
 */

const text = z
	.string({ required_error: 'is required', invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required');

/** Expressions often yield numbers for years and scores; the API wants text for them. */
const asText = (value: unknown) => (typeof value === 'number' ? String(value) : value);

const year = z.preprocess(
	asText,
	z
		.string({ required_error: 'is required', invalid_type_error: 'must be a year in YYYY format' })
		.trim()
		.regex(/^\d{4}$/, 'must be a year in YYYY format'),
);

function isCalendarDay(s: string): boolean {
	const date = new Date(`${s}T00:00:00.000Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
}

export const calendarDay = z
	.string({
		required_error: 'is required',
		invalid_type_error: 'must be a date in YYYY-MM-DD format',
	})
	.trim()
	.superRefine((s, ctx) => {
		// One problem per value: a wrong format is not also reported as a wrong day.
		if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a date in YYYY-MM-DD format' });
			return;
		}
		if (!isCalendarDay(s)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a calendar date' });
		}
	});

/** A subject's completion date: a year or an ISO date (reference §5.1). */
const yearOrDay = z
	.preprocess(
		asText,
		z.string({
			required_error: 'is required',
			invalid_type_error: 'must be a year (YYYY) or a date (YYYY-MM-DD)',
		}),
	)
	.superRefine((s, ctx) => {
		const value = (s as string).trim();
		if (/^\d{4}$/.test(value)) return;
		if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDay(value)) return;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: 'must be a year (YYYY) or a date (YYYY-MM-DD)',
		});
	});

/** `YYYY-MM`, the month format of career history (reference §5.6). */
const month = z
	.string({
		required_error: 'is required',
		invalid_type_error: 'must be a month in YYYY-MM format',
	})
	.trim()
	.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month in YYYY-MM format');

/** Scores, credits and grades are strings in every table; a number from an expression becomes text. */
const scoreText = z.preprocess(
	asText,
	z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'is required'),
);

export const httpUrl = z
	.string({ required_error: 'is required', invalid_type_error: 'must be a URL' })
	.trim()
	.url('must be a URL')
	.refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

const flag = z.boolean({ invalid_type_error: 'must be true or false' });

export const partnerChainSchema = z.array(z.object({ name: text }).strict(), {
	invalid_type_error: 'must be a list of {"name": "..."} objects',
});

export const majorsSchema = z.array(text, { invalid_type_error: 'must be a list of texts' });

/** When a transcript is sent, `overall` and `subjects` are both required (reference §5.1). */
export const transcriptSchema = z
	.object(
		{
			overall: z
				.object(
					{ issuance_date: calendarDay, score: scoreText.optional() },
					{ required_error: 'is required' },
				)
				.strict(),
			subjects: z.array(
				z
					.object({
						name: text,
						code: text,
						grade: scoreText,
						completion_date: yearOrDay,
						credit: scoreText.optional(),
						score: scoreText.optional(),
					})
					.strict(),
				{ required_error: 'is required', invalid_type_error: 'must be a list of subjects' },
			),
		},
		{ invalid_type_error: 'must be an object with "overall" and "subjects"' },
	)
	.strict();

/** English test scores; the printed schema nests `partner_chain` here (reference §5.2). */
export const testScoresSchema = z
	.object(
		{
			cefr_scores: z
				.object(
					{
						combined: text.optional(),
						reading: text.optional(),
						listening: text.optional(),
						speaking: text.optional(),
						writing: text.optional(),
					},
					{ required_error: 'is required' },
				)
				.strict(),
			overall: z
				.object({ score: scoreText, scale: text }, { required_error: 'is required' })
				.strict(),
			subskills: z.array(z.object({ skill: text, score: scoreText }).strict()).optional(),
			partner_chain: partnerChainSchema.optional(),
		},
		{
			required_error: 'is required',
			invalid_type_error: 'must be an object with "cefr_scores" and "overall"',
		},
	)
	.strict();

export const educationSchema = z
	.object({
		full_name: text,
		education_provider: text,
		course_name: text,
		conferral_year: year.optional(),
		awaiting_graduation: flag.optional(),
		has_majors: flag.optional(),
		majors: majorsSchema.optional(),
		with_honours: flag.optional(),
		partner_chain: partnerChainSchema.optional(),
		transcript: transcriptSchema.optional(),
	})
	.strict()
	.superRefine((credential, ctx) => {
		if (credential.conferral_year === undefined && credential.awaiting_graduation !== true) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['conferral_year'],
				message: 'is required unless awaiting_graduation is true',
			});
		}
	});

export const englishProficiencySchema = z
	.object({
		full_name: text,
		test_provider: text,
		test_name: text,
		completion_date: calendarDay,
		expiry_date: calendarDay.optional(),
		test_scores: testScoresSchema,
	})
	.strict();

export const microcredentialSchema = z
	.object({
		full_name: text,
		issuer_name: text,
		microcredential_name: text,
		issue_date: calendarDay,
		expiry_date: calendarDay.optional(),
		assessment_result: text.optional(),
		partner_chain: partnerChainSchema.optional(),
	})
	.strict();

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values as unknown as [T[number], ...Array<T[number]>], {
		errorMap: (issue, ctx) => ({
			message:
				issue.code === z.ZodIssueCode.invalid_type && ctx.data === undefined
					? 'is required'
					: `must be one of ${values.join(', ')}`,
		}),
	});

/** digital_identity's `partner_chain` sits outside the credential (reference §5.4): not here. */
export const digitalIdentitySchema = z
	.object({
		full_name: text,
		identity_document_validity: enumOf(SEEK_PASS_IDENTITY_ENUMS.identity_document_validity),
		identity_document_liveness: enumOf(SEEK_PASS_IDENTITY_ENUMS.identity_document_liveness),
		identity_document_person_match: enumOf(SEEK_PASS_IDENTITY_ENUMS.identity_document_person_match),
		date_of_birth: calendarDay.optional(),
	})
	.strict();

export const rightToWorkSchema = z
	.object({
		full_name: text,
		country: z
			.string({ required_error: 'is required', invalid_type_error: 'must be text' })
			.trim()
			.regex(/^[A-Z]{2}$/, 'must be a 2-letter ISO 3166 country code in capitals, e.g. AU'),
		singapore_work_rights: text.optional(),
		partner_chain: partnerChainSchema.optional(),
	})
	.strict()
	.superRefine((credential, ctx) => {
		if (
			credential.country === SEEK_PASS_SINGAPORE &&
			credential.singapore_work_rights === undefined
		) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['singapore_work_rights'],
				message: `is required when country is ${SEEK_PASS_SINGAPORE}`,
			});
		}
	});

export const employmentSchema = z
	.object({
		organisation: text,
		role_classification: text.optional(),
		role_title: text.optional(),
		start_date: month,
		end_date: month.nullable().optional(),
		last_processed_month: month,
	})
	.strict()
	.superRefine((job, ctx) => {
		if (job.role_classification === undefined && job.role_title === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['role_title'],
				message: 'give role_title or role_classification (or both)',
			});
		}
	});

/** career_history's `partner_chain`: inside the credential in v1, beside `fields` in v2 — not here. */
export const careerHistorySchema = z
	.object({
		full_name: text,
		employment: z
			.array(employmentSchema, {
				required_error: 'is required',
				invalid_type_error: 'must be a list of employments',
			})
			.min(1, 'needs at least one employment'),
	})
	.strict();

const optionalText = text.nullable().optional();

export const credentialDetailsSchema = z
	.object({
		scope_of_practice: optionalText,
		speciality: z
			.array(text, { invalid_type_error: 'must be a list of texts' })
			.nullable()
			.optional(),
		version: optionalText,
		date_completed: calendarDay.nullable().optional(),
		country: optionalText,
		state: optionalText,
		province: optionalText,
		city: optionalText,
		region: optionalText,
		place: optionalText,
	})
	.strict();

export const universalCredentialSchema = z
	.object({
		full_name: text,
		credential_name: text,
		credential_category: text,
		issuer_name: text,
		expiry_date: calendarDay.nullable().optional(),
		credential_details: credentialDetailsSchema.nullable().optional(),
		partner_chain: partnerChainSchema.optional(),
	})
	.strict();

export const CREDENTIAL_SCHEMAS: Record<SeekPassCredentialType, z.ZodTypeAny> = {
	education: educationSchema,
	english_proficiency: englishProficiencySchema,
	microcredential: microcredentialSchema,
	digital_identity: digitalIdentitySchema,
	right_to_work: rightToWorkSchema,
	career_history: careerHistorySchema,
	universal_credential: universalCredentialSchema,
};

/** The credential object of any type, as validated (vendor field names). */
export type CredentialFields = Record<string, unknown> & { full_name: string };

function documentTypeEnum(type: SeekPassV1Type) {
	const allowed = SEEK_PASS_DOCUMENT_TYPES[type] as unknown as [string, ...string[]];
	return z.enum(allowed, {
		errorMap: () => ({ message: `must be one of ${allowed.join(', ')} for ${type}` }),
	});
}

/** The document a document_type needs: none, the URL of a file, or OpenCert JSON. */
function checkDocument(
	documentType: string,
	document: unknown,
	ctx: z.RefinementCtx,
	path: Array<string | number>,
): void {
	if (documentType === 'none') return;
	if (document === undefined || document === null || document === '') {
		// English: the newer page makes the PDF optional (reference §5.2).
		if (SEEK_PASS_OPTIONAL_DOCUMENT_TYPES.includes(documentType)) return;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path,
			message: `is required when document_type is ${documentType}`,
		});
		return;
	}
	if (SEEK_PASS_URL_DOCUMENT_TYPES.includes(documentType)) {
		if (!httpUrl.safeParse(document).success) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path,
				message: `must be the http(s) URL of the ${documentType} file`,
			});
		}
		return;
	}
	const isObject = typeof document === 'object' && !Array.isArray(document);
	if (typeof document !== 'string' && !isObject) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: 'must be OpenCert JSON' });
	}
}

/** document_type and document of one credential, checked against its type. */
export function documentSchema(type: SeekPassV1Type) {
	return z
		.object({ document_type: documentTypeEnum(type), document: z.unknown() })
		.superRefine((value, ctx) =>
			checkDocument(value.document_type, value.document, ctx, ['document']),
		);
}

export const submissionIdSchema = z
	.string({ required_error: 'is required', invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required')
	.regex(/^\S+$/, 'must not contain spaces');

/** The partner's id of a submission, checked where the field is named `id` (Add) or `credential_id` (batch). */
export const submissionIdFieldSchema = z.object({ id: submissionIdSchema });
export const credentialIdFieldSchema = z.object({ credential_id: submissionIdSchema });
export const verificationRequestIdSchema = z.object({ request_id: submissionIdSchema });

/** v1 single add, reference §4.1. `data.partner_chain` only for digital_identity. */
export interface AddCredentialBody {
	id: string;
	document_type: string;
	credential_type: SeekPassV1Type;
	data: { credential: CredentialFields; document?: unknown; partner_chain?: PartnerChain };
}

export type PartnerChain = Array<{ name: string }>;

/** An asset of a v2 credential (reference §6.2). */
export interface SeekPassAsset {
	asset_id: string;
	asset_type: string;
	asset_data?: string | null;
}

/** v2 single add, reference §3 and §5.6/§5.7: `{credential_id, fields, assets?}`. */
export interface AddCredentialV2Body {
	credential_id: string;
	fields: CredentialFields;
	assets?: SeekPassAsset[];
	/** Beside `fields` for career_history and digital_identity only. */
	partner_chain?: PartnerChain;
}

export const verificationCreateSchema = z
	.object({
		request_id: submissionIdSchema,
		callback_url: httpUrl.optional(),
		display_options: z
			.object({ partner_name: text, partner_logo_url: httpUrl.optional() })
			.strict(),
		request_source: z.array(z.object({ name: text }).strict()).optional(),
		metadata: z
			.object({
				position_title: text.optional(),
				position_url: text.optional(),
				position_location: text.optional(),
				job_categories: text.optional(),
				applied_on_seek: flag.optional(),
			})
			.strict()
			.optional(),
	})
	.strict();

export type VerificationCreateBody = z.infer<typeof verificationCreateSchema>;

export const webhookCreateSchema = z
	.object({ url: httpUrl, name: text.optional(), description: text.optional() })
	.strict();

export type WebhookCreateBody = z.infer<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z
	.object({
		id: text,
		url: httpUrl.optional(),
		name: text.optional(),
		description: text.optional(),
	})
	.strict()
	.refine(
		(body) => body.url !== undefined || body.name !== undefined || body.description !== undefined,
		{
			message: 'give at least one of url, name, description to change',
			path: ['updateFields'],
		},
	);

export type WebhookUpdateBody = z.infer<typeof webhookUpdateSchema>;
