// Body parsing that keeps the raw bytes (signatures need them), accepts form bodies
// (OAuth token endpoints) and takes anything else as raw bytes (presigned uploads).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SandboxHttpError } from './types.cjs';

export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export function installBodyParsers(app: FastifyInstance): void {
	app.removeAllContentTypeParsers();

	app.addContentTypeParser(
		/^application\/([\w.+-]+\+)?json\b/i,
		{ parseAs: 'string' },
		(
			request: FastifyRequest,
			body: string | Buffer,
			done: (err: Error | null, body?: unknown) => void,
		) => {
			const text = body.toString();
			request.rawBody = text;
			// Clients often send a JSON content type with no body on action POSTs; treat as "no body".
			if (text.trim() === '') return done(null, undefined);
			try {
				done(null, JSON.parse(text));
			} catch (e) {
				done(
					new SandboxHttpError(
						400,
						'invalid_json',
						`Request body is not valid JSON: ${(e as Error).message}`,
					),
				);
			}
		},
	);

	app.addContentTypeParser(
		'application/x-www-form-urlencoded',
		{ parseAs: 'string' },
		(
			request: FastifyRequest,
			body: string | Buffer,
			done: (err: Error | null, body?: unknown) => void,
		) => {
			const text = body.toString();
			request.rawBody = text;
			done(null, Object.fromEntries(new URLSearchParams(text)));
		},
	);

	app.addContentTypeParser(
		'*',
		{ parseAs: 'buffer' },
		(
			request: FastifyRequest,
			body: string | Buffer,
			done: (err: Error | null, body?: unknown) => void,
		) => {
			const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
			request.rawBody = bytes;
			done(null, bytes);
		},
	);
}
