import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { validateInput } from '../../../common/validation';
import {
	SEEK_PASS_ADD_SCOPES,
	SEEK_PASS_PARTNER_CHAIN_OUTSIDE,
	SEEK_PASS_V1_TYPES,
	type SeekPassApiVersion,
	type SeekPassCredentialType,
	type SeekPassV1Type,
} from '../../constants';
import {
	CREDENTIAL_SCHEMAS,
	documentSchema,
	partnerChainSchema,
	type CredentialFields,
	type PartnerChain,
} from '../../schemas';
import { careerHistoryProperties, readCareerHistory } from './careerHistory';
import { digitalIdentityProperties, readDigitalIdentity } from './digitalIdentity';
import { documentProperties, readDocument } from './document';
import { educationProperties, readEducation } from './education';
import { englishProficiencyProperties, readEnglishProficiency } from './englishProficiency';
import { microcredentialProperties, readMicrocredential } from './microcredential';
import { readRightToWork, rightToWorkProperties } from './rightToWork';
import { present, type ItemParams } from '../../../common/item-params';
import { fullNameProperty, readPartnerChain } from './shared';
import { readUniversalCredential, universalCredentialProperties } from './universalCredential';

/** Names a credential of this type in input errors, e.g. "SEEK Pass english proficiency credential". */
export function credentialWhat(type: SeekPassCredentialType): string {
	const name = type.replace(/_/g, ' ');
	return type === 'universal_credential' ? `SEEK Pass ${name}` : `SEEK Pass ${name} credential`;
}

export function isV1Type(type: SeekPassCredentialType): type is SeekPassV1Type {
	return (SEEK_PASS_V1_TYPES as readonly string[]).includes(type);
}

const typeOption = (name: string, value: SeekPassCredentialType, what: string) => ({
	name,
	value,
	description: `${what} (scope ${SEEK_PASS_ADD_SCOPES[value]})`,
});

export const credentialTypeProperty: INodeProperties = {
	displayName: 'Credential Type',
	name: 'credentialType',
	type: 'options',
	noDataExpression: true,
	options: [
		typeOption('Career History', 'career_history', 'Employment periods'),
		typeOption('Digital Identity', 'digital_identity', 'A verified identity'),
		typeOption('Education', 'education', 'A qualification'),
		typeOption('English Proficiency', 'english_proficiency', 'An English test result'),
		typeOption(
			'Learning and Development (Microcredential)',
			'microcredential',
			'A short course or badge',
		),
		typeOption('Right to Work', 'right_to_work', 'The right to work in a country'),
		typeOption(
			'Universal Credential',
			'universal_credential',
			'Any other credential, e.g. a licence (API v2 only)',
		),
	],
	default: 'education',
};

/** Every field of the seven credential types, each shown only for its type. */
export const credentialFieldProperties: INodeProperties[] = [
	fullNameProperty,
	...educationProperties,
	...englishProficiencyProperties,
	...microcredentialProperties,
	...digitalIdentityProperties,
	...rightToWorkProperties,
	...careerHistoryProperties,
	...universalCredentialProperties,
	...documentProperties,
];

/** Each type's reader: the credential's fields from the editor, in the guide's field order. */
export const CREDENTIAL_READERS: Record<
	SeekPassCredentialType,
	(params: ItemParams) => IDataObject
> = {
	education: readEducation,
	english_proficiency: readEnglishProficiency,
	microcredential: readMicrocredential,
	digital_identity: readDigitalIdentity,
	right_to_work: readRightToWork,
	career_history: readCareerHistory,
	universal_credential: readUniversalCredential,
};

/** The Additional Fields collection of the types whose partner chain may sit outside the fields. */
const OUTSIDE_CHAIN_COLLECTION: Partial<Record<SeekPassCredentialType, string>> = {
	digital_identity: 'digitalIdentityFields',
	career_history: 'careerHistoryFields',
};

/**
 * The partner chain of digital identity and career history, which the readers leave out of the
 * fields: where it goes depends on the API version (see SEEK_PASS_PARTNER_CHAIN_OUTSIDE).
 */
export function readOutsidePartnerChain(params: ItemParams, type: SeekPassCredentialType): unknown {
	const collection = OUTSIDE_CHAIN_COLLECTION[type];
	if (collection === undefined) return undefined;
	return readPartnerChain(params, params.raw<IDataObject>(collection, {}));
}

const outsideChainSchema = z.object({ partner_chain: partnerChainSchema });

export interface PreparedCredential {
	/** The credential's fields (v1 `data.credential`, v2 `fields`), validated. */
	credential: CredentialFields;
	/** v1 only. */
	document_type: string;
	/** v1 only. */
	document?: unknown;
	/** The partner chain of digital identity and career history, placed by the envelope. */
	partner_chain?: PartnerChain;
}

/** Validates a credential of `type` (from the editor or from JSON), its v1 document and outside partner chain. */
export function validateCredential(
	params: ItemParams,
	type: SeekPassCredentialType,
	credential: unknown,
	/** v1 only; leave it out for v2, which carries files as assets. */
	document?: { document_type: string; document?: unknown },
	partnerChain?: unknown,
): PreparedCredential {
	const node = params.ctx.getNode();
	const fields = validateInput(
		node,
		CREDENTIAL_SCHEMAS[type],
		credential,
		params.itemIndex,
		params.what,
	) as CredentialFields;
	const prepared: PreparedCredential = { credential: fields, document_type: 'none' };
	if (document !== undefined && isV1Type(type)) {
		validateInput(node, documentSchema(type), document, params.itemIndex, params.what);
		prepared.document_type = document.document_type;
		if (document.document_type !== 'none' && present(document.document))
			prepared.document = document.document;
	}
	if (partnerChain !== undefined) {
		prepared.partner_chain = validateInput(
			node,
			outsideChainSchema,
			{ partner_chain: partnerChain },
			params.itemIndex,
			params.what,
		).partner_chain;
	}
	return prepared;
}

/**
 * Reads the editor's fields for `type` and validates them, before anything is sent. v2 sends no
 * document (files travel as assets), so none is read for it.
 */
export function readCredential(
	params: ItemParams,
	type: SeekPassCredentialType,
	version: SeekPassApiVersion = 'v1',
): PreparedCredential {
	const document = version === 'v1' ? readDocument(params, type) : undefined;
	return validateCredential(
		params,
		type,
		CREDENTIAL_READERS[type](params),
		document,
		readOutsidePartnerChain(params, type),
	);
}

/** True when this type's partner chain sits outside the fields in this API version. */
export function partnerChainOutside(
	version: SeekPassApiVersion,
	type: SeekPassCredentialType,
): boolean {
	return SEEK_PASS_PARTNER_CHAIN_OUTSIDE[version].includes(type);
}
