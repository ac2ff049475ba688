// POST /api/partner/v1/oauth/token.json — OAuth 2.0 client credentials, form body only.
import type { FastifyInstance } from 'fastify';
import { PATHS, SCOPES, TOKEN_TYPE } from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { seekPassError } from './errors.cjs';

export function tokenRoutes(app: FastifyInstance, { ctx, issuer, clients }: SeekPassDeps): void {
	app.post(PATHS.token, async (request, reply) => {
		const isForm = /^application\/x-www-form-urlencoded\b/i.test(
			request.headers['content-type'] ?? '',
		);
		if (!isForm || typeof request.body !== 'object' || request.body === null) {
			throw seekPassError(
				400,
				'invalid_request',
				'The token request must be an application/x-www-form-urlencoded body',
			);
		}
		const form = request.body as Record<string, string | undefined>;
		if (!form.grant_type) throw seekPassError(400, 'invalid_request', 'grant_type is required');
		if (form.grant_type !== 'client_credentials') {
			throw seekPassError(
				400,
				'unsupported_grant_type',
				`grant_type "${form.grant_type}" is not supported; use client_credentials`,
			);
		}
		if (!form.client_id || !form.client_secret) {
			const basic = /^Basic\s/i.test(request.headers.authorization ?? '');
			throw seekPassError(
				401,
				'invalid_client',
				basic
					? 'client_id and client_secret must be sent in the form body; a Basic authorization header is not accepted'
					: 'client_id and client_secret are required',
			);
		}
		const client = clients.find(form.client_id, ctx.demo);
		if (!client || form.client_secret !== client.clientSecret) {
			throw seekPassError(401, 'invalid_client', 'Unknown client or wrong client secret');
		}
		const asked = (form.scope ?? '').split(/\s+/).filter(Boolean);
		const unknown = asked.filter((s) => !(SCOPES as readonly string[]).includes(s));
		if (unknown.length > 0)
			throw seekPassError(400, 'invalid_scope', `Unknown scope: ${unknown.join(' ')}`);
		// RFC 6749 §5.2: a scope the client was not granted is invalid_scope, not a silent narrowing.
		const notGranted = asked.filter((s) => !(client.scopes as readonly string[]).includes(s));
		if (notGranted.length > 0)
			throw seekPassError(
				400,
				'invalid_scope',
				`Scope not granted to client ${client.clientId}: ${notGranted.join(' ')}`,
			);
		const scope = (asked.length > 0 ? [...new Set(asked)] : [...client.scopes]).join(' ');

		const ttl = ctx.switches.tokenTtlSeconds;
		const iat = Math.floor(ctx.now().getTime() / 1000);
		const accessToken = issuer.issue({
			iss: `${ctx.origin()}${ctx.servicePath}`,
			sub: form.client_id,
			scope,
			iat,
			exp: iat + ttl,
		});
		return reply
			.header('cache-control', 'no-store')
			.header('pragma', 'no-cache')
			.send({ access_token: accessToken, token_type: TOKEN_TYPE, expires_in: ttl, scope });
	});
}
