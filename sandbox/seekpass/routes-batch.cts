// Add to SEEK Pass, several credentials in one user journey: v1 `{id, credentials:[…]}` (§6.1)
// and v2 `{credential_id, <type keys>}` (§6.2) with upload links for assets to be uploaded.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PATHS, WRITE_SCOPE } from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { validationError } from './errors.cjs';
import {
	batchTypesOf,
	v1BatchSchema,
	v2BatchItems,
	v2BatchSchema,
	type V1BatchBody,
	type V2BatchBody,
} from './add-bodies.cjs';
import { fieldErrorMap } from './fields.cjs';
import { answerOf, submit } from './submit.cjs';
import { authenticate } from './tokens.cjs';
import { uploadLinksFor } from './uploads.cjs';

export function batchRoutes(app: FastifyInstance, deps: SeekPassDeps): void {
	const { ctx, issuer } = deps;

	/** A batch token must hold the write scope of every type in it (checked before the body). */
	const authorise = (request: FastifyRequest, version: 'v1' | 'v2', now: Date) =>
		authenticate(
			issuer,
			request,
			now,
			batchTypesOf(request.body, version).map((t) => WRITE_SCOPE[t]),
		);

	app.post(PATHS.batchV1, async (request, reply) => {
		const now = ctx.now();
		const claims = authorise(request, 'v1', now);
		const parsed = v1BatchSchema.safeParse(request.body, { errorMap: fieldErrorMap });
		if (!parsed.success) throw validationError(parsed.error);
		const body = parsed.data as V1BatchBody;
		const req = submit(deps, claims, now, {
			kind: 'batch',
			apiVersion: 'v1',
			credentialType: 'batch',
			requestId: body.id,
			itemIds: body.credentials.map((c) => c.id),
			body,
			uploads: () => [],
		});
		return reply.code(201).send(answerOf(deps, req));
	});

	const batchV2 = async (request: FastifyRequest, reply: FastifyReply) => {
		const now = ctx.now();
		const claims = authorise(request, 'v2', now);
		const parsed = v2BatchSchema.safeParse(request.body, { errorMap: fieldErrorMap });
		if (!parsed.success) throw validationError(parsed.error);
		const body = parsed.data as V2BatchBody;
		const items = v2BatchItems(body).map((i) => i.item);
		const req = submit(deps, claims, now, {
			kind: 'batch',
			apiVersion: 'v2',
			credentialType: 'batch',
			requestId: body.credential_id,
			itemIds: items.map((i) => i.credential_id),
			body,
			uploads: () => uploadLinksFor(items, now),
		});
		return reply.code(201).send(answerOf(deps, req));
	};
	for (const path of PATHS.batchV2) app.post(path, batchV2);
}
