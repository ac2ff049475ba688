import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { pick, type ItemParams } from '../../../common/item-params';
import { partnerChainOptions, readPartnerChain } from './shared';

const show = { show: { credentialType: ['microcredential'] } };

export const microcredentialProperties: INodeProperties[] = [
	{
		displayName: 'Issuer Name',
		name: 'issuer_name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Acme Training',
		displayOptions: show,
	},
	{
		displayName: 'Microcredential Name',
		name: 'microcredential_name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Advanced Excel',
		displayOptions: show,
	},
	{
		displayName: 'Issue Date',
		name: 'issue_date',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2024-03-01',
		description: 'YYYY-MM-DD',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'microcredentialFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Assessment Result',
				name: 'assessment_result',
				type: 'string',
				default: '',
				placeholder: 'e.g. Pass with distinction',
			},
			{
				displayName: 'Expiry Date',
				name: 'expiry_date',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2027-03-01',
				description: 'YYYY-MM-DD',
			},
			...partnerChainOptions,
		],
	},
];

export function readMicrocredential(params: ItemParams): IDataObject {
	const fields = params.raw<IDataObject>('microcredentialFields', {});
	const credential: IDataObject = {
		full_name: params.raw('full_name', ''),
		issuer_name: params.raw('issuer_name', ''),
		microcredential_name: params.raw('microcredential_name', ''),
		issue_date: params.raw('issue_date', ''),
		...pick(fields, ['expiry_date', 'assessment_result']),
	};
	const partnerChain = readPartnerChain(params, fields);
	if (partnerChain !== undefined) credential.partner_chain = partnerChain;
	return credential;
}
