// OAuth access tokens: HS512 JWTs signed with a per-process sandbox key. Validity is
// checked against the virtual clock and against the set of tokens issued since the
// last expireTokens()/reset(), so tests can expire them either way.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { JWT_ALG, type Scope } from './constants.cjs';
import { seekPassError } from './errors.cjs';

export interface TokenClaims {
	iss: string;
	sub: string;
	scope: string;
	iat: number;
	exp: number;
	jti: string;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function createTokenIssuer() {
	const key = randomBytes(64);
	let live = new Set<string>();
	const sign = (input: string) => createHmac('sha512', key).update(input).digest();

	return {
		issue(claims: Omit<TokenClaims, 'jti'>): string {
			const jti = randomUUID();
			const head = `${b64url(JSON.stringify({ alg: JWT_ALG, typ: 'JWT' }))}.${b64url(JSON.stringify({ ...claims, jti }))}`;
			live.add(jti);
			return `${head}.${sign(head).toString('base64url')}`;
		},
		/** The claims of a token this issuer made and has not expired; undefined otherwise. */
		verify(token: string, now: Date): { claims?: TokenClaims; reason?: string } {
			const parts = token.split('.');
			if (parts.length !== 3) return { reason: 'malformed token' };
			const [h, p, s] = parts as [string, string, string];
			const expected = sign(`${h}.${p}`);
			const given = Buffer.from(s, 'base64url');
			if (given.length !== expected.length || !timingSafeEqual(given, expected))
				return { reason: 'bad signature' };
			let claims: TokenClaims;
			try {
				claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as TokenClaims;
			} catch {
				return { reason: 'malformed token' };
			}
			if (!live.has(claims.jti)) return { reason: 'token has been revoked or expired' };
			if (now.getTime() / 1000 >= claims.exp) return { reason: 'token has expired' };
			return { claims };
		},
		expireAll(): void {
			live = new Set();
		},
		issuedCount: () => live.size,
	};
}
export type TokenIssuer = ReturnType<typeof createTokenIssuer>;

/** Bearer check for resource routes; throws the vendor's 401/403. */
export function authenticate(
	issuer: TokenIssuer,
	request: FastifyRequest,
	now: Date,
	required: readonly Scope[] = [],
): TokenClaims {
	const header = request.headers.authorization ?? '';
	const match = /^Bearer\s+(\S+)$/i.exec(header);
	if (!match) {
		throw seekPassError(401, 'invalid_token', 'A Bearer access token is required', {
			'www-authenticate': 'Bearer realm="seekpass"',
		});
	}
	const { claims, reason } = issuer.verify(match[1] as string, now);
	if (!claims) {
		throw seekPassError(401, 'invalid_token', `The access token is invalid: ${reason}`, {
			'www-authenticate': `Bearer realm="seekpass", error="invalid_token", error_description="${reason}"`,
		});
	}
	const granted = new Set(claims.scope.split(' '));
	const missing = required.filter((s) => !granted.has(s));
	if (missing.length > 0) {
		throw seekPassError(
			403,
			'insufficient_scope',
			`The access token lacks scope: ${missing.join(' ')}`,
			{
				'www-authenticate': `Bearer realm="seekpass", error="insufficient_scope", scope="${required.join(' ')}"`,
			},
		);
	}
	return claims;
}
