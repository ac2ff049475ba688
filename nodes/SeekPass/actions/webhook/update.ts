import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../../common/operation';
import { validateInput } from '../../../common/validation';
import { SeekPassClient } from '../../transport';
import { webhookUpdateSchema } from '../../schemas';
import { pick } from '../item-params';
import { runPrepared } from '../../../common/items/legacy';
import { webhookIdProperty, webhookLabelOptions, webhookUrlProperty, withoutSecret } from '../../helpers/webhook';

export const update: Operation = {
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
	execute: async (op) => {
		const client = new SeekPassClient(op.client);
		return await runPrepared(
			op,
			(itemIndex) => {
				const fields = op.ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
				const body = { id: op.ctx.getNodeParameter('webhookId', itemIndex), ...pick(fields, ['url', 'name', 'description']) };
				return validateInput(op.ctx.getNode(), webhookUpdateSchema, body, itemIndex, 'SEEK Pass webhook update');
			},
			async (body, itemIndex) => withoutSecret(await client.updateWebhook(body, itemIndex)),
		);
	},
};
