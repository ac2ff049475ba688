import type { IDataObject } from 'n8n-workflow';
import { ItemParams, pick } from '../../../common/item-params';
import { batched, type Entry } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import {
	webhookIdProperty,
	webhookLabelOptions,
	webhookUrlProperty,
	withoutSecret,
} from '../../helpers/webhook';
import { webhookUpdateSchema, type WebhookUpdateBody } from '../../schemas';
import type { SeekPassClient } from '../../transport';

interface UpdateEntry extends Entry {
	body: WebhookUpdateBody;
}

export const update: Operation<SeekPassClient> = {
	value: 'update',
	name: 'Update',
	action: 'Update a webhook',
	description: 'Change a webhook’s URL, name or description (its secret stays)',
	properties: [
		webhookIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [...webhookLabelOptions, webhookUrlProperty],
		},
	],
	execute: batched((op) => ({
		prepare: (itemIndex): UpdateEntry => {
			const params = new ItemParams(op.ctx, itemIndex, 'SEEK Pass webhook update');
			const fields: IDataObject = params.collection('updateFields');
			const body = {
				id: params.locator('webhookId'),
				...pick(fields, ['url', 'name', 'description']),
			};
			return { itemIndex, body: params.validate(webhookUpdateSchema, body) };
		},
		send: async ([{ body, itemIndex }]) => [
			withoutSecret(await op.client.updateWebhook(body, itemIndex)),
		],
	})),
};
