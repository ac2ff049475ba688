import { z } from 'zod';
import {
	SEEK_PASS_BATCH_KEYS,
	SEEK_PASS_CREDENTIAL_TYPES,
	SEEK_PASS_PARTNER_CHAIN_OUTSIDE,
	SEEK_PASS_V1_TYPES,
	type SeekPassCredentialType,
} from '../../constants';
import {
	CREDENTIAL_SCHEMAS,
	partnerChainSchema,
	submissionIdSchema,
	type CredentialFields,
} from '../../schemas';
import { assetProblem, type AssetBody } from '../assets';

/**
 * The two batch bodies (reference §6): v2 `{credential_id, <type key>: item | [items]}` with
 * items `{credential_id, fields, assets?}`, and v1 `{id, credentials: [{id, credential_type,
 * data: {credential}}]}`; plus their zod schemas for a batch the user gives as JSON.
 */

export type PartnerChain = Array<{ name: string }>;

export interface BatchV2Item {
	credential_id: string;
	fields: CredentialFields;
	assets?: AssetBody[];
	/** Beside `fields` for the types in SEEK_PASS_PARTNER_CHAIN_OUTSIDE.v2. */
	partner_chain?: PartnerChain;
}

export type BatchV2Body = { credential_id: string } & {
	[key: string]: string | BatchV2Item | BatchV2Item[];
};

export interface BatchV1Item {
	id: string;
	credential_type: string;
	data: { credential: CredentialFields; partner_chain?: PartnerChain };
}

export interface BatchV1Body {
	id: string;
	credentials: BatchV1Item[];
}

const assetSchema = z
	.object({
		asset_id: submissionIdSchema,
		asset_type: z.string({ required_error: 'is required', invalid_type_error: 'must be text' }),
		asset_data: z
			.string({ invalid_type_error: 'must be a URL, a data URL or null' })
			.nullable()
			.optional(),
	})
	.strict();

function v2ItemSchema(type: SeekPassCredentialType) {
	const chainOutside = SEEK_PASS_PARTNER_CHAIN_OUTSIDE.v2.includes(type);
	return z
		.object({
			credential_id: submissionIdSchema,
			fields: CREDENTIAL_SCHEMAS[type],
			assets: z.array(assetSchema, { invalid_type_error: 'must be a list of assets' }).optional(),
			...(chainOutside ? { partner_chain: partnerChainSchema.nullable().optional() } : {}),
		})
		.strict()
		.superRefine((item, ctx) => {
			const problem = assetProblem(type, item.assets ?? []);
			if (!problem) return;
			const path: Array<string | number> = ['assets'];
			if (problem.index !== undefined) path.push(problem.index);
			if (problem.field !== undefined) path.push(problem.field);
			ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: problem.problem });
		});
}

/** The credential ids of a body, each with where it sits (for "appears more than once"). */
function idsOf(items: Array<{ id: string; path: Array<string | number> }>, ctx: z.RefinementCtx) {
	const seen = new Set<string>();
	for (const { id, path } of items) {
		if (seen.has(id)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path,
				message: `"${id}" appears more than once`,
			});
		}
		seen.add(id);
	}
}

/** A whole v2 batch, as the contract reads §6.2: at least one credential, ids unique. */
export const batchV2JsonSchema = z
	.object({
		credential_id: submissionIdSchema,
		...Object.fromEntries(
			SEEK_PASS_CREDENTIAL_TYPES.map((type) => {
				const { key, many } = SEEK_PASS_BATCH_KEYS[type];
				const item = v2ItemSchema(type);
				return [
					key,
					(many
						? z.array(item, { invalid_type_error: 'must be a list of items' })
						: item
					).optional(),
				];
			}),
		),
	})
	.strict()
	.superRefine((body, ctx) => {
		const items: Array<{ id: string; path: Array<string | number> }> = [
			{ id: body.credential_id, path: ['credential_id'] },
		];
		for (const type of SEEK_PASS_CREDENTIAL_TYPES) {
			const { key } = SEEK_PASS_BATCH_KEYS[type];
			const value = (body as Record<string, unknown>)[key];
			const list = (Array.isArray(value) ? value : value ? [value] : []) as BatchV2Item[];
			list.forEach((item, index) =>
				items.push({
					id: item.credential_id,
					path: Array.isArray(value) ? [key, index, 'credential_id'] : [key, 'credential_id'],
				}),
			);
		}
		if (items.length === 1) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [],
				message: 'holds no credential (give at least one of the credential keys)',
			});
		}
		idsOf(items, ctx);
	});

const v1Types = SEEK_PASS_V1_TYPES as unknown as [
	SeekPassCredentialType,
	...SeekPassCredentialType[],
];

const v1ItemSchema = z
	.object({
		id: submissionIdSchema,
		credential_type: z.enum(v1Types, {
			errorMap: () => ({ message: `must be one of ${v1Types.join(', ')}` }),
		}),
		data: z
			.object(
				{ credential: z.unknown(), partner_chain: partnerChainSchema.nullable().optional() },
				{ required_error: 'is required' },
			)
			.strict(),
	})
	.strict()
	.superRefine((item, ctx) => {
		const parsed = CREDENTIAL_SCHEMAS[item.credential_type].safeParse(item.data.credential);
		if (parsed.success) return;
		for (const issue of parsed.error.issues) {
			ctx.addIssue({ ...issue, path: ['data', 'credential', ...issue.path] });
		}
	})
	// The credential as its schema reads it (e.g. a year given as a number becomes text).
	.transform((item) => ({
		...item,
		data: {
			...item.data,
			credential: CREDENTIAL_SCHEMAS[item.credential_type].parse(
				item.data.credential,
			) as CredentialFields,
		},
	}));

/** A whole v1 batch (§6.1): `{id, credentials: [...]}`, ids unique. */
export const batchV1JsonSchema = z
	.object({
		id: submissionIdSchema,
		credentials: z
			.array(v1ItemSchema, { required_error: 'is required' })
			.min(1, 'holds no credential'),
	})
	.strict()
	.superRefine((body, ctx) =>
		idsOf(
			[
				{ id: body.id, path: ['id'] },
				...body.credentials.map((c, index) => ({ id: c.id, path: ['credentials', index, 'id'] })),
			],
			ctx,
		),
	);
