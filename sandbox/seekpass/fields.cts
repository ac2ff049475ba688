// The credential field tables of the SEEK Pass reference (§5.1–§5.7 of
// /work/shared/api/seek-pass-reference.md) as zod schemas: v1 `data.credential` = v2 `fields`.
// Objects are strict: a misspelt field is refused by name, which is what a client test wants.
import { z } from 'zod';
import {
	IDENTITY_DOCUMENT_LIVENESS,
	IDENTITY_DOCUMENT_PERSON_MATCH,
	IDENTITY_DOCUMENT_VALIDITY,
	MAX_ID_LENGTH,
	SINGAPORE,
	type CredentialType,
} from './constants.cjs';

/** Clear messages for the common cases; zod's own for the rest. Pass to safeParse. */
export const fieldErrorMap: z.ZodErrorMap = (issue, ctx) => {
	if (issue.code === z.ZodIssueCode.invalid_type) {
		if (issue.received === 'undefined') return { message: 'is required' };
		return { message: `must be ${issue.expected}, not ${issue.received}` };
	}
	if (issue.code === z.ZodIssueCode.unrecognized_keys)
		return { message: `is not a known field: ${issue.keys.join(', ')}` };
	return { message: ctx.defaultError };
};

export const text = z.string().trim().min(1, 'must not be empty');
export const id = text.max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`);

function isCalendarDay(s: string): boolean {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
export const year = z.string().regex(/^\d{4}$/, 'must be a year, YYYY');
export const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
	.refine(isCalendarDay, 'is not a calendar date');
const yearOrDate = z
	.string()
	.refine(
		(s) => /^\d{4}$/.test(s) || (/^\d{4}-\d{2}-\d{2}$/.test(s) && isCalendarDay(s)),
		'must be a year (YYYY) or a date (YYYY-MM-DD)',
	);
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** ISO 3166-1 alpha-2, upper case; Intl knows which two-letter codes name a region. */
const countryCode = z
	.string()
	.refine(
		(s) => /^[A-Z]{2}$/.test(s) && regionNames.of(s) !== undefined,
		'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. AU',
	);

export const httpUrl = z
	.string()
	.url('must be a URL')
	.refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

/** `[{ name }]` or null, on every type (§5). */
export const partnerChain = z.array(z.object({ name: text }).strict()).nullable();

const flag = z.boolean().optional();

// §5.1 https://developer.seekpass.co/id/docs/guide/education-field-descriptions/
const education = z
	.object({
		full_name: text,
		education_provider: text,
		course_name: text,
		conferral_year: year.nullable().optional(),
		awaiting_graduation: flag,
		has_majors: flag,
		majors: z.array(text).optional(),
		with_honours: flag,
		transcript: z
			.object({
				overall: z.object({ issuance_date: date, score: text.optional() }).strict(),
				subjects: z.array(
					z
						.object({
							name: text,
							code: text,
							grade: text,
							completion_date: yearOrDate,
							credit: text.optional(),
							score: text.optional(),
						})
						.strict(),
				),
			})
			.strict()
			.optional(),
		partner_chain: partnerChain.optional(),
	})
	.strict()
	.superRefine((c, ctx) => {
		if ((c.conferral_year ?? null) === null && c.awaiting_graduation !== true) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['conferral_year'],
				message: 'is required unless awaiting_graduation is true',
			});
		}
	});

// §5.2 https://developer.seekpass.co/id/docs/guide/english-proficiency-field-descriptions/
// partner_chain sits inside test_scores, as printed.
const cefrLevel = text.optional();
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
						combined: cefrLevel,
						reading: cefrLevel,
						listening: cefrLevel,
						speaking: cefrLevel,
						writing: cefrLevel,
					})
					.strict(),
				overall: z.object({ score: text, scale: text }).strict(),
				subskills: z.array(z.object({ skill: text, score: text }).strict()).optional(),
				partner_chain: partnerChain.optional(),
			})
			.strict(),
	})
	.strict();

// §5.3 https://developer.seekpass.co/id/docs/guide/microcredential-field-descriptions/
const microcredential = z
	.object({
		full_name: text,
		issuer_name: text,
		microcredential_name: text,
		issue_date: date,
		expiry_date: date.optional(),
		assessment_result: text.nullable().optional(),
		partner_chain: partnerChain.optional(),
	})
	.strict();

// §5.4 https://developer.seekpass.co/en-au/docs/guide/digital-identity-field-descriptions/ (current
// schema; partner_chain is beside the credential, not in it).
const digitalIdentity = z
	.object({
		full_name: text,
		date_of_birth: date.nullable().optional(),
		identity_document_validity: z.enum(IDENTITY_DOCUMENT_VALIDITY),
		identity_document_liveness: z.enum(IDENTITY_DOCUMENT_LIVENESS),
		identity_document_person_match: z.enum(IDENTITY_DOCUMENT_PERSON_MATCH),
	})
	.strict();

// §5.5 https://developer.seekpass.co/en-au/docs/guide/right-to-work-field-descriptions/
const rightToWork = z
	.object({
		full_name: text,
		country: countryCode,
		singapore_work_rights: text.optional(),
		partner_chain: partnerChain.optional(),
	})
	.strict()
	.superRefine((c, ctx) => {
		if (c.country === SINGAPORE && c.singapore_work_rights === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['singapore_work_rights'],
				message: `is required when country is ${SINGAPORE}`,
			});
		}
	});

// §5.6 https://developer.seekpass.co/en-au/docs/guide/career-history-field-descriptions/
const employment = z
	.object({
		organisation: text,
		role_classification: text.optional(),
		role_title: text.optional(),
		start_date: yearMonth,
		end_date: yearMonth.nullable().optional(),
		last_processed_month: yearMonth,
	})
	.strict()
	.superRefine((e, ctx) => {
		if (e.role_classification === undefined && e.role_title === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['role_title'],
				message: 'is required when role_classification is absent (give at least one)',
			});
		}
	});
const careerHistoryV2 = z.object({ full_name: text, employment: z.array(employment) }).strict();
// The older v1 copy keeps partner_chain in the credential, like the other v1 types.
const careerHistoryV1 = careerHistoryV2.extend({ partner_chain: partnerChain.optional() });

// §5.7 https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/
// credential_category: the list is not in our digest, so any non-empty string.
const detail = text.nullable().optional();
const universalCredential = z
	.object({
		full_name: text,
		credential_name: text,
		credential_category: text,
		issuer_name: text,
		expiry_date: date.nullable().optional(),
		credential_details: z
			.object({
				scope_of_practice: detail,
				speciality: z.array(text).nullable().optional(),
				version: detail,
				date_completed: date.nullable().optional(),
				country: detail,
				state: detail,
				province: detail,
				city: detail,
				region: detail,
				place: detail,
			})
			.strict()
			.nullable()
			.optional(),
		partner_chain: partnerChain.optional(),
	})
	.strict();

const V2_FIELDS: Record<CredentialType, z.ZodTypeAny> = {
	education,
	english_proficiency: englishProficiency,
	microcredential,
	digital_identity: digitalIdentity,
	right_to_work: rightToWork,
	career_history: careerHistoryV2,
	universal_credential: universalCredential,
};

/** The fields of one credential: v1 `data.credential`, v2 `fields`. */
export function fieldsSchema(type: CredentialType, version: 'v1' | 'v2'): z.ZodTypeAny {
	return version === 'v1' && type === 'career_history' ? careerHistoryV1 : V2_FIELDS[type];
}
