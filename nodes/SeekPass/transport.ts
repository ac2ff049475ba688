import { baseUrlOf } from '../common/environment';
import type { ApiClient } from '../common/transport/client';
import type { Service, VendorError } from '../common/transport/service';
import { SEEK_PASS_HOSTS, SEEK_PASS_PATHS, SEEK_PASS_TOKEN_EXPIRED_STATUS } from './constants';
import type {
	AddCredentialBody,
	AddCredentialV2Body,
	VerificationCreateBody,
	WebhookCreateBody,
	WebhookUpdateBody,
} from './schemas';
import type { BatchV1Body, BatchV2Body } from './helpers/batch/schema';

export interface RedirectAnswer {
	redirect_uri: string;
	[key: string]: unknown;
}

export interface SubmissionStatus {
	id: string;
	status: string;
	finalized_at: string | null;
}

export interface VerificationCreated {
	redirect_uri: string;
	request_id?: string;
}

export interface Webhook {
	id: string;
	name?: string | null;
	description?: string | null;
	url: string;
	/** Only in the answers to create and rotate. */
	secret?: string;
}

/** Typed calls to SEEK Pass; HTTP, tokens, retries and errors belong to the shared ApiClient. */
export class SeekPassClient {
	constructor(readonly api: ApiClient) {}

	async addCredential(body: AddCredentialBody, itemIndex?: number): Promise<RedirectAnswer> {
		return await this.api.request(
			// The same submission id within 48 h returns the same link: safe to send again.
			{ method: 'POST', path: SEEK_PASS_PATHS.addV1(body.credential_type), body, repeatable: true },
			itemIndex,
		);
	}

	/**
	 * v2 single add at `path` (the contract's per-type path, or the user's override). [assumed]
	 * The v1 48 h rule holds for a v2 credential_id, so sending it again is safe.
	 */
	async addCredentialV2(
		path: string,
		body: AddCredentialV2Body,
		itemIndex?: number,
	): Promise<V2Answer> {
		return await this.api.request(
			// Content-Type and Accept: application/json, as v2 asks, come with every JSON request.
			{ method: 'POST', path, body, repeatable: true },
			itemIndex,
		);
	}

	async submissionStatus(id: string, itemIndex?: number): Promise<SubmissionStatus> {
		return await this.api.request({ method: 'GET', path: SEEK_PASS_PATHS.status(id) }, itemIndex);
	}

	/** At most SEEK_PASS_STATUS_BATCH_SIZE ids; ids SEEK Pass does not know are left out of the answer. */
	async submissionStatuses(ids: string[], itemIndex?: number): Promise<SubmissionStatus[]> {
		const answer = await this.api.request<{ credentials?: SubmissionStatus[] }>(
			{ method: 'POST', path: SEEK_PASS_PATHS.statuses, body: { ids }, repeatable: true },
			itemIndex,
		);
		return Array.isArray(answer?.credentials) ? answer.credentials : [];
	}

	async createVerification(
		body: VerificationCreateBody,
		itemIndex?: number,
	): Promise<VerificationCreated> {
		return await this.api.request(
			{ method: 'POST', path: SEEK_PASS_PATHS.verifyCreate, body },
			itemIndex,
		);
	}

	async getVerification(requestId: string, itemIndex?: number): Promise<Record<string, unknown>> {
		return await this.api.request(
			{ method: 'GET', path: SEEK_PASS_PATHS.verifyGet(requestId) },
			itemIndex,
		);
	}

	async createWebhook(body: WebhookCreateBody, itemIndex?: number): Promise<Webhook> {
		return await this.api.request(
			{ method: 'POST', path: SEEK_PASS_PATHS.webhooks, body },
			itemIndex,
		);
	}

	async listWebhooks(itemIndex?: number): Promise<Webhook[]> {
		const answer = await this.api.request<unknown>(
			{ method: 'GET', path: SEEK_PASS_PATHS.webhooks },
			itemIndex,
		);
		if (Array.isArray(answer)) return answer as Webhook[];
		// [assumed] an envelope is possible too; the guide shows no list answer.
		const envelope = (answer ?? {}) as { webhooks?: unknown; data?: unknown };
		const list = envelope.webhooks ?? envelope.data;
		return Array.isArray(list) ? (list as Webhook[]) : [];
	}

	async getWebhook(id: string, itemIndex?: number): Promise<Webhook> {
		return await this.api.request({ method: 'GET', path: SEEK_PASS_PATHS.webhook(id) }, itemIndex);
	}

	async updateWebhook(body: WebhookUpdateBody, itemIndex?: number): Promise<Webhook> {
		return await this.api.request(
			{ method: 'PUT', path: SEEK_PASS_PATHS.webhooks, body },
			itemIndex,
		);
	}

	async rotateWebhookSecret(id: string, itemIndex?: number): Promise<Webhook> {
		return await this.api.request(
			{ method: 'PUT', path: SEEK_PASS_PATHS.webhookSecret(id) },
			itemIndex,
		);
	}

	async deleteWebhook(id: string, itemIndex?: number): Promise<void> {
		await this.api.request({ method: 'DELETE', path: SEEK_PASS_PATHS.webhook(id) }, itemIndex);
	}

	async addBatchV2(body: BatchV2Body, itemIndex?: number): Promise<V2Answer> {
		return await this.api.request(
			{
				method: 'POST',
				path: SEEK_PASS_PATHS.batchV2,
				body,
				headers: { 'Content-Type': 'application/json' },
				// [assumed] The same top-level credential_id within 48 h answers the same link and upload links.
				repeatable: true,
			},
			itemIndex,
		);
	}

	async addBatchV1(body: BatchV1Body, itemIndex?: number): Promise<RedirectAnswer> {
		return await this.api.request(
			// The same batch id within 48 h returns the same link: safe to send again.
			{ method: 'POST', path: SEEK_PASS_PATHS.batchV1, body, repeatable: true },
			itemIndex,
		);
	}

	/** PUT of a file to an upload link of a v2 answer: without the token, which stays with SEEK Pass. */
	async uploadAsset(
		url: string,
		contentType: string,
		bytes: Buffer,
		itemIndex?: number,
	): Promise<void> {
		await this.api.uploadPublic(url, contentType, bytes, itemIndex);
	}
}

/** [assumed] One upload link of a v2 answer, for an asset sent without asset_data. */
export interface UploadLink {
	credential_id: string;
	asset_id: string;
	asset_type?: string;
	content_type?: string;
	upload_url: string;
}

/** [assumed] The answer to a v2 add, single or batch: the link, and one upload link per asset sent without data. */
export interface V2Answer extends RedirectAnswer {
	credential_id?: string;
	uploads?: UploadLink[];
}

/** True for the API's "no such id" answer, which some operations report rather than fail on. */
export function isNotFound(error: unknown): boolean {
	return (
		error !== null &&
		typeof error === 'object' &&
		String((error as { httpCode?: unknown }).httpCode) === '404'
	);
}

/** [assumed] Error body: {"error": {"code", "message", "details": [{"field", "message"}]}} or RFC 6749's {"error", "error_description"}. */
export function parseSeekPassError(body: unknown): VendorError | undefined {
	if (body === null || typeof body !== 'object') {
		return typeof body === 'string' && body ? { message: body.slice(0, 500) } : undefined;
	}
	const root = body as Record<string, unknown>;
	const fieldsOf = (details: unknown) =>
		(Array.isArray(details) ? (details as Array<Record<string, unknown>>) : [])
			.map((d) => String(d?.field ?? ''))
			.filter(Boolean);
	if (typeof root.error === 'string') {
		return {
			code: root.error,
			message: typeof root.error_description === 'string' ? root.error_description : undefined,
			// OAuth-style bodies may still list the fields at fault next to the code.
			fields: fieldsOf(root.details),
		};
	}
	const error = (root.error ?? root) as Record<string, unknown>;
	return {
		code: typeof error.code === 'string' ? error.code : undefined,
		message: typeof error.message === 'string' ? error.message : undefined,
		fields: fieldsOf(error.details),
	};
}

/** SEEK Pass as the shared transport sees it; operations get a SeekPassClient from it. */
export const SEEK_PASS_SERVICE: Service<SeekPassClient> = {
	client: (api) => new SeekPassClient(api),
	displayName: 'SEEK Pass',
	credentialType: 'seekPassOAuth2Api',
	baseUrl: (credentials) => baseUrlOf(credentials, SEEK_PASS_HOSTS),
	tokenExpiredStatusCodes: SEEK_PASS_TOKEN_EXPIRED_STATUS,
	parseError: parseSeekPassError,
	secretFields: ['clientSecret'],
};
