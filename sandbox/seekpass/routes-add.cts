// Add to SEEK Pass: single credential (v1, v2) and batch (v1, v2), with the 48 h
// idempotency on the partner's id, plus the presigned asset uploads a batch can ask for.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
	addRedirectUri,
	BATCH_ITEM_KEYS,
	PATHS,
	UPLOAD_URL_TTL_MS,
	WRITE_SCOPE,
	type BatchKey,
	type Scope,
} from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { notFound, seekPassError, validationError } from './errors.cjs';
import {
	addBodySchema,
	batchBodySchema,
	batchCredentialIds,
	isCredentialType,
	type AddBody,
	type BatchBody,
} from './schemas.cjs';
import type { AddRequest, Asset } from './state.cjs';
import { authenticate } from './tokens.cjs';

type Version = 'v1' | 'v2';

function assetsView(origin: string, assets: Asset[]) {
	return assets.map((a) => ({
		key: a.key,
		upload_url: `${origin}/seekpass/uploads/${a.token}`,
		expires_at: a.expiresAt.toISOString(),
	}));
}

function sameIds(a: string[], b: string[]): boolean {
	return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

export function addRoutes(app: FastifyInstance, { ctx, state, issuer }: SeekPassDeps): void {
	const addSingle =
		(apiVersion: Version) => async (request: FastifyRequest, reply: FastifyReply) => {
			const now = ctx.now();
			const type = (request.params as { credential_type: string }).credential_type;
			if (!isCredentialType(type)) {
				authenticate(issuer, request, now);
				throw notFound(`Credential type "${type}"`);
			}
			const claims = authenticate(issuer, request, now, [WRITE_SCOPE[type]]);
			const parsed = addBodySchema(type).safeParse(request.body);
			if (!parsed.success) throw validationError(parsed.error);
			const body = parsed.data as AddBody;

			const existing = state.liveRequestFor([body.id], now);
			if (existing) {
				if (existing.kind !== 'single')
					throw seekPassError(
						409,
						'conflict',
						`id "${body.id}" belongs to a pending batch request`,
					);
				return reply.code(201).send({ redirect_uri: state.repeat(existing).redirectUri });
			}
			const content = state.newContentId();
			const created = state.create({
				content,
				kind: 'single',
				apiVersion,
				credentialType: type,
				documentType: body.document_type,
				ids: [body.id],
				clientId: claims.sub,
				body,
				redirectUri: addRedirectUri(ctx.origin(), type, claims.sub, body.document_type, content),
				createdAt: now,
				assets: [],
			});
			return reply.code(201).send({ redirect_uri: created.redirectUri });
		};

	const addBatch =
		(apiVersion: Version) => async (request: FastifyRequest, reply: FastifyReply) => {
			const now = ctx.now();
			const raw = (
				typeof request.body === 'object' && request.body !== null ? request.body : {}
			) as Record<string, unknown>;
			// A batch needs the write scope of every documented type it carries.
			const required = new Set<Scope>();
			for (const [key, { type }] of Object.entries(BATCH_ITEM_KEYS) as Array<
				[BatchKey, { type: string }]
			>) {
				const value = raw[key];
				const present = Array.isArray(value)
					? value.length > 0
					: value !== undefined && value !== null;
				if (present && isCredentialType(type)) required.add(WRITE_SCOPE[type]);
			}
			const claims = authenticate(issuer, request, now, [...required]);
			const parsed = batchBodySchema.safeParse(request.body);
			if (!parsed.success) throw validationError(parsed.error);
			const body = parsed.data as BatchBody;
			const ids = batchCredentialIds(body as Record<string, unknown>);

			const existing = state.liveRequestFor(ids, now);
			if (existing) {
				if (existing.kind !== 'batch' || !sameIds(existing.ids, ids)) {
					throw seekPassError(
						409,
						'conflict',
						'A credential_id of this batch is already pending in a different request',
					);
				}
				state.repeat(existing);
				return reply.code(201).send(batchAnswer(existing));
			}
			const content = state.newContentId();
			const assets: Asset[] = (body.assets ?? []).map((a) => ({
				key: a.key,
				contentType: a.content_type,
				token: state.newContentId(),
				expiresAt: new Date(now.getTime() + UPLOAD_URL_TTL_MS),
				size: null,
				uploadedAt: null,
				receivedContentType: null,
			}));
			const created = state.create({
				content,
				kind: 'batch',
				apiVersion,
				credentialType: 'batch',
				ids,
				clientId: claims.sub,
				body,
				redirectUri: addRedirectUri(ctx.origin(), 'batch', claims.sub, undefined, content),
				createdAt: now,
				assets,
			});
			return reply.code(201).send(batchAnswer(created));
		};

	const batchAnswer = (req: AddRequest) => ({
		redirect_uri: req.redirectUri,
		...(req.assets.length > 0 ? { assets: assetsView(ctx.origin(), req.assets) } : {}),
	});

	// Static batch paths are registered alongside the parametric ones; fastify prefers the static.
	app.post(PATHS.batchV1, addBatch('v1'));
	app.post(PATHS.batchV2, addBatch('v2'));
	app.post(PATHS.addV1, addSingle('v1'));
	app.post(PATHS.addV2, addSingle('v2'));

	app.put(PATHS.upload, async (request, reply) => {
		const found = state.asset((request.params as { token: string }).token);
		if (!found) throw seekPassError(404, 'not_found', 'Unknown upload URL');
		if (ctx.now() >= found.asset.expiresAt)
			throw seekPassError(403, 'expired', 'The upload URL has expired');
		const raw = request.rawBody ?? Buffer.alloc(0);
		const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
		found.asset.bytes = bytes;
		found.asset.size = bytes.length;
		found.asset.uploadedAt = ctx.now();
		found.asset.receivedContentType = request.headers['content-type'] ?? null;
		return reply.code(200).send();
	});
}
