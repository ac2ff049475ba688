import type {
	IAllExecuteFunctions,
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { describeFailure } from './failure';
import { collectSecrets } from './redact';
import type { ServiceDefinition } from './service';

export interface RawResponse {
	statusCode: number;
	headers?: unknown;
	body: unknown;
}

/**
 * The access token n8n would sign with, read from the credential's stored token data as n8n's
 * requestOAuth2 reads it (`accessToken` over `access_token`, `tokenType` over `token_type`).
 * n8n's ClientOAuth2Token sends a token whose type is absent or "bearer" (any case) as
 * `Authorization: Bearer <token>`, any other type in the query string: `false` leaves those to n8n.
 */
export function bearerTokenOf(
	credentials: ICredentialDataDecryptedObject,
): string | false | undefined {
	const data = credentials.oauthTokenData;
	if (data === null || typeof data !== 'object') return undefined;
	const { accessToken, access_token, tokenType, token_type } = data as Record<string, unknown>;
	const type = tokenType ?? token_type;
	if (type !== undefined && type !== null && String(type).toLowerCase() !== 'bearer') return false;
	const token = accessToken || access_token;
	return typeof token === 'string' && token !== '' ? token : undefined;
}

/**
 * Authenticates the client's requests to the vendor's host from the credential data read once per
 * execution, so that n8n does not read, decrypt and authenticate the credential again on every
 * request (bench/README.md, n8n CPU per item):
 * - a static token: the service's `authHeaders` (the same function as the credential's
 *   `authenticate`) on n8n's plain httpRequest;
 * - OAuth2: the token n8n stored, as `Bearer`. Without one, the request goes through n8n, which
 *   fetches and stores a token, and the credential is read again to take it. A token-expired
 *   answer to our token sends the request again through n8n, which renews the token under its
 *   credential lock and repeats the request; one request of the execution does that at a time,
 *   the others wait and send again with the new token, so a run uses one token per expiry.
 * Any other credential (or an OAuth2 token type other than bearer) stays with n8n per request.
 */
export class RequestAuth {
	private token: string | false | undefined;
	private readonly staticHeaders: Record<string, string> | undefined;
	/** A renewal in progress: settles once the credential has been read again after it. */
	private renewing: Promise<void> | undefined;

	constructor(
		private readonly ctx: IAllExecuteFunctions,
		private readonly service: ServiceDefinition,
		credentials: ICredentialDataDecryptedObject,
		/** The client's redaction list: a token read later joins it. */
		private readonly secrets: string[],
	) {
		this.staticHeaders = service.authHeaders?.(credentials);
		this.token = service.tokenExpiredStatusCodes ? bearerTokenOf(credentials) : false;
	}

	async send(options: IHttpRequestOptions): Promise<RawResponse> {
		if (this.staticHeaders) return await this.plain(options, this.staticHeaders);
		return await this.withToken(options, true);
	}

	private async withToken(options: IHttpRequestOptions, mayRenew: boolean): Promise<RawResponse> {
		const token = this.token;
		if (token === false) return await this.viaN8n(options);
		if (token === undefined) {
			try {
				return await this.viaN8n(options);
			} finally {
				await this.readToken();
			}
		}
		const sent = this.plain(options, { Authorization: `Bearer ${token}` });
		const status = await sent.then(
			() => undefined,
			(error: unknown) => describeFailure(error).status,
		);
		// Answered, or failed otherwise: that is the answer (the client's retry loop reads it).
		if (!mayRenew || !this.service.tokenExpiredStatusCodes?.includes(status ?? 0))
			return await sent;
		if (this.renewing) await this.renewing;
		else if (this.token === token) return await this.renew(options);
		// Renewed by another request meanwhile: once more with the new token.
		return await this.withToken(options, false);
	}

	private async renew(options: IHttpRequestOptions): Promise<RawResponse> {
		const answer = this.viaN8n(options);
		const renewing = answer.then(
			async () => await this.readToken(),
			async () => await this.readToken(),
		);
		this.renewing = renewing;
		try {
			await renewing;
		} finally {
			this.renewing = undefined;
		}
		return await answer;
	}

	/** Reads the credential again for the token n8n stored; if it cannot, n8n keeps signing. */
	private async readToken(): Promise<void> {
		let credentials: ICredentialDataDecryptedObject;
		try {
			credentials = await this.ctx.getCredentials(this.service.credentialType);
		} catch {
			this.token = undefined;
			return;
		}
		for (const secret of collectSecrets(credentials, this.service.secretFields)) {
			if (!this.secrets.includes(secret)) this.secrets.push(secret);
		}
		this.token = bearerTokenOf(credentials);
	}

	private async plain(
		options: IHttpRequestOptions,
		auth: Record<string, string>,
	): Promise<RawResponse> {
		return (await this.ctx.helpers.httpRequest({
			...options,
			headers: { ...options.headers, ...auth },
			// What httpRequestWithAuthentication adds: a cancelled execution aborts its requests.
			abortSignal:
				'getExecutionCancelSignal' in this.ctx ? this.ctx.getExecutionCancelSignal() : undefined,
		})) as RawResponse;
	}

	private async viaN8n(options: IHttpRequestOptions): Promise<RawResponse> {
		return (await this.ctx.helpers.httpRequestWithAuthentication.call(
			this.ctx,
			this.service.credentialType,
			options,
			this.service.tokenExpiredStatusCodes
				? { oauth2: { tokenExpiredStatusCode: this.service.tokenExpiredStatusCodes } }
				: // A static token cannot be renewed: stop n8n from re-sending on 401.
					{ preAuthenticationRetryStatusCode: [] },
		)) as RawResponse;
	}
}
