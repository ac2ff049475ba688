import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { ApiClient } from './client';

/** What the vendor said went wrong, read from its own error body. */
export interface VendorError {
	code?: string;
	message?: string;
	/** Field paths the vendor blames, when it names any. */
	fields?: string[];
}

/**
 * Everything the shared transport needs to know about one vendor API.
 * Each service's constants module builds one of these; nothing vendor-specific lives in common/.
 */
export interface ServiceDefinition {
	/** Shown in error messages, e.g. "SEEK Pass". */
	displayName: string;
	credentialType: string;
	/** Base URL for API paths, derived from the credential (environment or custom URL). */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/**
	 * For a static token: the headers that authenticate a request, built from the credential data
	 * the client read once. The same function as the credential's `authenticate` (one source of
	 * truth); requests then go through n8n's plain httpRequest.
	 */
	authHeaders?(credentials: ICredentialDataDecryptedObject): Record<string, string>;
	/**
	 * OAuth2 services: statuses by which the API says the access token expired. n8n's OAuth2
	 * machinery then gets a new token once (shared across workers through its credential lock) and
	 * repeats the request. Leave undefined for static tokens, which cannot be renewed. The client
	 * signs with the token n8n stored and leaves the renewal to n8n (request-auth.ts).
	 */
	tokenExpiredStatusCodes?: number[];
	/** Reads the vendor's error body. */
	parseError(body: unknown): VendorError | undefined;
	/** Credential fields whose values must never appear in an error, log line or output item. */
	secretFields: string[];
}

/** A vendor API as an operation sees it: the transport's definition plus its typed client. */
export interface Service<C> extends ServiceDefinition {
	/** Wraps the shared transport in the service's typed client; one per execution. */
	client(api: ApiClient): C;
}
