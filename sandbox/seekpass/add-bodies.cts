// The Add request envelopes around the field tables: v1 single (§4.1), v1 batch (§6.1),
// v2 single (§3, §5.6, §5.7) and v2 batch (§6.2), with the placement rules constants.cts gives.
import { z } from 'zod';
import {
	ASSET_TYPES,
	BATCH_ITEM_KEYS,
	DOCUMENT_TYPES,
	MAX_ASSETS,
	OPTIONAL_DOCUMENT_TYPES,
	PARTNER_CHAIN_BESIDE_FIELDS,
	URL_DOCUMENT_TYPES,
	V1_TYPES,
	type BatchKey,
	type CredentialType,
	type V1Type,
} from './constants.cjs';
import { fieldsSchema, httpUrl, id, partnerChain, text } from './fields.cjs';

const custom = (ctx: z.RefinementCtx, path: (string | number)[], message: string) =>
	ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });

/** Adds an issue for every id seen twice, and for item ids equal to the request's own id. */
function checkUniqueIds(
	ctx: z.RefinementCtx,
	requestId: string,
	items: Array<{ id: string; path: (string | number)[] }>,
): void {
	const seen = new Set<string>([requestId]);
	for (const item of items) {
		if (seen.has(item.id)) custom(ctx, item.path, `"${item.id}" is used more than once`);
		seen.add(item.id);
	}
}

// ---- v1 ----

const documentValue = z.union([z.string(), z.record(z.unknown())]).nullable();

/** `data.document` against `document_type` (rules in constants.cts). */
function checkDocument(
	type: V1Type,
	documentType: string,
	document: unknown,
	ctx: z.RefinementCtx,
	path: (string | number)[],
): void {
	if (documentType === 'none') return;
	const absent = document === undefined || document === null || document === '';
	if (absent) {
		if (!OPTIONAL_DOCUMENT_TYPES.includes(type))
			custom(ctx, path, `is required when document_type is ${documentType}`);
		return;
	}
	if ((URL_DOCUMENT_TYPES as readonly string[]).includes(documentType)) {
		if (!httpUrl.safeParse(document).success)
			custom(ctx, path, `must be an http(s) URL of the ${documentType} file`);
		return;
	}
	// open_cert: the OpenCert JSON itself, or a string carrying it / pointing to it.
	if (typeof document !== 'string' && (typeof document !== 'object' || Array.isArray(document)))
		custom(ctx, path, 'must be an OpenCert JSON object or a string');
}

/** v1 `data`: the credential, plus partner_chain beside it for digital identity. */
function v1Data(type: V1Type, withDocument: boolean) {
	return z
		.object({
			credential: fieldsSchema(type, 'v1'),
			...(withDocument ? { document: documentValue.optional() } : {}),
			...(type === 'digital_identity' ? { partner_chain: partnerChain.optional() } : {}),
		})
		.strict();
}

export function v1AddSchema(type: V1Type) {
	return z
		.object({
			id,
			document_type: z.enum(DOCUMENT_TYPES[type]),
			credential_type: z.literal(type, {
				errorMap: () => ({ message: `must be "${type}", the credential type in the path` }),
			}),
			data: v1Data(type, true),
		})
		.strict()
		.superRefine((body, ctx) =>
			checkDocument(type, body.document_type, body.data.document, ctx, ['data', 'document']),
		);
}
export interface V1AddBody {
	id: string;
	document_type: string;
	credential_type: V1Type;
	data: { credential: Record<string, unknown>; document?: unknown; partner_chain?: unknown };
}

// v1 batch items carry `data: { credential }` (per-item documents are not published).
const v1BatchItem = z.discriminatedUnion(
	'credential_type',
	V1_TYPES.map((type) =>
		z.object({ id, credential_type: z.literal(type), data: v1Data(type, false) }).strict(),
	) as unknown as [z.ZodDiscriminatedUnionOption<'credential_type'>],
);

export const v1BatchSchema = z
	.object({ id, credentials: z.array(v1BatchItem).min(1, 'must list at least one credential') })
	.strict()
	.superRefine((body, ctx) =>
		checkUniqueIds(
			ctx,
			body.id,
			(body.credentials as Array<{ id: string }>).map((c, i) => ({
				id: c.id,
				path: ['credentials', i, 'id'],
			})),
		),
	);
export interface V1BatchBody {
	id: string;
	credentials: Array<{ id: string; credential_type: V1Type; data: { credential: object } }>;
}

// ---- v2 ----

/** "URL or data URL of the document". */
const assetData = z
	.string()
	.refine(
		(s) => /^data:[^,]*,/.test(s) || httpUrl.safeParse(s).success,
		'must be an http(s) URL or a data URL',
	)
	.nullable();

function assetsSchema(types: readonly [string, ...string[]], max: number | undefined) {
	const list = z.array(
		z
			.object({ asset_id: text, asset_type: z.enum(types), asset_data: assetData.optional() })
			.strict(),
	);
	return (max === undefined ? list : list.max(max, `must hold at most ${max} asset`)).superRefine(
		(assets, ctx) => {
			const seen = new Set<string>();
			for (const [i, a] of assets.entries()) {
				if (seen.has(a.asset_id))
					custom(ctx, [i, 'asset_id'], `"${a.asset_id}" is used more than once`);
				seen.add(a.asset_id);
			}
		},
	);
}

/** v2 single body, also the shape of a v2 batch item: `{credential_id, fields, assets?}`. */
export function v2AddSchema(type: CredentialType) {
	const assetTypes = ASSET_TYPES[type];
	return z
		.object({
			credential_id: id,
			fields: fieldsSchema(type, 'v2'),
			...(assetTypes ? { assets: assetsSchema(assetTypes, MAX_ASSETS[type]).optional() } : {}),
			...(PARTNER_CHAIN_BESIDE_FIELDS.includes(type)
				? { partner_chain: partnerChain.optional() }
				: {}),
		})
		.strict();
}
export interface V2Asset {
	asset_id: string;
	asset_type: string;
	asset_data?: string | null;
}
export interface V2AddBody {
	credential_id: string;
	fields: Record<string, unknown>;
	assets?: V2Asset[];
	partner_chain?: unknown;
}

const batchKeys = Object.entries(BATCH_ITEM_KEYS) as Array<
	[BatchKey, { type: CredentialType; many: boolean }]
>;

export const v2BatchSchema = z
	.object({
		credential_id: id,
		...Object.fromEntries(
			batchKeys.map(([key, { type, many }]) => [
				key,
				(many ? z.array(v2AddSchema(type)) : v2AddSchema(type)).optional(),
			]),
		),
	})
	.strict()
	.superRefine((body, ctx) => {
		const items = v2BatchItems(body as V2BatchBody);
		if (items.length === 0)
			custom(
				ctx,
				[],
				`a batch needs at least one credential (${Object.keys(BATCH_ITEM_KEYS).join(', ')})`,
			);
		checkUniqueIds(
			ctx,
			(body as V2BatchBody).credential_id,
			items.map((i) => ({ id: i.item.credential_id, path: [...i.path, 'credential_id'] })),
		);
	});
export type V2BatchBody = { credential_id: string } & Partial<
	Record<BatchKey, V2AddBody | V2AddBody[]>
>;

/** The items of a (validated) v2 batch, with their type and path in the body. */
export function v2BatchItems(
	body: V2BatchBody,
): Array<{ type: CredentialType; item: V2AddBody; path: (string | number)[] }> {
	const out: Array<{ type: CredentialType; item: V2AddBody; path: (string | number)[] }> = [];
	for (const [key, { type }] of batchKeys) {
		const value = body[key];
		if (Array.isArray(value)) value.forEach((item, i) => out.push({ type, item, path: [key, i] }));
		else if (value && typeof value === 'object') out.push({ type, item: value, path: [key] });
	}
	return out;
}

/** Credential types a batch body names, before validation (to check scopes first). */
export function batchTypesOf(body: unknown, version: 'v1' | 'v2'): CredentialType[] {
	if (typeof body !== 'object' || body === null) return [];
	const raw = body as Record<string, unknown>;
	const types = new Set<CredentialType>();
	if (version === 'v1') {
		const list = Array.isArray(raw.credentials) ? raw.credentials : [];
		for (const c of list) {
			const t = (c as { credential_type?: unknown } | null)?.credential_type;
			if ((V1_TYPES as readonly unknown[]).includes(t)) types.add(t as V1Type);
		}
	} else {
		for (const [key, { type }] of batchKeys) {
			const value = raw[key];
			const present = Array.isArray(value)
				? value.length > 0
				: value !== undefined && value !== null;
			if (present) types.add(type);
		}
	}
	return [...types];
}
