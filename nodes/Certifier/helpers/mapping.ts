import type { IDataObject } from 'n8n-workflow';
import type { CertifierCredential, CertifierGroup } from '../transport';

/** Turns editor values into request-body fields and API answers into output items. */

/**
 * String(value) for anything an item can hold. An object whose toString is not a function (item
 * JSON such as {"toString": ""}, or a null-prototype object) makes String() throw; it gets the
 * generic "[object Object]" instead, which the schemas then refuse by field name.
 */
function textOf(value: unknown): string {
	try {
		return String(value);
	} catch {
		return Object.prototype.toString.call(value);
	}
}

/** What the editor may hand over for a date: "YYYY-MM-DD", a date-time string, or a Luxon/JS date. */
export function toIsoDay(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString().slice(0, 10);
	if (
		typeof value === 'object' &&
		typeof (value as { toISODate?: unknown }).toISODate === 'function'
	) {
		return String((value as { toISODate: () => string }).toISODate());
	}
	const text = textOf(value).trim();
	// The date picker yields a local date-time ("2024-05-01T00:00:00"); the day is what the user chose.
	const day = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text);
	return day ? day[1] : text;
}

function nonBlank(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = textOf(value).trim();
	return text === '' ? undefined : text;
}

export interface CredentialFields {
	groupId: string;
	recipientName: unknown;
	recipientEmail?: unknown;
	issueDate?: unknown;
	expiryDate?: unknown;
	customAttributes?: Record<string, string>;
}

/**
 * The body of POST /credentials (and create-issue-send) with only the fields the user filled in:
 * an empty optional field is left out, never sent as "" or {}.
 */
export function credentialBody(fields: CredentialFields): IDataObject {
	const recipient: IDataObject = {
		name:
			typeof fields.recipientName === 'string'
				? fields.recipientName
				: (fields.recipientName ?? ''),
	};
	const email = nonBlank(fields.recipientEmail);
	if (email !== undefined) recipient.email = email;
	const body: IDataObject = { groupId: fields.groupId, recipient };
	const issueDate = toIsoDay(fields.issueDate);
	if (issueDate !== undefined) body.issueDate = issueDate;
	const expiryDate = toIsoDay(fields.expiryDate);
	if (expiryDate !== undefined) body.expiryDate = expiryDate;
	if (fields.customAttributes && Object.keys(fields.customAttributes).length > 0) {
		body.customAttributes = fields.customAttributes;
	}
	return body;
}

export interface CredentialUpdateFields {
	recipientName?: unknown;
	recipientEmail?: unknown;
	issueDate?: unknown;
	expiryDate?: unknown;
	clearExpiryDate?: boolean;
	customAttributes?: Record<string, string>;
}

/** The body of PATCH /credentials/{id}; "Clear Expiry Date" sends expiryDate: null [published: update-a-credential]. */
export function credentialUpdateBody(fields: CredentialUpdateFields): IDataObject {
	const body: IDataObject = {};
	const recipient: IDataObject = {};
	if (fields.recipientName !== undefined) recipient.name = fields.recipientName;
	const email = nonBlank(fields.recipientEmail);
	if (email !== undefined) recipient.email = email;
	if (Object.keys(recipient).length > 0) body.recipient = recipient;
	const issueDate = toIsoDay(fields.issueDate);
	if (issueDate !== undefined) body.issueDate = issueDate;
	if (fields.clearExpiryDate) {
		body.expiryDate = null;
	} else {
		const expiryDate = toIsoDay(fields.expiryDate);
		if (expiryDate !== undefined) body.expiryDate = expiryDate;
	}
	if (fields.customAttributes && Object.keys(fields.customAttributes).length > 0) {
		body.customAttributes = fields.customAttributes;
	}
	return body;
}

export interface GroupFields {
	name?: unknown;
	designIds?: string[];
	learningEventUrl?: unknown;
	/** Deprecated by Certifier; the schema refuses them next to designIds. */
	certificateDesignId?: unknown;
	badgeDesignId?: unknown;
}

/** The body of POST/PATCH /groups with only the fields given. */
export function groupBody(fields: GroupFields): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = fields.name;
	if (fields.designIds !== undefined)
		body.designIds = [...new Set(fields.designIds.filter(Boolean))];
	const url = nonBlank(fields.learningEventUrl);
	if (url !== undefined) body.learningEventUrl = url;
	const certificateDesignId = nonBlank(fields.certificateDesignId);
	if (certificateDesignId !== undefined) body.certificateDesignId = certificateDesignId;
	const badgeDesignId = nonBlank(fields.badgeDesignId);
	if (badgeDesignId !== undefined) body.badgeDesignId = badgeDesignId;
	return body;
}

/** A credential as the node outputs it, optionally with its group's {id, name} for later mapping (e.g. OB3). */
export function credentialItem(
	credential: CertifierCredential,
	group?: CertifierGroup,
): IDataObject {
	if (!group) return { ...credential };
	return { ...credential, group: { id: group.id, name: group.name } };
}
