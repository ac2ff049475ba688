import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { rows, type ItemParams } from '../../../common/item-params';

/** Partner chain, offered by every credential type: as rows in the editor or as JSON. */
export const partnerChainOptions: INodeProperties[] = [
	{
		displayName: 'Partner Chain',
		name: 'partner_chain',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Partner',
		description: 'Organisations the credential passed through on its way to SEEK Pass, in order',
		options: [
			{
				name: 'partners',
				displayName: 'Partner',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						required: true,
					},
				],
			},
		],
	},
	{
		displayName: 'Partner Chain (JSON)',
		name: 'partner_chain_json',
		type: 'json',
		default: '',
		description:
			'The partner chain as JSON, e.g. [{"name": "Acme Registry"}]. Use this or Partner Chain, not both.',
	},
];

export function readPartnerChain(params: ItemParams, fields: IDataObject): unknown {
	return params.either(
		'partner_chain',
		rows(fields.partner_chain, 'partners', ['name']),
		fields.partner_chain_json,
	);
}

/** Shown for every credential type. */
export const fullNameProperty: INodeProperties = {
	displayName: 'Full Name',
	name: 'full_name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. John Smith',
	description: 'The person the credential belongs to, as it appears on the credential',
};
