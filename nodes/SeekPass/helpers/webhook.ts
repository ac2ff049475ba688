import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { Webhook } from '../transport';

/** Names the thing read in input errors. */
export const webhookWhat = 'SEEK Pass webhook';

/**
 * Which webhook: picked from the registered ones or given by ID. Workflows saved when this was a
 * plain text field keep working: ItemParams.id reads a plain string as the ID.
 */
export const webhookIdProperty: INodeProperties = {
	displayName: 'Webhook',
	name: 'webhookId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchWebhooks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8f2c1f0e-5b7a-4d1e-9c3b-2a6d4e8f0a1b',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\S+\\s*$', errorMessage: 'Enter a webhook ID' },
				},
			],
		},
	],
};

/** A webhook as output by every operation but create and rotate: never with its secret. */
export function withoutSecret(webhook: Webhook): IDataObject {
	const rest = { ...(webhook as unknown as IDataObject) };
	delete rest.secret;
	return rest;
}

/** Only the two operations that exist to hand the secret over output it. */
export function withSecret(webhook: Webhook): IDataObject {
	return { ...(webhook as unknown as IDataObject) };
}

export const webhookUrlProperty: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/seek-pass',
	description: 'Where SEEK Pass sends verification events',
};

/** Name and description, optional on create and update. */
export const webhookLabelOptions: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
	},
];
