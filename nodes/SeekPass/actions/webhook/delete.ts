import { type Operation } from '../../../common/operation';
import { perItem } from '../../../common/items/legacy';
import { validateInput } from '../../../common/validation';
import { SeekPassClient } from '../../transport';
import { webhookIdSchema } from '../../schemas';
import { webhookIdProperty } from '../../helpers/webhook';

export const deleteWebhook: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a webhook',
	description: 'Stop SEEK Pass sending events to a webhook',
	properties: [webhookIdProperty],
	execute: perItem(async ({ ctx, client }, itemIndex) => {
		const { id } = validateInput(
			ctx.getNode(),
			webhookIdSchema,
			{ id: ctx.getNodeParameter('webhookId', itemIndex) },
			itemIndex,
			'webhook ID',
		);
		await new SeekPassClient(client).deleteWebhook(id, itemIndex);
		return { id, deleted: true };
	}),
};
