import type { IDataObject } from 'n8n-workflow';
import {
	CLR_CONTEXT,
	CLR_SCHEMA,
	CLR_SUBJECT_TYPE,
	CLR_TYPE,
	PROFILE_TYPE,
	VC_TYPE,
} from '../../constants';
import type { CredentialJson, IssuerInput } from '../../types';

export interface ClrInput {
	id: string;
	name: string;
	issuer: IssuerInput;
	/** Free text is passed as given; "" leaves validFrom out. */
	validFrom: string;
	subjectId: string;
	/** The holder's names; any of them puts "Profile" in the subject's type [doc]. */
	names: { givenName: string; familyName: string; additionalName: string };
	/** The OB 3.0 credentials the record bundles. */
	verifiableCredential: CredentialJson[];
}

function nonEmpty(entries: Array<[string, unknown]>): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of entries)
		if (value !== '' && value !== undefined) out[key] = value as IDataObject[string];
	return out;
}

/**
 * A ClrCredential as the vendor's FAQ example shows it. Unlike the OB 3.0 push template, CLR
 * objects carry only the keys that have values (the FAQ's issuer is just id, type and name), so
 * empty optional fields are left out rather than sent as "".
 */
export function buildClr(input: ClrInput): CredentialJson {
	const { names, issuer } = input;
	const hasNames = Object.values(names).some((n) => n !== '');
	const subject: IDataObject = {
		...nonEmpty([['id', input.subjectId]]),
		type: hasNames ? [CLR_SUBJECT_TYPE, PROFILE_TYPE] : [CLR_SUBJECT_TYPE],
		verifiableCredential: input.verifiableCredential,
		...nonEmpty([
			['givenName', names.givenName],
			['familyName', names.familyName],
			['additionalName', names.additionalName],
		]),
	};
	return {
		'@context': [...CLR_CONTEXT],
		id: input.id,
		type: [VC_TYPE, CLR_TYPE],
		issuer: {
			id: issuer.id,
			type: [PROFILE_TYPE],
			name: issuer.name,
			...nonEmpty([
				['email', issuer.email],
				['url', issuer.url],
				['image', issuer.imageId === '' ? '' : { id: issuer.imageId, type: 'Image' }],
				['description', issuer.description],
			]),
		},
		...nonEmpty([['validFrom', input.validFrom]]),
		name: input.name,
		credentialSubject: subject,
		credentialSchema: CLR_SCHEMA.map((s) => ({ ...s })),
	};
}
