// Verify with SEEK Pass (v2): create a digital-identity verification request and read its result.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PATHS, VERIFY_CREATE_SCOPES, VERIFY_GET_SCOPES, verifyRedirectUri } from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { notFound, validationError } from './errors.cjs';
import { verifyCreateSchema } from './schemas.cjs';
import { verificationView } from './state.cjs';
import { authenticate } from './tokens.cjs';

export function verifyRoutes(app: FastifyInstance, { ctx, state, issuer }: SeekPassDeps): void {
	app.post(PATHS.verifyCreate, async (request, reply) => {
		const now = ctx.now();
		const claims = authenticate(issuer, request, now, VERIFY_CREATE_SCOPES);
		const parsed = verifyCreateSchema.safeParse(request.body);
		if (!parsed.success) throw validationError(parsed.error);
		const requestId = parsed.data.request_id ?? randomUUID();
		// [assumed] a repeated request_id is idempotent, like Add's id.
		const existing = state.verifications.get(requestId);
		if (existing)
			return reply.code(201).send({ request_id: requestId, redirect_uri: existing.redirectUri });
		const redirectUri = verifyRedirectUri(ctx.origin(), claims.sub, requestId);
		state.verifications.set(requestId, {
			requestId,
			clientId: claims.sub,
			body: parsed.data,
			redirectUri,
			createdAt: now,
			status: 'incomplete',
			credential: null,
			verifiedAt: null,
		});
		return reply.code(201).send({ request_id: requestId, redirect_uri: redirectUri });
	});

	app.get(PATHS.verifyGet, async (request) => {
		authenticate(issuer, request, ctx.now(), VERIFY_GET_SCOPES);
		const { request_id: requestId } = request.params as { request_id: string };
		const v = state.verifications.get(requestId);
		if (!v) throw notFound(`Verification request "${requestId}"`);
		return verificationView(v);
	});
}
