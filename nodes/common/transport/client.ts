import type {
	IAllExecuteFunctions,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { toNodeApiError } from './api-error';
import { describeFailure, type HttpFailure } from './failure';
import { ConcurrencyLimit } from './concurrency-limit';
import { Pacer } from './pacer';
import { collectSecrets, redactText } from './redact';
import { RequestAuth, type RawResponse } from './request-auth';
import {
	DEFAULT_RETRY_POLICY,
	isFlowControl,
	isRetryable,
	MAX_SENDS_PER_REQUEST,
	nextDelay,
	outcomeUnknown,
	parseRetryAfter,
	type RetryPolicy,
} from './retry-policy';
import type { ServiceDefinition } from './service';

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path under the service's base URL, starting with '/'. */
	path: string;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/** Read the body as bytes (file downloads). */
	binary?: boolean;
	/** Send the body as application/x-www-form-urlencoded. */
	form?: boolean;
	/**
	 * Whether sending it twice has the effect of sending it once, so an ambiguous failure (502, 504,
	 * dropped connection) may be retried. Defaults to true for every method but POST; a POST the
	 * API deduplicates (by an id we send) or that only reads says so.
	 */
	repeatable?: boolean;
}

export interface ApiResponse<T> {
	status: number;
	headers: Record<string, unknown>;
	body: T;
}

export interface ClientOptions {
	retry?: Partial<RetryPolicy>;
	/** Per-attempt timeout in ms. */
	timeoutMs?: number;
	/** Ceiling of requests in flight (the node's Concurrency); the client finds the best level below it. */
	maxInFlight?: number;
	/** Injected in tests to make jitter deterministic. */
	random?: () => number;
}

/** Requests in flight at most when the user has not set Concurrency. */
export const DEFAULT_MAX_IN_FLIGHT = 64;

/**
 * The one place that talks HTTP to a vendor. Authenticates from the credential read once
 * (request-auth.ts: n8n still fetches and renews OAuth2 tokens), retries what may be retried, and
 * turns every other failure into a NodeApiError that names the item and carries no secret.
 */
export class ApiClient {
	private readonly pacer = new Pacer();

	/**
	 * n8n fetches an OAuth2 token on a credential's first use without a lock, so N requests
	 * started together would fetch N tokens. The first request of a client therefore goes
	 * alone; once it has returned, n8n has stored the token, the client has read it, and the rest
	 * share it.
	 */
	private firstRequest: Promise<unknown> | undefined;

	private constructor(
		private readonly ctx: IAllExecuteFunctions,
		private readonly service: ServiceDefinition,
		private readonly baseUrl: string,
		private readonly secrets: string[],
		private readonly policy: RetryPolicy,
		private readonly timeoutMs: number,
		private readonly random: () => number,
		private readonly inFlight: ConcurrencyLimit,
		/** The credential's Ignore SSL Issues switch (n8n keeps it only for a custom host). */
		private readonly ignoreSslIssues: boolean,
		private readonly auth: RequestAuth,
	) {}

	/** Reads the credential once; reuse the client for every item of the execution. */
	static async create(
		ctx: IAllExecuteFunctions,
		service: ServiceDefinition,
		options: ClientOptions = {},
	): Promise<ApiClient> {
		const credentials = await ctx.getCredentials(service.credentialType);
		const secrets = collectSecrets(credentials, service.secretFields);
		return new ApiClient(
			ctx,
			service,
			service.baseUrl(credentials).replace(/\/+$/, ''),
			secrets,
			{ ...DEFAULT_RETRY_POLICY, ...options.retry },
			options.timeoutMs ?? 30_000,
			options.random ?? Math.random,
			new ConcurrencyLimit(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT),
			credentials.ignoreSSLIssues === true,
			new RequestAuth(ctx, service, credentials, secrets),
		);
	}

	get node(): INode {
		return this.ctx.getNode();
	}

	get url(): string {
		return this.baseUrl;
	}

	/** Sends the request and returns the parsed body. */
	async request<T = unknown>(request: ApiRequest, itemIndex?: number): Promise<T> {
		return (await this.send<T>(request, itemIndex)).body;
	}

	/** Sends the request and returns status, headers and body. */
	async send<T = unknown>(request: ApiRequest, itemIndex?: number): Promise<ApiResponse<T>> {
		if (this.firstRequest === undefined) {
			const first = this.attempts<T>(request, itemIndex);
			this.firstRequest = first.catch(() => undefined);
			return await first;
		}
		await this.firstRequest;
		return await this.attempts<T>(request, itemIndex);
	}

	/**
	 * GET of a public file on another host (e.g. a CDN preview link): retried like any request,
	 * but sent WITHOUT the credential, so the access token never travels to a third party.
	 */
	async downloadPublic(url: string, itemIndex?: number): Promise<ApiResponse<Buffer>> {
		const request: ApiRequest = { method: 'GET', path: url.replace(/[?#].*$/, ''), binary: true };
		return await this.attempts<Buffer>(
			request,
			itemIndex,
			async () => await this.ctx.helpers.httpRequest({ ...this.options(request), url }),
		);
	}

	/**
	 * PUT of raw bytes to a presigned upload link the API handed out: the link's query string
	 * carries the permission, so it is sent WITHOUT the credential (the token never travels to
	 * the storage host) and the query never appears in errors. A PUT replaces the file, so 5xx and
	 * dropped connections are retried. Ignore SSL Issues applies only when the link is on the
	 * API's own host, the host the switch was set for.
	 */
	async uploadPublic(
		url: string,
		contentType: string,
		bytes: Buffer,
		itemIndex?: number,
	): Promise<ApiResponse<unknown>> {
		const request: ApiRequest = {
			method: 'PUT',
			path: url.replace(/[?#].*$/, ''),
			body: bytes,
			headers: { 'Content-Type': contentType },
		};
		return await this.attempts<unknown>(
			request,
			itemIndex,
			async () =>
				await this.ctx.helpers.httpRequest({
					...this.options(request),
					url,
					json: false,
					skipSslCertificateValidation: this.ignoreSslIssues && sameOrigin(url, this.baseUrl),
				}),
		);
	}

	private async attempts<T>(
		request: ApiRequest,
		itemIndex?: number,
		sendOnce: () => Promise<RawResponse> = async () =>
			// Only towards the vendor's host; a public download keeps full verification.
			await this.auth.send({
				...this.options(request),
				skipSslCertificateValidation: this.ignoreSslIssues,
			}),
	): Promise<ApiResponse<T>> {
		const repeatable = request.repeatable ?? request.method !== 'POST';
		let waited = 0;
		// Sends that count against Max Attempts (a 429 with Retry-After does not: isFlowControl).
		let attempts = 0;
		for (let sent = 1; ; sent++) {
			await this.inFlight.acquire();
			const ticket = await this.pacer.enter();
			waited += ticket.waitedMs;
			const sentAt = Date.now();
			let failure: HttpFailure | undefined;
			let answered: { status: number; headers: Record<string, unknown> } | undefined;
			try {
				const response = await sendOnce();
				const headers = (response.headers ?? {}) as Record<string, unknown>;
				answered = { status: Number(response.statusCode), headers };
				return {
					status: answered.status,
					headers,
					body: (request.binary ? Buffer.from(response.body as ArrayBuffer) : response.body) as T,
				};
			} catch (error) {
				failure = describeFailure(error);
			} finally {
				this.pacer.leave(ticket, answered ?? failure);
				// A 4xx is the API answering; a 429, a 5xx or no answer says it is struggling.
				const struggling =
					failure !== undefined &&
					(failure.status === undefined || failure.status === 429 || failure.status >= 500);
				this.inFlight.release(Date.now() - sentAt, !struggling);
			}
			if (!isRetryable(failure, repeatable)) {
				throw this.fail(failure, request, sent, itemIndex, !repeatable && outcomeUnknown(failure));
			}
			const retryAfter = parseRetryAfter(failure.headers['retry-after'], Date.now());
			if (!isFlowControl(failure, retryAfter)) attempts++;
			const delay =
				sent >= MAX_SENDS_PER_REQUEST
					? undefined
					: nextDelay(Math.max(attempts, 1), retryAfter, waited, this.policy, this.random);
			if (delay === undefined) throw this.fail(failure, request, sent, itemIndex);
			if (failure.status === 429 && retryAfter !== undefined) this.pacer.closeFor(retryAfter);
			this.ctx.logger.debug(
				`${this.service.displayName}: ${request.method} ${request.path} got ${
					failure.status ?? failure.networkCode
				}; send ${sent + 1} in ${delay} ms`,
			);
			await sleep(delay);
			waited += delay;
		}
	}

	private options(request: ApiRequest): IHttpRequestOptions {
		const headers: IDataObject = { Accept: 'application/json', ...request.headers };
		let body = request.body as IHttpRequestOptions['body'];
		if (request.form && body && typeof body === 'object') {
			body = new URLSearchParams(body as Record<string, string>);
		}
		return {
			method: request.method,
			url: `${this.baseUrl}${request.path}`,
			qs: request.qs,
			body,
			headers,
			json: !request.binary && !request.form,
			encoding: request.binary ? 'arraybuffer' : undefined,
			returnFullResponse: true,
			timeout: this.timeoutMs,
		};
	}

	private fail(
		failure: HttpFailure,
		request: ApiRequest,
		attempts: number,
		itemIndex?: number,
		unknownOutcome = false,
	) {
		return toNodeApiError(this.ctx.getNode(), failure, {
			service: this.service,
			method: request.method,
			path: redactText(request.path, this.secrets),
			attempts,
			itemIndex,
			secrets: this.secrets,
			outcomeUnknown: unknownOutcome,
		});
	}
}

function sameOrigin(a: string, b: string): boolean {
	try {
		return new URL(a).origin === new URL(b).origin;
	} catch {
		return false;
	}
}
