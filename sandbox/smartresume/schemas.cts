// zod schemas of CredentialConnect bodies, from the vendor's examples and its list of
// required ("bold") fields: recipient.id; per credential id, type, name,
// credentialSubject.achievement.{id, achievementType, name}, issuer.{id, name}.
// Objects pass unknown properties through (JSON-LD documents carry many); strings the
// vendor leaves empty in its own examples ("", "Spring 2023") are accepted as they are.
import { z } from 'zod';
import {
	CLR_SUBJECT_TYPE,
	CLR_TYPE,
	GRANT_TYPE,
	OB3_TYPES,
	PROFILE_TYPE,
	SCOPES,
	SKILL_CATEGORIES,
	SKILL_FIELDS,
	SKILL_LEVELS,
	SKILL_NAME_MAX,
	VC_TYPE,
} from './constants.cjs';
import { imsxError } from './imsx.cjs';

const required = z.string({ required_error: 'is required' }).min(1, 'must not be empty');
/** JSON-LD allows a single type as a string; SmartResume's examples use arrays. */
const types = z
	.union([z.string(), z.array(z.string())])
	.transform((t) => (Array.isArray(t) ? t : [t]));
const image = z.object({ id: z.string() }).passthrough();

export function hasType(value: unknown, type: string): boolean {
	const t = (value as { type?: unknown } | null)?.type;
	return t === type || (Array.isArray(t) && t.includes(type));
}

const issuer = z
	.object({
		id: required,
		name: required,
		email: z.string().optional(),
		url: z.string().optional(),
		image: image.optional(),
		description: z.string().optional(),
	})
	.passthrough();

const achievement = z
	.object({
		id: required,
		achievementType: required,
		name: required,
		description: z.string().optional(),
		image: image.optional(),
		alignment: z.array(z.record(z.string(), z.unknown())).optional(),
	})
	.passthrough();

export const ob3Credential = z
	.object({
		'@context': z.array(z.string()).optional(),
		id: required,
		type: types.refine((t) => t.includes(VC_TYPE) && OB3_TYPES.some((o) => t.includes(o)), {
			message: `must include ${VC_TYPE} and one of ${OB3_TYPES.join(', ')}`,
		}),
		name: required,
		awardedDate: z.string().optional(),
		activityEndDate: z.string().optional(),
		issuedOn: z.string().optional(),
		issuanceDate: z.string().optional(),
		expirationDate: z.string().optional(),
		credentialSubject: z
			.object({ id: z.string().optional(), type: types.optional(), achievement })
			.passthrough(),
		issuer,
		proof: z
			.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))])
			.optional(),
	})
	.passthrough();
export type Ob3Credential = z.infer<typeof ob3Credential>;

const profileNames = ['givenName', 'familyName', 'additionalName'] as const;
export const clrCredential = z
	.object({
		'@context': z.array(z.string()).optional(),
		id: required,
		type: types.refine((t) => t.includes(VC_TYPE) && t.includes(CLR_TYPE), {
			message: `must include ${VC_TYPE} and ${CLR_TYPE}`,
		}),
		name: required,
		issuer,
		credentialSubject: z
			.object({
				id: z.string().optional(),
				type: types.refine((t) => t.includes(CLR_SUBJECT_TYPE), {
					message: `must include ${CLR_SUBJECT_TYPE}`,
				}),
				verifiableCredential: z.array(ob3Credential).default([]),
				givenName: z.string().optional(),
				familyName: z.string().optional(),
				additionalName: z.string().optional(),
			})
			.passthrough()
			.superRefine((s, zctx) => {
				// [doc] the name fields are "available" once Profile is in the type array.
				for (const n of profileNames) {
					if (s[n] !== undefined && !s.type.includes(PROFILE_TYPE)) {
						zctx.addIssue({
							code: 'custom',
							path: [n],
							message: `needs "${PROFILE_TYPE}" in credentialSubject.type`,
						});
					}
				}
			}),
	})
	.passthrough();
export type ClrCredential = z.infer<typeof clrCredential>;

const optionalEmail = z
	.union([z.literal(''), z.string().email('must be a valid email address')])
	.optional();
const recipient = z
	.object({
		id: required,
		givenName: z.string().optional(),
		familyName: z.string().optional(),
		additionalName: z.string().optional(),
		email: optionalEmail,
		phone: z.string().optional(),
		studentId: z.string().optional(),
		signupOrganization: z.string().optional(),
	})
	.passthrough();
export type Recipient = z.infer<typeof recipient>;

/** Credentials are checked one by one (OB3 or CLR by their type) in store.cts, for precise paths. */
export const pushBody = z
	.object({
		'@context': z.array(z.string()).optional(),
		recipienttoken: z.string().optional(),
		recipient: recipient.optional(),
		credentials: z.array(z.unknown()).min(1, 'must hold at least one credential'),
	})
	.passthrough()
	.superRefine((b, zctx) => {
		// [assumed] In use case 3 the SmartResume user is known from the recipient token
		// ("You will not need to populate any personal information"); otherwise recipient.id is required.
		if (!b.recipienttoken && !b.recipient)
			zctx.addIssue({
				code: 'custom',
				path: ['recipient'],
				message: 'is required (recipient.id) unless recipienttoken is given',
			});
	});
export type PushBody = z.infer<typeof pushBody>;

/** [assumed] SkillSync extras on an Alignment entry (see SKILL_FIELDS). */
export const skillAlignment = z
	.object({
		targetName: z
			.string({ required_error: 'is required' })
			.trim()
			.min(1, 'must not be empty')
			.max(SKILL_NAME_MAX, `must be at most ${SKILL_NAME_MAX} characters`),
		targetDescription: z.string().optional(),
		targetType: z.string().optional(),
		targetFramework: z.string().optional(),
		[SKILL_FIELDS.level]: z.enum(SKILL_LEVELS).optional(),
		[SKILL_FIELDS.category]: z.enum(SKILL_CATEGORIES).optional(),
		[SKILL_FIELDS.evidenceUrl]: z.string().url('must be a URL').optional(),
	})
	.passthrough();

export const tokenForm = z.object({
	grant_type: z.literal(GRANT_TYPE, { errorMap: () => ({ message: `must be '${GRANT_TYPE}'` }) }),
	scope: z
		.string()
		.optional()
		.refine(
			(s) =>
				(s ?? '')
					.split(/\s+/)
					.filter(Boolean)
					.every((x) => (SCOPES as readonly string[]).includes(x)),
			{
				message: `must be a space-separated subset of "${SCOPES.join(' ')}"`,
			},
		),
});

// Control API bodies.
export const importRequestBody = z
	.object({ partnerUrl: z.string().url(), userId: z.string().min(1).optional() })
	.strict();

/** "credentials[0].issuer.name" from a zod path, prefixed by `root`. */
export function fieldPath(root: string, path: ReadonlyArray<string | number>): string {
	return path.reduce<string>(
		(acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p),
		root,
	);
}

/** Parses or throws a 400 Imsx body naming the first field at fault; the description lists all. */
export function parse<S extends z.ZodTypeAny>(schema: S, value: unknown, root = ''): z.output<S> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const issues = result.error.issues.map((i) => ({
		field: fieldPath(root, i.path),
		message: i.code === 'invalid_type' && i.received === 'undefined' ? 'is required' : i.message,
	}));
	const description = issues
		.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message))
		.join('; ');
	throw imsxError(400, description, issues[0]?.field || undefined);
}
