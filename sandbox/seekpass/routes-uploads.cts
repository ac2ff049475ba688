// PUT to a presigned upload link: no Authorization, the query string carries the permission.
// Refused like S3 refuses a presigned PUT: bad signature, expired link or another Content-Type
// than the link was made for → 403; an empty body → 400 (the sandbox's own rule). Success → 200;
// a second PUT replaces the file.
import type { FastifyInstance } from 'fastify';
import { PATHS } from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { seekPassError } from './errors.cjs';
import { sha256 } from './uploads.cjs';

const denied = (message: string) => seekPassError(403, 'access_denied', message);

export function uploadRoutes(app: FastifyInstance, { ctx, state, signer }: SeekPassDeps): void {
	// Scoped so that every body arrives as the raw bytes, whatever its Content-Type.
	void app.register(async (scoped) => {
		scoped.removeAllContentTypeParsers();
		scoped.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
			done(null, body),
		);

		scoped.put(PATHS.upload, async (request, reply) => {
			const { key } = request.params as { key: string };
			const query = request.query as { expires?: string; signature?: string };
			const found = state.upload(key);
			if (
				!found ||
				typeof query.expires !== 'string' ||
				typeof query.signature !== 'string' ||
				!signer.verify(found.link, query.expires, query.signature)
			)
				throw denied('The request signature does not match (unknown link or bad signature)');
			const now = ctx.now();
			if (Number(query.expires) * 1000 <= now.getTime())
				throw denied('The upload link has expired');
			const given = (request.headers['content-type'] ?? '').trim().toLowerCase();
			if (given !== found.link.contentType)
				throw denied(
					`Content-Type must be ${found.link.contentType}, the type this link was made for (got ${given || 'none'})`,
				);
			const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
			if (bytes.length === 0) throw seekPassError(400, 'empty_body', 'The upload has no content');
			found.link.received = { bytes, sha256: sha256(bytes), at: now };
			return reply.code(200).send();
		});
	});
}
