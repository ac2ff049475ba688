import type { IDataObject } from 'n8n-workflow';
import { ItemParams, pick } from '../../../common/item-params';
import { batched, type Entry } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import {
	webhookLabelOptions,
	webhookUrlProperty,
	webhookWhat,
	withSecret,
} from '../../helpers/webhook';
import { webhookCreateSchema, type WebhookCreateBody } from '../../schemas';
import type { SeekPassClient } from '../../transport';

interface CreateEntry extends Entry {
	body: WebhookCreateBody;
}

export const create: Operation<SeekPassClient> = {
	value: 'create',
	name: 'Create',
	action: 'Create a webhook',
	description:
		'Register a URL for verification events. The output includes the webhook’s signing secret: keep it safe (only Create and Rotate Secret output it).',
	properties: [
		{ ...webhookUrlProperty, required: true },
		{
			displayName: 'Additional Fields',
			name: 'webhookFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: webhookLabelOptions,
		},
	],
	execute: batched((op) => ({
		prepare: (itemIndex): CreateEntry => {
			const params = new ItemParams(op.ctx, itemIndex, webhookWhat);
			const fields: IDataObject = params.collection('webhookFields');
			const body = { url: params.raw('url'), ...pick(fields, ['name', 'description']) };
			return { itemIndex, body: params.validate(webhookCreateSchema, body) };
		},
		send: async ([{ body, itemIndex }]) => [
			withSecret(await op.client.createWebhook(body, itemIndex)),
		],
	})),
};
