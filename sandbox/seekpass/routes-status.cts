// Status API: one submission, or up to 30 at once (unknown ids are left out of the answer).
import type { FastifyInstance } from 'fastify';
import { PATHS } from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { notFound, validationError } from './errors.cjs';
import { statusBatchSchema } from './schemas.cjs';
import { submissionView } from './state.cjs';
import { authenticate } from './tokens.cjs';

export function statusRoutes(app: FastifyInstance, { ctx, state, issuer }: SeekPassDeps): void {
	app.get(PATHS.statusOne, async (request) => {
		const now = ctx.now();
		authenticate(issuer, request, now);
		const { id } = request.params as { id: string };
		const req = state.requestForId(id);
		if (!req) throw notFound(`Submission "${id}"`);
		return submissionView(id, state.effective(req, now));
	});

	app.post(PATHS.statusMany, async (request) => {
		const now = ctx.now();
		authenticate(issuer, request, now);
		const parsed = statusBatchSchema.safeParse(request.body);
		if (!parsed.success) throw validationError(parsed.error);
		const credentials = [];
		for (const id of new Set(parsed.data.ids)) {
			const req = state.requestForId(id);
			if (req) credentials.push(submissionView(id, state.effective(req, now)));
		}
		return { credentials };
	});
}
