import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { asText, pick, type ItemParams } from '../../../common/item-params';
import { partnerChainOptions, readPartnerChain } from './shared';

const show = { show: { credentialType: ['universal_credential'] } };

/** The dropdown's value for "Other": never a category name (SEEK Pass's are snake_case words). */
export const OTHER_CATEGORY = '__other';

const DETAIL_KEYS = [
	'scope_of_practice',
	'speciality',
	'version',
	'date_completed',
	'country',
	'state',
	'province',
	'city',
	'region',
	'place',
] as const;

const detail = (displayName: string, name: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
});

export const universalCredentialProperties: INodeProperties[] = [
	{
		displayName: 'Credential Name',
		name: 'credential_name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Registered Nurse',
		displayOptions: show,
	},
	{
		displayName: 'Credential Category',
		name: 'credential_category',
		type: 'options',
		// Literal for n8n's lint, which reads options and default as written; a unit test holds
		// them equal to SEEK_PASS_UNIVERSAL_CATEGORIES, where their provenance ([assumed]) is kept.
		options: [
			{ name: 'Award', value: 'award' },
			{ name: 'Certification', value: 'certification' },
			{ name: 'Clearance', value: 'clearance' },
			{ name: 'Licence', value: 'licence' },
			{ name: 'Membership', value: 'membership' },
			{ name: 'Registration', value: 'registration' },
			{ name: 'Training', value: 'training' },
			{
				name: 'Other (Enter a Value)',
				value: OTHER_CATEGORY,
				description: 'A category from SEEK Pass’s list that is not offered here',
			},
		],
		default: 'licence',
		required: true,
		description:
			'One of SEEK Pass’s supported credential categories. Check the list on SEEK Pass’s Universal Credential page; choose Other to type the exact value.',
		displayOptions: show,
	},
	{
		displayName: 'Other Category',
		name: 'credential_category_other',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. working_with_children_check',
		description: 'The category exactly as SEEK Pass lists it',
		displayOptions: {
			show: { credentialType: ['universal_credential'], credential_category: [OTHER_CATEGORY] },
		},
	},
	{
		displayName: 'Issuer Name',
		name: 'issuer_name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Nursing and Midwifery Board of Australia',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'universalCredentialFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Expiry Date',
				name: 'expiry_date',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2027-05-31',
				description: 'YYYY-MM-DD',
			},
			...partnerChainOptions,
		],
	},
	{
		displayName: 'Credential Details',
		name: 'credential_details',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'Optional details of the credential; each one may be left out',
		displayOptions: show,
		options: [
			detail('City', 'city', 'e.g. Melbourne'),
			detail('Country', 'country', 'e.g. Australia'),
			{
				displayName: 'Date Completed',
				name: 'date_completed',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2024-11-30',
				description: 'YYYY-MM-DD',
			},
			detail('Place', 'place', 'e.g. Royal Melbourne Hospital'),
			detail('Province', 'province', 'e.g. Ontario'),
			detail('Region', 'region', 'e.g. Asia Pacific'),
			detail('Scope of Practice', 'scope_of_practice', 'e.g. General practice'),
			{
				displayName: 'Speciality',
				name: 'speciality',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Speciality' },
				default: [],
				placeholder: 'e.g. Paediatrics',
			},
			detail('State', 'state', 'e.g. Victoria'),
			detail('Version', 'version', 'e.g. 2.1'),
		],
	},
];

export function readUniversalCredential(params: ItemParams): IDataObject {
	const fields = params.raw<IDataObject>('universalCredentialFields', {});
	const chosen = asText(params.raw<unknown>('credential_category', ''));
	const category =
		chosen === OTHER_CATEGORY
			? asText(params.raw<unknown>('credential_category_other', ''))
			: chosen;
	const credential: IDataObject = {
		full_name: params.raw('full_name', ''),
		credential_name: params.raw('credential_name', ''),
		credential_category: category,
		issuer_name: params.raw('issuer_name', ''),
		...pick(fields, ['expiry_date']),
	};
	const details = pick(params.raw<IDataObject>('credential_details', {}), DETAIL_KEYS);
	if (Object.keys(details).length > 0) credential.credential_details = details;
	const partnerChain = readPartnerChain(params, fields);
	if (partnerChain !== undefined) credential.partner_chain = partnerChain as IDataObject[];
	return credential;
}
