import { z } from 'zod';
import {
	CLR_SUBJECT_TYPE,
	CLR_TYPE,
	OB3_TYPES,
	PROFILE_TYPE,
	RECIPIENT_TOKEN_MAX_LENGTH,
	RECIPIENT_TOKEN_PATTERN,
	SKILL_CARRIER_TYPE,
	SKILL_CATEGORIES,
	SKILL_LEVELS,
	SKILL_NAME_MAX,
	VC_TYPE,
} from './constants';

/**
 * What SmartResume requires ("bold" in CredentialConnect v1.3): recipient.id; per credential
 * id, type, name, credentialSubject.achievement.{id, achievementType, name}, issuer.{id, name}.
 * Checked on the body we are about to send, whatever the source, so every error names the
 * field in the vendor's words. Schemas only check: values are sent exactly as given.
 */

const isBlank = (s: string) => s.trim() === '';
const required = z
	.string({ required_error: 'is required', invalid_type_error: 'must be text' })
	.refine((s) => !isBlank(s), 'is required');
const text = z.string({ invalid_type_error: 'must be text' });
const types = z.union([z.string(), z.array(z.string())], {
	errorMap: () => ({ message: 'must be a type or a list of types' }),
});
const typeList = (value: unknown): string[] =>
	Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];

export function hasType(value: unknown, type: string): boolean {
	return (
		value !== null &&
		typeof value === 'object' &&
		typeList((value as { type?: unknown }).type).includes(type)
	);
}

export const recipientTokenSchema = z
	.string({ required_error: 'is required', invalid_type_error: 'must be given once, as text' })
	.min(1, 'is required')
	.max(RECIPIENT_TOKEN_MAX_LENGTH, `must be at most ${RECIPIENT_TOKEN_MAX_LENGTH} characters`)
	.regex(RECIPIENT_TOKEN_PATTERN, 'may only hold letters, digits and . _ ~ + / = -');

const email = z.union([z.literal(''), z.string().email('must be an email address')], {
	errorMap: (issue, ctx) => ({
		message: issue.code === 'invalid_union' ? 'must be an email address' : ctx.defaultError,
	}),
});

export const recipientSchema = z
	.object({
		id: text,
		givenName: text.optional(),
		familyName: text.optional(),
		additionalName: text.optional(),
		email: email.optional(),
		phone: text.optional(),
		studentId: text.optional(),
		signupOrganization: text.optional(),
	})
	.passthrough();

const issuerSchema = z.object({ id: required, name: required }).passthrough();

const skillAlignmentSchema = z
	.object({
		targetName: required.refine(
			(s) => [...s].length <= SKILL_NAME_MAX,
			`must be at most ${SKILL_NAME_MAX} characters`,
		),
	})
	.passthrough();

const achievementSchema = z
	.object({
		id: required,
		achievementType: required,
		name: required,
		alignment: z.array(skillAlignmentSchema).optional(),
	})
	.passthrough()
	.superRefine((a, ctx) => {
		if (a.achievementType === SKILL_CARRIER_TYPE && !(a.alignment && a.alignment.length > 0)) {
			ctx.addIssue({
				code: 'custom',
				path: ['alignment'],
				message: `must list at least one skill in a ${SKILL_CARRIER_TYPE} carrier`,
			});
		}
	});

export const ob3CredentialSchema = z
	.object({
		id: required,
		type: types.refine(
			(t) => typeList(t).includes(VC_TYPE) && OB3_TYPES.some((o) => typeList(t).includes(o)),
			{
				message: `must include ${VC_TYPE} and ${OB3_TYPES.join(' or ')}`,
			},
		),
		name: required,
		credentialSubject: z
			.object({ achievement: achievementSchema }, { required_error: 'is required' })
			.passthrough(),
		issuer: issuerSchema,
	})
	.passthrough();

const PROFILE_NAMES = ['givenName', 'familyName', 'additionalName'] as const;

export const clrCredentialSchema = z
	.object({
		id: required,
		type: types.refine((t) => typeList(t).includes(VC_TYPE) && typeList(t).includes(CLR_TYPE), {
			message: `must include ${VC_TYPE} and ${CLR_TYPE}`,
		}),
		name: required,
		issuer: issuerSchema,
		credentialSubject: z
			.object(
				{
					type: types.refine((t) => typeList(t).includes(CLR_SUBJECT_TYPE), {
						message: `must include ${CLR_SUBJECT_TYPE}`,
					}),
					verifiableCredential: z.array(ob3CredentialSchema).optional(),
				},
				{ required_error: 'is required' },
			)
			.passthrough()
			.superRefine((s, ctx) => {
				for (const name of PROFILE_NAMES) {
					if ((s as Record<string, unknown>)[name] !== undefined && !hasType(s, PROFILE_TYPE)) {
						ctx.addIssue({
							code: 'custom',
							path: [name],
							message: `needs "${PROFILE_TYPE}" in credentialSubject.type`,
						});
					}
				}
			}),
	})
	.passthrough();

/** One credential: CLR 2.0 when its type says so, else OB 3.0. */
export const credentialSchema = z.unknown().superRefine((value, ctx) => {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		ctx.addIssue({ code: 'custom', message: 'must be an OB 3.0 or CLR 2.0 credential object' });
		return;
	}
	const result = (hasType(value, CLR_TYPE) ? clrCredentialSchema : ob3CredentialSchema).safeParse(
		value,
	);
	if (result.success) return;
	for (const issue of result.error.issues) {
		const message =
			issue.code === 'invalid_type' && issue.received === 'undefined'
				? 'is required'
				: issue.message;
		ctx.addIssue({ code: 'custom', path: issue.path, message });
	}
});

/** Assertion ids of a credential list, nested CLR credentials included, with their paths. */
export function assertionIds(
	credentials: unknown[],
): Array<{ id: string; path: Array<string | number> }> {
	const out: Array<{ id: string; path: Array<string | number> }> = [];
	credentials.forEach((c, i) => {
		const record = c as {
			id?: unknown;
			credentialSubject?: { verifiableCredential?: unknown };
		} | null;
		if (typeof record?.id === 'string') out.push({ id: record.id, path: ['credentials', i, 'id'] });
		const nested = hasType(c, CLR_TYPE)
			? record?.credentialSubject?.verifiableCredential
			: undefined;
		if (Array.isArray(nested)) {
			nested.forEach((n: { id?: unknown } | null, j) => {
				if (typeof n?.id === 'string') {
					out.push({
						id: n.id,
						path: ['credentials', i, 'credentialSubject', 'verifiableCredential', j, 'id'],
					});
				}
			});
		}
	});
	return out;
}

/** The body of one push (or the part one input item contributes to a grouped push). */
export const pushBodySchema = z
	.object({
		recipienttoken: text
			.superRefine((token, ctx) => {
				const problem =
					token === ''
						? undefined
						: recipientTokenSchema.safeParse(token).error?.issues[0]?.message;
				if (problem) ctx.addIssue({ code: 'custom', message: problem });
			})
			.optional(),
		recipient: recipientSchema.optional(),
		credentials: z.array(credentialSchema).min(1, 'must hold at least one credential'),
	})
	.passthrough()
	.superRefine((body, ctx) => {
		if (!body.recipienttoken && (body.recipient === undefined || isBlank(body.recipient.id))) {
			ctx.addIssue({
				code: 'custom',
				path: ['recipient', 'id'],
				message: 'is required (unless a recipient token is given)',
			});
		}
		const seen = new Map<string, string>();
		for (const { id, path } of assertionIds(body.credentials)) {
			const where = path
				.slice(0, -1)
				.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
				.join('')
				.slice(1);
			const first = seen.get(id);
			if (first !== undefined) {
				ctx.addIssue({
					code: 'custom',
					path,
					message: `"${id}" is already the id of ${first}: assertion ids must be unique`,
				});
			} else seen.set(id, where);
		}
	});

const httpUrl = z
	.string()
	.url('must be a URL')
	.refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

export const skillSchema = z
	.object({
		name: required.refine(
			(s) => [...s].length <= SKILL_NAME_MAX,
			(s) => ({
				message: `must be at most ${SKILL_NAME_MAX} characters (has ${[...s].length})`,
			}),
		),
		description: text,
		level: z.enum(['', ...SKILL_LEVELS], {
			errorMap: () => ({ message: `must be one of ${SKILL_LEVELS.join(', ')}` }),
		}),
		category: z.enum(['', ...SKILL_CATEGORIES], {
			errorMap: () => ({ message: `must be one of ${SKILL_CATEGORIES.join(', ')}` }),
		}),
		verified: z.boolean({ invalid_type_error: 'must be true or false' }),
		evidenceUrl: z.union([z.literal(''), httpUrl], {
			errorMap: () => ({ message: 'must be an http(s) URL' }),
		}),
		framework: text,
	})
	.superRefine((s, ctx) => {
		if (s.evidenceUrl !== '' && !s.verified) {
			ctx.addIssue({
				code: 'custom',
				path: ['evidenceUrl'],
				message:
					'is for verified skills only (SmartResume shows it when a viewer checks the verification)',
			});
		}
	});

const proofSchema = z.union(
	[z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown())).min(1)],
	{
		errorMap: () => ({ message: 'must be a proof object or a list of them' }),
	},
);

export const skillSyncSchema = z
	.object({
		skills: z.array(skillSchema).min(1, 'must hold at least one skill'),
		proof: proofSchema.optional(),
	})
	.superRefine((input, ctx) => {
		const verified = input.skills.some((s) => s.verified);
		if (verified && input.proof === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['proof'],
				message:
					'is required when a skill is verified (SmartResume treats a carrier with a proof as verified)',
			});
		}
		if (!verified && input.proof !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['proof'],
				message: 'is given but no skill is marked verified',
			});
		}
	});

const nullableText = z.string({ invalid_type_error: 'must be text' }).nullish();

/** A Certifier credential item, as the Certifier node outputs it. */
export const certifierCredentialSchema = z
	.object({
		id: required,
		groupId: required,
		status: z
			.string()
			.optional()
			.refine(
				(s) => s !== 'draft' && s !== 'scheduled',
				(s) => ({
					message: `is "${s}": issue the credential in Certifier before pushing it to SmartResume`,
				}),
			),
		recipient: z
			.object({ id: nullableText, name: nullableText, email: nullableText })
			.passthrough()
			.nullish(),
		issueDate: nullableText,
		expiryDate: nullableText,
		group: z.object({ id: z.string().optional(), name: nullableText }).passthrough().nullish(),
	})
	.passthrough();
