import type { IDataObject } from 'n8n-workflow';

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
