import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { pick, type ItemParams } from '../../../common/item-params';

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
		description: 'How the identity document was confirmed to be valid',
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
		description: 'How the person was confirmed to be present',
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
		description: 'How the person was matched to the identity document',
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
				description: 'YYYY-MM-DD',
			},
		],
	},
];

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
