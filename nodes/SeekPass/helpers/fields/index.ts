import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { validateInput } from '../../../common/validation';
import type { SeekPassCredentialType } from '../../constants';
import { CREDENTIAL_SCHEMAS, documentSchema, type CredentialFields } from '../../schemas';
import { digitalIdentityProperties, readDigitalIdentity } from './digitalIdentity';
import { documentProperties, readDocument } from './document';
import { educationProperties, readEducation } from './education';
import { englishProficiencyProperties, readEnglishProficiency } from './englishProficiency';
import { microcredentialProperties, readMicrocredential } from './microcredential';
import type { ItemParams } from '../../../common/item-params';
import { fullNameProperty } from './shared';

/** Names a credential of this type in input errors, e.g. "SEEK Pass english proficiency credential". */
export function credentialWhat(type: SeekPassCredentialType): string {
	return `SEEK Pass ${type.replace(/_/g, ' ')} credential`;
}

export const credentialTypeProperty: INodeProperties = {
	displayName: 'Credential Type',
	name: 'credentialType',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Digital Identity',
			value: 'digital_identity',
			description: 'A verified identity (scope write.digital_identity)',
		},
		{
			name: 'Education',
			value: 'education',
			description: 'A qualification (scope write.education)',
		},
		{
			name: 'English Proficiency',
			value: 'english_proficiency',
			description: 'An English test result (scope write.english_proficiency)',
		},
		{
			name: 'Microcredential',
			value: 'microcredential',
			description: 'A short course or badge (scope write.microcredential)',
		},
	],
	default: 'education',
};

/** Every field of the four credential types, each shown only for its type. */
export const credentialFieldProperties: INodeProperties[] = [
	fullNameProperty,
	...educationProperties,
	...englishProficiencyProperties,
	...microcredentialProperties,
	...digitalIdentityProperties,
	...documentProperties,
];

const READERS: Record<SeekPassCredentialType, (params: ItemParams) => IDataObject> = {
	education: readEducation,
	english_proficiency: readEnglishProficiency,
	microcredential: readMicrocredential,
	digital_identity: readDigitalIdentity,
};

export interface PreparedCredential {
	credential: CredentialFields;
	document_type: string;
	document?: unknown;
}

/** Validates a credential of `type` (from the editor or from JSON) and its document. */
export function validateCredential(
	params: ItemParams,
	type: SeekPassCredentialType,
	credential: unknown,
	document: { document_type: string; document?: unknown },
): PreparedCredential {
	const node = params.ctx.getNode();
	const fields = validateInput(
		node,
		CREDENTIAL_SCHEMAS[type],
		credential,
		params.itemIndex,
		params.what,
	) as CredentialFields;
	validateInput(node, documentSchema(type), document, params.itemIndex, params.what);
	const prepared: PreparedCredential = {
		credential: fields,
		document_type: document.document_type,
	};
	if (document.document_type !== 'none' && document.document !== undefined)
		prepared.document = document.document;
	return prepared;
}

/** Reads the editor's fields for `type` and validates them, before anything is sent. */
export function readCredential(
	params: ItemParams,
	type: SeekPassCredentialType,
): PreparedCredential {
	return validateCredential(params, type, READERS[type](params), readDocument(params, type));
}
