// Add to SEEK Pass, one credential: v1 (`{id, document_type, credential_type, data}`, six types)
// and v2 (`{credential_id, fields, assets?}`, seven types, path with or without `.json`).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
	CREDENTIAL_TYPES,
	PATHS,
	V1_TYPES,
	WRITE_SCOPE,
	type CredentialType,
	type V1Type,
} from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { notFound, validationError } from './errors.cjs';
import { v1AddSchema, v2AddSchema, type V1AddBody, type V2AddBody } from './add-bodies.cjs';
import { fieldErrorMap } from './fields.cjs';
import { answerOf, submit } from './submit.cjs';
import { authenticate } from './tokens.cjs';
import { uploadLinksFor } from './uploads.cjs';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
	(list as readonly string[]).includes(value);

export function addRoutes(app: FastifyInstance, deps: SeekPassDeps): void {
	const { ctx, issuer } = deps;

	/** The type named in the path (after auth, so an unknown type never answers before a 401). */
	const typeOf = <T extends CredentialType>(
		request: FastifyRequest,
		types: readonly T[],
		now: Date,
	): T => {
		const raw = (request.params as { credential_type: string }).credential_type;
		const type = raw.replace(/\.json$/, '');
		if (!isOneOf(types, type)) {
			authenticate(issuer, request, now);
			throw notFound(`Credential type "${type}" on this API version`);
		}
		return type;
	};

	app.post(PATHS.addV1, async (request, reply) => {
		const now = ctx.now();
		const type = typeOf<V1Type>(request, V1_TYPES, now);
		const claims = authenticate(issuer, request, now, [WRITE_SCOPE[type]]);
		const parsed = v1AddSchema(type).safeParse(request.body, { errorMap: fieldErrorMap });
		if (!parsed.success) throw validationError(parsed.error);
		const body = parsed.data as V1AddBody;
		const req = submit(deps, claims, now, {
			kind: 'single',
			apiVersion: 'v1',
			credentialType: type,
			documentType: body.document_type,
			requestId: body.id,
			itemIds: [],
			body,
			uploads: () => [],
		});
		return reply.code(201).send(answerOf(deps, req));
	});

	app.post(PATHS.addV2, async (request, reply) => {
		const now = ctx.now();
		const type = typeOf(request, CREDENTIAL_TYPES, now);
		const claims = authenticate(issuer, request, now, [WRITE_SCOPE[type]]);
		const parsed = v2AddSchema(type).safeParse(request.body, { errorMap: fieldErrorMap });
		if (!parsed.success) throw validationError(parsed.error);
		const body = parsed.data as V2AddBody;
		const req = submit(deps, claims, now, {
			kind: 'single',
			apiVersion: 'v2',
			credentialType: type,
			requestId: body.credential_id,
			itemIds: [],
			body,
			uploads: () => uploadLinksFor([body], now),
		});
		return reply.code(201).send(answerOf(deps, req));
	});
}
