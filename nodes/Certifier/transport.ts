import type { IDataObject } from 'n8n-workflow';
import type { ApiClient } from '../common/transport/client';
import { CERTIFIER_PATHS } from './constants';
import type { CreateCredentialBody, SearchBody, UpdateCredentialBody } from './schemas';
import type {
	CertifierAttribute,
	CertifierCredential,
	CertifierCredentialDesign,
	CertifierDesign,
	CertifierGroup,
	CertifierPage,
} from './types';

export interface PageRequest {
	cursor?: string;
	limit: number;
}

function pageQuery(page: PageRequest): IDataObject {
	return page.cursor ? { cursor: page.cursor, limit: page.limit } : { limit: page.limit };
}

/** Typed calls to Certifier's API; HTTP, retries and errors belong to the shared ApiClient. */
export class CertifierClient {
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
}
