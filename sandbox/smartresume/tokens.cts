// SmartResume access tokens: opaque, and valid until `ttl` seconds pass WITHOUT a use
// ([doc] "expire after 60 minutes of inactivity"): each accepted call slides the window.
// Time is the sandbox's virtual clock, so tests expire a token by advancing it.
import { randomBytes } from 'node:crypto';
import { MESSAGES, type Scope } from './constants.cjs';
import { imsxError } from './imsx.cjs';

export interface AccessToken {
	value: string;
	clientId: string;
	scopes: Scope[];
	issuedAt: number;
	lastUsedAt: number;
	/** Set once the token is found idle too long or expireTokens() ran; it never comes back. */
	expired: boolean;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export class TokenStore {
	private tokens = new Map<string, AccessToken>();

	reset(): void {
		this.tokens.clear();
	}

	issue(clientId: string, scopes: Scope[], now: Date): AccessToken {
		const t: AccessToken = {
			value: randomBytes(32).toString('base64url'),
			clientId,
			scopes,
			issuedAt: now.getTime(),
			lastUsedAt: now.getTime(),
			expired: false,
		};
		this.tokens.set(t.value, t);
		return t;
	}

	/** The token of an Authorization header, slid forward; else a 401 in the vendor's shape. */
	use(authorization: string | undefined, now: Date, ttlSeconds: number): AccessToken {
		const challenge = { 'www-authenticate': 'Bearer realm="SmartResume"' };
		const value = BEARER.exec(authorization ?? '')?.[1];
		if (!value) throw imsxError(401, MESSAGES.missingToken, 'Authorization', challenge);
		const t = this.tokens.get(value);
		if (!t) throw imsxError(401, MESSAGES.invalidToken, 'Authorization', challenge);
		if (!t.expired && now.getTime() - t.lastUsedAt >= ttlSeconds * 1000) t.expired = true;
		if (t.expired)
			throw imsxError(401, MESSAGES.expiredToken, 'Authorization', {
				'www-authenticate': 'Bearer realm="SmartResume", error="invalid_token"',
			});
		t.lastUsedAt = now.getTime();
		return t;
	}

	expireAll(): void {
		for (const t of this.tokens.values()) t.expired = true;
	}

	summary(now: Date, ttlSeconds: number): { issued: number; live: number } {
		const live = [...this.tokens.values()].filter(
			(t) => !t.expired && now.getTime() - t.lastUsedAt < ttlSeconds * 1000,
		).length;
		return { issued: this.tokens.size, live };
	}
}
