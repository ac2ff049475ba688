import { ItemParams } from '../../../common/item-params';
import { eachItem } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { webhookIdProperty, webhookWhat } from '../../helpers/webhook';
import type { SeekPassClient } from '../../transport';

const deleteOperation: Operation<SeekPassClient> = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a webhook',
	description: 'Stop SEEK Pass sending events to a webhook',
	properties: [webhookIdProperty],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const id = new ItemParams(ctx, itemIndex, webhookWhat).id('webhookId', 'webhook ID');
		await client.deleteWebhook(id, itemIndex);
		return { id, deleted: true };
	}),
};

// `delete` is a reserved word: the operation's value is exported under it.
export { deleteOperation as delete };
