import type { INodeProperties } from 'n8n-workflow';
import type { IssuerInput } from '../types';
import { asText, type ItemParams } from '../../common/item-params';

/** The issuing organisation: typed once in the node, the same for every item. */
export function issuerProperties(
	show?: Record<string, string[]>,
	withDetails = true,
): INodeProperties[] {
	const shown = show ? { displayOptions: { show } } : {};
	const properties: INodeProperties[] = [
		{
			displayName: 'Issuer ID',
			name: 'issuerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 123456789 or did:key:z6Mk…',
			description:
				'Unique and unchanging for your organisation: SmartResume routes credentials to your talent-marketplace page by it',
			...shown,
		},
		{
			displayName: 'Issuer Name',
			name: 'issuerName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Institution X',
			...shown,
		},
	];
	if (!withDetails) return properties;
	properties.push({
		displayName: 'Issuer Details',
		name: 'issuerDetails',
		type: 'collection',
		placeholder: 'Add detail',
		default: {},
		...shown,
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Image URL',
				name: 'imageId',
				type: 'string',
				default: '',
				description: 'Logo URL or data URI',
			},
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				default: '',
				placeholder: 'https://institutionx.edu',
			},
		],
	});
	return properties;
}

export function readIssuer(params: ItemParams): IssuerInput {
	const details = params.collection('issuerDetails');
	return {
		id: params.text('issuerId'),
		name: params.text('issuerName'),
		email: asText(details.email),
		url: asText(details.url),
		imageId: asText(details.imageId),
		description: asText(details.description),
	};
}
