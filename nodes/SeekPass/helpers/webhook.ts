import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { Webhook } from '../transport';

/** Names the thing read in input errors. */
export const webhookWhat = 'SEEK Pass webhook';

export const webhookIdProperty: INodeProperties = {
	displayName: 'Webhook ID',
	name: 'webhookId',
	type: 'string',
	default: '',
	required: true,
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
