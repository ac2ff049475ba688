import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { asText, given, type ItemParams } from '../../../common/item-params';
import { SEEK_PASS_SINGAPORE_WORK_RIGHTS_SAMPLE } from '../../constants';
import { partnerChainOptions, readPartnerChain } from './shared';

const show = { show: { credentialType: ['right_to_work'] } };

export const rightToWorkProperties: INodeProperties[] = [
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. AU',
		description: 'Country the right to work applies in: its 2-letter ISO 3166 code (AU, NZ, SG, …)',
		displayOptions: show,
	},
	{
		displayName: 'Singapore Work Rights',
		name: 'singapore_work_rights',
		type: 'string',
		default: '',
		placeholder: `e.g. ${SEEK_PASS_SINGAPORE_WORK_RIGHTS_SAMPLE}`,
		description:
			'Required when Country is SG: the person’s work rights in Singapore (SEEK Pass’s example: resident)',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'rightToWorkFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [...partnerChainOptions],
	},
];

export function readRightToWork(params: ItemParams): IDataObject {
	const fields = params.raw<IDataObject>('rightToWorkFields', {});
	const country = asText(params.raw<unknown>('country', ''));
	const credential: IDataObject = {
		full_name: params.raw('full_name', ''),
		// ISO codes are capitals; "au" typed by hand means AU.
		country: typeof country === 'string' ? country.trim().toUpperCase() : country,
	};
	const rights = given(params.raw<unknown>('singapore_work_rights', ''));
	if (rights !== undefined) credential.singapore_work_rights = rights as string;
	const partnerChain = readPartnerChain(params, fields);
	if (partnerChain !== undefined) credential.partner_chain = partnerChain as IDataObject[];
	return credential;
}
