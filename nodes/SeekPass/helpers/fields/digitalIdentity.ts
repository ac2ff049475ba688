import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { pick, type ItemParams } from '../../../common/item-params';
import { partnerChainOptions } from './shared';

const show = { show: { credentialType: ['digital_identity'] } };

export const digitalIdentityProperties: INodeProperties[] = [
	{
		displayName: 'Document Validity Check',
		name: 'identity_document_validity',
		type: 'options',
		options: [
			{ name: 'Government Database', value: 'government_database' },
			{ name: 'Manual', value: 'manual' },
			{ name: 'Verifiable Credential', value: 'verifiable_credential' },
		],
		default: 'manual',
		required: true,
		description:
			'How a valid government ID was confirmed: a person inspected it (Manual), it was checked against a government database (e.g. DVS, DUKCAPIL) or it came from a cryptographically verifiable source (e.g. Singpass, ISO mDL).',
		displayOptions: show,
	},
	{
		displayName: 'Liveness Check',
		name: 'identity_document_liveness',
		type: 'options',
		options: [
			{ name: 'Automated', value: 'automated' },
			{ name: 'In Person', value: 'in_person' },
		],
		default: 'automated',
		required: true,
		description:
			'How the document was shown to come from a live person: an automated liveness system, or presented in person',
		displayOptions: show,
	},
	{
		displayName: 'Person Match Check',
		name: 'identity_document_person_match',
		type: 'options',
		options: [
			{ name: 'Automated', value: 'automated' },
			{ name: 'Government Database', value: 'government_database' },
			{ name: 'Manual', value: 'manual' },
		],
		default: 'automated',
		required: true,
		description:
			'How the person was matched to the document photo: a person compared them (Manual), an automated face match, or a government database',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'digitalIdentityFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Date of Birth',
				name: 'date_of_birth',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1990-01-31',
				description: 'YYYY-MM-DD. SEEK Pass encourages it.',
			},
			...partnerChainOptions,
		],
	},
];

/** The digital identity credential; its partner chain goes outside it (see readOutsidePartnerChain). */
export function readDigitalIdentity(params: ItemParams): IDataObject {
	const fields = params.raw<IDataObject>('digitalIdentityFields', {});
	return {
		full_name: params.raw('full_name', ''),
		identity_document_validity: params.raw('identity_document_validity', ''),
		identity_document_liveness: params.raw('identity_document_liveness', ''),
		identity_document_person_match: params.raw('identity_document_person_match', ''),
		...pick(fields, ['date_of_birth']),
	};
}
