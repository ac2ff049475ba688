import type { IDataObject } from 'n8n-workflow';
import type { ApiClient } from '../common/transport/client';
import type { Service, VendorError } from '../common/transport/service';
import { certifierAuthHeaders } from './auth-headers';
import { CERTIFIER_DEFAULT_BASE_URL, CERTIFIER_PATHS } from './constants';
import { GroupCache } from './helpers/group-cache';
import type {
	CreateCredentialBody,
	CreateInteractionBody,
	SearchBody,
	UpdateCredentialBody,
} from './schemas';

/** Certifier's objects as its reference shows them. Index signatures keep unknown fields intact. */

export interface CertifierRecipient {
	id?: string;
	name: string;
	email?: string | null;
}

export interface CertifierCredential extends IDataObject {
	id: string;
	publicId: string;
	groupId: string;
	status: string;
	recipient: CertifierRecipient & IDataObject;
	issueDate: string;
	expiryDate: string | null;
	attributes: Record<string, string>;
	customAttributes: Record<string, string>;
	createdAt: string;
	updatedAt: string;
}

export interface CertifierGroup extends IDataObject {
	id: string;
	name: string;
}

export interface CertifierDesign extends IDataObject {
	id: string;
	name: string;
}

export interface CertifierPreview extends IDataObject {
	format: string;
	url: string;
}

export interface CertifierCredentialDesign extends IDataObject {
	id: string;
	name: string;
	previews: CertifierPreview[];
}

export interface CertifierAttribute extends IDataObject {
	tag: string;
	name: string;
	isDefault?: boolean;
}

export interface CertifierPage<T> {
	data: T[];
	pagination: { prev: string | null; next: string | null };
}

export interface CertifierWebhookPayload extends IDataObject {
	id: string;
	type: string;
	createdAt: string;
	data: { resource: { id: string; type: string } } & IDataObject;
}

/** An interaction event on a credential (viewed, shared, downloaded, …). */
export interface CertifierInteraction extends IDataObject {
	id: string;
	credentialId: string;
	eventType: string;
	triggeredBy: string;
	triggeredAt: string;
}

/** The published filters of GET /credential-interactions. */
export interface InteractionFilter {
	credentialId?: string;
}

export interface PageRequest {
	cursor?: string;
	limit: number;
}

function pageQuery(page: PageRequest): IDataObject {
	return page.cursor ? { cursor: page.cursor, limit: page.limit } : { limit: page.limit };
}

/** Typed calls to Certifier's API; HTTP, retries and errors belong to the shared ApiClient. */
export class CertifierClient {
	/** Groups fetched once per execution (the client lives one execution), for "Include Group". */
	readonly groups = new GroupCache((id, itemIndex) => this.getGroup(id, itemIndex));

	constructor(readonly api: ApiClient) {}

	async createCredential(
		body: CreateCredentialBody,
		itemIndex?: number,
	): Promise<CertifierCredential> {
		return await this.api.request(
			{ method: 'POST', path: CERTIFIER_PATHS.credentials, body },
			itemIndex,
		);
	}

	async createIssueSend(
		body: CreateCredentialBody,
		itemIndex?: number,
	): Promise<CertifierCredential> {
		return await this.api.request(
			{ method: 'POST', path: CERTIFIER_PATHS.createIssueSend, body },
			itemIndex,
		);
	}

	async issueCredential(id: string, itemIndex?: number): Promise<CertifierCredential> {
		return await this.api.request({ method: 'POST', path: CERTIFIER_PATHS.issue(id) }, itemIndex);
	}

	async sendCredential(
		id: string,
		deliveryMethod: string,
		itemIndex?: number,
	): Promise<CertifierCredential> {
		return await this.api.request(
			{ method: 'POST', path: CERTIFIER_PATHS.send(id), body: { deliveryMethod } },
			itemIndex,
		);
	}

	async getCredential(id: string, itemIndex?: number): Promise<CertifierCredential> {
		return await this.api.request(
			{ method: 'GET', path: CERTIFIER_PATHS.credential(id) },
			itemIndex,
		);
	}

	async updateCredential(
		id: string,
		body: UpdateCredentialBody,
		itemIndex?: number,
	): Promise<CertifierCredential> {
		return await this.api.request(
			{ method: 'PATCH', path: CERTIFIER_PATHS.credential(id), body },
			itemIndex,
		);
	}

	async deleteCredential(id: string, itemIndex?: number): Promise<void> {
		await this.api.request({ method: 'DELETE', path: CERTIFIER_PATHS.credential(id) }, itemIndex);
	}

	async listCredentials(
		page: PageRequest,
		itemIndex?: number,
	): Promise<CertifierPage<CertifierCredential>> {
		return await this.api.request(
			{ method: 'GET', path: CERTIFIER_PATHS.credentials, qs: pageQuery(page) },
			itemIndex,
		);
	}

	async searchCredentials(
		body: SearchBody,
		itemIndex?: number,
	): Promise<CertifierPage<CertifierCredential>> {
		return await this.api.request(
			{ method: 'POST', path: CERTIFIER_PATHS.search, body, repeatable: true },
			itemIndex,
		);
	}

	async credentialDesigns(id: string, itemIndex?: number): Promise<CertifierCredentialDesign[]> {
		return await this.api.request(
			{ method: 'GET', path: CERTIFIER_PATHS.designsOf(id) },
			itemIndex,
		);
	}

	async createGroup(body: IDataObject, itemIndex?: number): Promise<CertifierGroup> {
		return await this.api.request(
			{ method: 'POST', path: CERTIFIER_PATHS.groups, body },
			itemIndex,
		);
	}

	async getGroup(id: string, itemIndex?: number): Promise<CertifierGroup> {
		return await this.api.request({ method: 'GET', path: CERTIFIER_PATHS.group(id) }, itemIndex);
	}

	async updateGroup(id: string, body: IDataObject, itemIndex?: number): Promise<CertifierGroup> {
		return await this.api.request(
			{ method: 'PATCH', path: CERTIFIER_PATHS.group(id), body },
			itemIndex,
		);
	}

	async listGroups(page: PageRequest, itemIndex?: number): Promise<CertifierPage<CertifierGroup>> {
		return await this.api.request(
			{ method: 'GET', path: CERTIFIER_PATHS.groups, qs: pageQuery(page) },
			itemIndex,
		);
	}

	async listDesigns(
		page: PageRequest,
		itemIndex?: number,
	): Promise<CertifierPage<CertifierDesign>> {
		return await this.api.request(
			{ method: 'GET', path: CERTIFIER_PATHS.designs, qs: pageQuery(page) },
			itemIndex,
		);
	}

	async listAttributes(itemIndex?: number): Promise<CertifierAttribute[]> {
		const body = await this.api.request<CertifierAttribute[] | { data: CertifierAttribute[] }>(
			{ method: 'GET', path: CERTIFIER_PATHS.attributes },
			itemIndex,
		);
		// [second-hand] a bare array; accept the list envelope too in case it is paginated like the rest.
		return Array.isArray(body) ? body : (body?.data ?? []);
	}

	async deleteGroup(id: string, itemIndex?: number): Promise<void> {
		await this.api.request({ method: 'DELETE', path: CERTIFIER_PATHS.group(id) }, itemIndex);
	}

	async getDesign(id: string, itemIndex?: number): Promise<CertifierDesign> {
		return await this.api.request({ method: 'GET', path: CERTIFIER_PATHS.design(id) }, itemIndex);
	}

	async listInteractions(
		page: PageRequest,
		filter: InteractionFilter,
		itemIndex?: number,
	): Promise<CertifierPage<CertifierInteraction>> {
		const qs = { ...(filter.credentialId ? { credentialId: filter.credentialId } : {}) };
		return await this.api.request(
			{ method: 'GET', path: CERTIFIER_PATHS.interactions, qs: { ...qs, ...pageQuery(page) } },
			itemIndex,
		);
	}

	/** A POST: not sent again when its outcome is unknown (it would record the event twice). */
	async createInteraction(
		body: CreateInteractionBody,
		itemIndex?: number,
	): Promise<CertifierInteraction> {
		return await this.api.request(
			{ method: 'POST', path: CERTIFIER_PATHS.interactions, body },
			itemIndex,
		);
	}
}

/** [doc] Error body: {"error": {"code", "message"}}. */
export function parseCertifierError(body: unknown): VendorError | undefined {
	if (body === null || typeof body !== 'object') {
		return typeof body === 'string' && body ? { message: body.slice(0, 500) } : undefined;
	}
	const error = (body as Record<string, unknown>).error as Record<string, unknown> | undefined;
	if (!error || typeof error !== 'object') return undefined;
	return {
		code: typeof error.code === 'string' ? error.code : undefined,
		message: typeof error.message === 'string' ? error.message : undefined,
	};
}

export const CERTIFIER_SERVICE: Service<CertifierClient> = {
	client: (api) => new CertifierClient(api),
	displayName: 'Certifier',
	credentialType: 'certifierApi',
	baseUrl: (credentials) => String(credentials.baseUrl || CERTIFIER_DEFAULT_BASE_URL),
	// Access tokens are static (created in the dashboard): a 401 cannot be cured by renewing.
	authHeaders: certifierAuthHeaders,
	tokenExpiredStatusCodes: undefined,
	parseError: parseCertifierError,
	secretFields: ['accessToken'],
};
