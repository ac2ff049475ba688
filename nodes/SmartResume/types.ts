import type { IDataObject } from 'n8n-workflow';

/** The person the credentials belong to, in the vendor's field names; "" where not given. */
export interface RecipientInput {
	id: string;
	givenName: string;
	familyName: string;
	additionalName: string;
	email: string;
	phone: string;
	studentId: string;
	signupOrganization: string;
}

export const RECIPIENT_KEYS: ReadonlyArray<keyof RecipientInput> = [
	'id',
	'givenName',
	'familyName',
	'additionalName',
	'email',
	'phone',
	'studentId',
	'signupOrganization',
];

/** An issuing organisation; "" where not given. */
export interface IssuerInput {
	id: string;
	name: string;
	email: string;
	url: string;
	/** The image's URL or data URI (OB 3.0 Image.id). */
	imageId: string;
	description: string;
}

/** One credential of a push, as SmartResume receives it (OB 3.0 or CLR 2.0 JSON-LD). */
export type CredentialJson = IDataObject;

/** The body of POST /api/v1/credentials. */
export interface PushBody extends IDataObject {
	'@context': string[];
	recipienttoken?: string;
	recipient?: IDataObject;
	credentials: CredentialJson[];
}
