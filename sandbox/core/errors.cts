// Answers the core gives on a module's behalf (errors, 404s), in that vendor's error shape.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { moduleOf, pathOf } from './paths.cjs';
import { SandboxHttpError, type ServiceModule } from './types.cjs';

/** Control API (and any module lacking errorBody) answers in this neutral shape. */
export function neutralErrorBody(
	code: string,
	message: string,
	details?: unknown,
): Record<string, unknown> {
	return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** The body of an answer the core makes on behalf of `mod` (or of no service). */
export function errorBodyFor(
	mod: ServiceModule | undefined,
	status: number,
	code: string,
	message: string,
): unknown {
	return mod?.errorBody ? mod.errorBody(status, code, message) : neutralErrorBody(code, message);
}

const FASTIFY_CODES: Record<string, string> = {
	FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
	FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
	FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
};

function isSandboxHttpError(err: unknown): err is SandboxHttpError {
	return err instanceof SandboxHttpError || (err as Error | undefined)?.name === 'SandboxHttpError';
}

export function installErrorHandlers(
	app: FastifyInstance,
	modules: readonly ServiceModule[],
): void {
	app.setErrorHandler((err: FastifyError | SandboxHttpError | ZodError, request, reply) => {
		const mod = moduleOf(modules, pathOf(request.url));
		if (isSandboxHttpError(err)) {
			return reply
				.code(err.status)
				.headers(err.headers)
				.send(err.body ?? errorBodyFor(mod, err.status, err.code, err.message));
		}
		if (err instanceof ZodError) {
			const details = err.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
			const message = `${details[0]?.field || '(body)'}: ${details[0]?.message ?? 'invalid'}`;
			return reply
				.code(400)
				.send(
					mod
						? errorBodyFor(mod, 400, 'validation_error', message)
						: neutralErrorBody('validation_error', message, details),
				);
		}
		const fe = err as FastifyError;
		const status =
			fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 600 ? fe.statusCode : 500;
		const code =
			FASTIFY_CODES[fe.code] ?? (status >= 500 ? 'internal_server_error' : 'invalid_request');
		if (status >= 500) request.log.error(err);
		return reply
			.code(status)
			.send(errorBodyFor(mod, status, code, status >= 500 ? 'Internal sandbox error' : fe.message));
	});

	app.setNotFoundHandler((request, reply) => {
		const path = pathOf(request.url);
		return reply
			.code(404)
			.send(
				errorBodyFor(
					moduleOf(modules, path),
					404,
					'not_found',
					`No route for ${request.method} ${path}`,
				),
			);
	});
}
